// Connect an account: an AccessKey pair, an aliyun CLI profile by name, or the standard chain;
// a name here and the site, found from the bill when left out. The secret lives in this
// component's state only until Connect sends it, and the field is emptied at once; a refusal is
// said here, in the form, with everything else as it was typed.
import { useState } from 'react';
import { Field } from '../../components/Field';
import { errorMessage, useT } from '../../i18n';
import { useStore } from '../../store';
import { Working } from '../../components/Working';
import type { ConnectRequest } from './slice';

type Way = ConnectRequest['credential']['kind'];
type Site = NonNullable<ConnectRequest['site']>;
const WAYS: readonly Way[] = ['access-key', 'profile', 'chain'];
const SITES: readonly Site[] = ['china', 'international'];

export function ConnectForm({ another }: { another: boolean }) {
  const t = useT();
  const connecting = useStore((store) => store.connecting);
  const connectError = useStore((store) => store.connectError);
  const connectAccount = useStore((store) => store.connectAccount);
  const cancelConnect = useStore((store) => store.cancelConnect);
  const [way, setWay] = useState<Way>('access-key');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [profile, setProfile] = useState('');
  const [name, setName] = useState('');
  const [site, setSite] = useState<Site | ''>('');

  const credential = (): ConnectRequest['credential'] | undefined => {
    if (way === 'access-key')
      return accessKeyId.trim() && secret
        ? { kind: way, accessKeyId: accessKeyId.trim(), accessKeySecret: secret }
        : undefined;
    if (way === 'profile') return profile.trim() ? { kind: way, profile: profile.trim() } : undefined;
    return { kind: way };
  };
  const ready = credential() !== undefined;

  const submit = async () => {
    const given = credential();
    if (!given || connecting) return;
    setSecret('');
    const connected = await connectAccount({
      credential: given,
      ...(name.trim() && { name: name.trim() }),
      ...(site && { site }),
    });
    if (connected) {
      setAccessKeyId('');
      setProfile('');
      setName('');
      setSite('');
    }
  };

  const title = t(another ? 'window.account.connectAnother' : 'window.account.connectTitle');
  return (
    <section aria-labelledby="connect-title">
      <h3 id="connect-title" className="section-title">
        {title}
      </h3>
      <form
        className="connect-form"
        aria-labelledby="connect-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="choices">
          <legend>{t('window.account.way')}</legend>
          {WAYS.map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name="connect-way"
                value={choice}
                checked={way === choice}
                onChange={() => setWay(choice)}
              />{' '}
              {t(`window.account.ways.${choice}`)}
            </label>
          ))}
        </fieldset>
        <p className="muted">{t(`window.account.wayHelp.${way}`)}</p>
        {way === 'access-key' && (
          <>
            <TextField
              label={t('window.account.accessKeyId')}
              value={accessKeyId}
              onChange={setAccessKeyId}
            />
            <TextField
              label={t('window.account.accessKeySecret')}
              value={secret}
              onChange={setSecret}
              secret
            />
          </>
        )}
        {way === 'profile' && (
          <TextField label={t('window.account.profile')} value={profile} onChange={setProfile} />
        )}
        <Field label={t('window.account.name')}>
          {(control) => (
            <input
              {...control}
              maxLength={32}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('window.account.site')}>
          {(control) => (
            <select {...control} value={site} onChange={(event) => setSite(event.target.value as Site | '')}>
              <option value="">{t('window.account.siteDetect')}</option>
              {SITES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`window.account.sites.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {connectError && (
          <p className="field-error" role="alert">
            {t('window.account.notConnected')} {errorMessage(connectError, t)}
          </p>
        )}
        {connecting ? (
          <Working label={t('window.account.connecting')} onCancel={cancelConnect} />
        ) : (
          <button type="submit" className="primary" disabled={!ready}>
            {t('window.account.connect')}
          </button>
        )}
      </form>
    </section>
  );
}

/** A field for something typed exactly (an id, a secret, a profile's name): no autocomplete, no spelling. */
function TextField({
  label,
  value,
  onChange,
  secret = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  secret?: boolean;
}) {
  return (
    <Field label={label}>
      {(control) => (
        <input
          {...control}
          type={secret ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
