// The tools' gateway tokens: which keys each uses (in failover order), its model and limit, when
// it was made and last used; revoke one; make one. A new token is copied by main and shown here
// once, from this component's state, which is gone when it is dismissed.
import { type FormEvent, useState } from 'react';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { NewToken } from './slice';

// Fallbacks made once: a selector answering a new object each time would render for ever.
const NONE: readonly never[] = [];
const NEVER_USED: Readonly<Record<string, string>> = {};

export function TokensPanel() {
  const t = useT();
  const tokens = useStore((store) => store.state?.gateway.tokens ?? NONE);
  const lastUsed = useStore((store) => store.usage?.lastUsed ?? NEVER_USED);
  const revokeGatewayToken = useStore((store) => store.revokeGatewayToken);
  const [made, setMade] = useState<NewToken>();
  return (
    <section aria-labelledby="gateway-tokens-title">
      <h3 id="gateway-tokens-title" className="section-title">
        {t('window.gateway.tokensTitle')}
      </h3>
      {made && <NewTokenPanel made={made} onDone={() => setMade(undefined)} />}
      {tokens.length === 0 ? (
        <p className="muted">{t('window.gateway.noTokens')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('window.gateway.tool')}</th>
              <th scope="col">{t('window.gateway.keys')}</th>
              <th scope="col">{t('window.gateway.model')}</th>
              <th scope="col">{t('window.gateway.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('window.gateway.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.name}>
                <th scope="row">{token.name}</th>
                <td>{token.keys.length > 0 ? token.keys.join(' → ') : t('window.gateway.activeKey')}</td>
                <td>
                  {token.model ?? t('window.gateway.toolsModel')}
                  {token.requestsPerMinute !== null &&
                    ` · ${t('window.gateway.perMinute', { count: token.requestsPerMinute })}`}
                </td>
                <td>
                  {lastUsed[token.name]
                    ? new Date(lastUsed[token.name] ?? '').toLocaleString()
                    : t('window.gateway.never')}
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('window.gateway.revokeNamed', { name: token.name })}
                    onClick={() => void revokeGatewayToken(token.name)}
                  >
                    {t('window.gateway.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddTokenForm onMade={setMade} />
    </section>
  );
}

function NewTokenPanel({ made, onDone }: { made: NewToken; onDone(): void }) {
  const t = useT();
  const url = useStore((store) => store.state?.gateway.url ?? '');
  return (
    <div className="notice" role="status" aria-label={t('window.gateway.madeTitle', { name: made.name })}>
      <p>
        <strong>{t('window.gateway.madeTitle', { name: made.name })}</strong>
      </p>
      <p>
        {made.clearAfterSeconds > 0
          ? t('window.gateway.madeCopied', { seconds: made.clearAfterSeconds })
          : t('window.gateway.madeCopiedKept')}
      </p>
      <p>
        {t('window.gateway.baseUrl')} <code>{url}</code>
      </p>
      <p>
        {t('window.gateway.token')} <code className="key-secret">{made.token}</code>
      </p>
      <button type="button" onClick={onDone}>
        {t('window.gateway.done')}
      </button>
    </div>
  );
}

function AddTokenForm({ onMade }: { onMade(made: NewToken): void }) {
  const t = useT();
  const keys = useStore((store) => store.state?.keys ?? NONE);
  const addGatewayToken = useStore((store) => store.addGatewayToken);
  const [name, setName] = useState('');
  const [picked, setChosen] = useState<string[]>([]);
  const [model, setModel] = useState('');
  const [perMinute, setPerMinute] = useState('');
  // Keys removed meanwhile drop out of the choice.
  const chosen = picked.filter((id) => keys.some((key) => key.id === id));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await addGatewayToken({
      name: name.trim(),
      keys: chosen,
      ...(model.trim() !== '' && { model: model.trim() }),
      ...(perMinute !== '' && { requestsPerMinute: Number(perMinute) }),
    });
    if (!made) return;
    onMade(made);
    setName('');
    setChosen([]);
    setModel('');
    setPerMinute('');
  };
  return (
    <form
      className="settings-group"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="gateway-add-title"
    >
      <h4 id="gateway-add-title">{t('window.gateway.addTitle')}</h4>
      <Field label={t('window.gateway.toolName')} help={t('window.gateway.toolNameHelp')}>
        {(control) => (
          <input
            {...control}
            value={name}
            maxLength={64}
            required
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('window.gateway.useKeys')}</legend>
        <p className="muted">{t('window.gateway.useKeysHelp')}</p>
        {keys.map((key) => {
          const place = chosen.indexOf(key.id);
          return (
            <label key={key.id} className="check-line">
              <input
                type="checkbox"
                checked={place !== -1}
                onChange={(event) =>
                  setChosen((ids) =>
                    event.target.checked ? [...ids, key.id] : ids.filter((id) => id !== key.id),
                  )
                }
              />{' '}
              {place !== -1 && `${place + 1}. `}
              {key.label} <span className="muted">{key.masked}</span>
            </label>
          );
        })}
      </fieldset>
      <Field label={t('window.gateway.modelField')} help={t('window.gateway.modelHelp')}>
        {(control) => <input {...control} value={model} onChange={(event) => setModel(event.target.value)} />}
      </Field>
      <Field label={t('window.gateway.perMinuteField')} help={t('window.gateway.perMinuteHelp')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={1_000_000}
            step={1}
            value={perMinute}
            onChange={(event) => setPerMinute(event.target.value)}
          />
        )}
      </Field>
      <div className="card-actions">
        <button type="submit" disabled={name.trim() === ''}>
          {t('window.gateway.add')}
        </button>
      </div>
    </form>
  );
}
