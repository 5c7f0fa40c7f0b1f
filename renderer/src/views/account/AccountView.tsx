// The Alibaba Cloud account: connect one (or another), what each connected account's permissions
// allow, the least RAM policy to give it, and the workspaces the accounts have. Asked again
// whenever the connected accounts change.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { AccountCard } from './AccountCard';
import { AccountKeys } from './AccountKeys';
import { AccountSpendPanel } from './AccountSpendPanel';
import { AccountWorkspaces } from './AccountWorkspaces';
import { ConnectForm } from './ConnectForm';
import { RamPolicy } from './RamPolicy';

export function AccountView() {
  const t = useT();
  const names = useStore(useShallow((store) => store.state?.accounts.map((account) => account.name) ?? []));
  const loadAccounts = useStore((store) => store.loadAccounts);
  const loadSpend = useStore((store) => store.loadSpend);
  const loadKeys = useStore((store) => store.loadKeys);
  const loadPolicy = useStore((store) => store.loadPolicy);
  const siteAssumed = useStore((store) => store.siteAssumed);
  const connected = names.join('\n');
  useEffect(() => void loadPolicy(), [loadPolicy]);
  useEffect(() => {
    if (connected === '') return;
    void loadAccounts();
    void loadKeys();
    void loadSpend();
  }, [connected, loadAccounts, loadKeys, loadSpend]);
  // Leaving the view stops the listings no one will see.
  useEffect(
    () => () => {
      useStore.getState().cancelWorkspaces();
      useStore.getState().cancelSpend();
      useStore.getState().cancelKeys();
    },
    [],
  );
  return (
    <section className="view" aria-labelledby="account-title">
      <h2 id="account-title" className="view-title">
        {t('window.account.title')}
      </h2>
      {names.length === 0 ? (
        <p>{t('window.account.intro')}</p>
      ) : (
        <section aria-labelledby="accounts-title">
          <h3 id="accounts-title" className="section-title">
            {t('window.account.accounts')}
          </h3>
          <div className="cards">
            {names.map((name) => (
              <AccountCard key={name} name={name} />
            ))}
          </div>
        </section>
      )}
      {siteAssumed !== undefined && names.includes(siteAssumed) && (
        <p className="notice">{t('window.account.siteAssumed', { name: siteAssumed })}</p>
      )}
      {names.length > 0 && <AccountSpendPanel />}
      {names.length > 0 && <AccountKeys />}
      {names.length > 0 && <AccountWorkspaces />}
      <ConnectForm another={names.length > 0} />
      <RamPolicy />
    </section>
  );
}
