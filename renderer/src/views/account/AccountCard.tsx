// One connected account: its site, where its credential comes from (never the credential), what
// its permissions allow — each said plainly — and Disconnect, confirmed.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function AccountCard({ name }: { name: string }) {
  const t = useT();
  const account = useStore((store) => store.state?.accounts.find((candidate) => candidate.name === name));
  const status = useStore((store) => store.accountStatus?.find((candidate) => candidate.name === name));
  const disconnectAccount = useStore((store) => store.disconnectAccount);
  const [confirming, setConfirming] = useState(false);
  if (!account) return null;
  const { kind, hint } = account.credential;
  return (
    <article className="card" aria-label={name}>
      <header className="card-header">
        <h4>{name}</h4>
        <button
          type="button"
          aria-label={t('window.account.disconnectNamed', { name })}
          onClick={() => setConfirming(true)}
        >
          {t('window.account.disconnect')}
        </button>
      </header>
      <p className="muted">
        {t(`window.account.sites.${account.site}`)} · {t(`window.account.credential.${kind}`, { hint })}
      </p>
      <h5>{t('window.account.permissions')}</h5>
      {status ? (
        <ul className="permissions" aria-label={t('window.account.permissions')}>
          {status.permissions.map((permission) => (
            <li key={permission.what} className={permission.allowed ? undefined : 'warning'}>
              {t(permission.allowed ? 'window.account.allowed' : 'window.account.denied', {
                what: t(`window.account.permission.${permission.what}`),
                action: permission.action,
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('window.account.checkingPermissions')}</p>
      )}
      {confirming && (
        <Dialog
          title={t('window.account.disconnectTitle', { name })}
          submit={{ label: t('window.account.disconnect'), className: 'danger' }}
          onClose={() => setConfirming(false)}
          onSubmit={() => void disconnectAccount(name).then((done) => done && setConfirming(false))}
        >
          <p>{t('window.account.disconnectBody')}</p>
        </Dialog>
      )}
    </article>
  );
}
