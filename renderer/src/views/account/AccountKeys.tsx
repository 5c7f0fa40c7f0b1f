// Every key of the connected accounts: masked as the service shows it (or as msk shows a key it
// holds), its workspace, enabled or disabled, and whether it is stored here (as which label);
// a stored key its account no longer has is flagged. Each change is asked in a dialog first.
import { useState } from 'react';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { CreateKeyDialog } from './CreateKeyDialog';
import { type KeyChange, KeyChangeDialog } from './KeyChangeDialog';
import { ListingHeader } from './ListingHeader';
import type { AccountKey } from './slice';

export function AccountKeys() {
  const t = useT();
  const listing = useStore((store) => store.accountKeys);
  const progress = useStore((store) => store.listingKeys);
  const loadKeys = useStore((store) => store.loadKeys);
  const cancelKeys = useStore((store) => store.cancelKeys);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<{ key: AccountKey; change: KeyChange }>();
  return (
    <section aria-labelledby="account-keys-title">
      <ListingHeader
        id="account-keys-title"
        title={t('window.account.keys.title')}
        progress={progress}
        onRefresh={() => void loadKeys()}
        onCancel={cancelKeys}
      />
      <button type="button" className="primary" onClick={() => setCreating(true)}>
        {t('window.account.keys.create')}
      </button>
      {listing?.keys.length === 0 && <p className="muted">{t('window.account.keys.none')}</p>}
      {listing && listing.keys.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('window.account.keys.title')}>
          <table className="table" aria-labelledby="account-keys-title">
            <thead>
              <tr>
                {['key', 'workspace', 'state', 'here', 'actions'].map((column) => (
                  <th key={column} scope="col">
                    {t(`window.account.keys.column.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {listing.keys.map((key) => (
                <KeyRow
                  key={`${key.account}/${key.workspace.regionId}/${key.apiKeyId}`}
                  accountKey={key}
                  onChange={(change) => setChanging({ key, change })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listing && listing.gone.length > 0 && (
        <div className="warning" role="status">
          <p>{t('window.account.keys.goneTitle')}</p>
          <ul>
            {listing.gone.map((gone) => (
              <li key={gone.keyId}>
                {t('window.account.keys.gone', {
                  label: gone.label,
                  id: gone.apiKeyId,
                  account: gone.account,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {creating && <CreateKeyDialog onClose={() => setCreating(false)} />}
      {changing && (
        <KeyChangeDialog
          accountKey={changing.key}
          change={changing.change}
          onClose={() => setChanging(undefined)}
        />
      )}
    </section>
  );
}

function KeyRow({
  accountKey: key,
  onChange,
}: {
  accountKey: AccountKey;
  onChange(change: KeyChange): void;
}) {
  const t = useT();
  const name = key.stored?.label ?? key.apiKeyId;
  const action = (change: KeyChange, label: string) => (
    <button
      type="button"
      className={change === 'delete' ? 'small danger' : 'small'}
      aria-label={t(`window.account.keys.named.${change}`, { name })}
      onClick={() => onChange(change)}
    >
      {label}
    </button>
  );
  return (
    <tr>
      <th scope="row">
        <code>{key.maskedValue}</code>
        <div className="muted">
          {t('window.account.keys.id', { id: key.apiKeyId })}
          {/* The account's own words for the key, in whatever language they were written. */}
          {key.description && (
            <>
              {' · '}
              <span translate="no">{key.description}</span>
            </>
          )}
        </div>
      </th>
      <td>
        {key.workspace.name}
        <div className="muted">{regionName(key.workspace.regionId, t)}</div>
      </td>
      <td>
        <span className={key.enabled ? 'chip chip-good' : 'chip chip-none'}>
          {t(key.enabled ? 'window.account.keys.enabled' : 'window.account.keys.disabled')}
        </span>
      </td>
      <td>
        {key.stored
          ? t('window.account.keys.storedAs', { label: key.stored.label })
          : t('window.account.keys.notHere')}
      </td>
      <td>
        <div className="card-actions">
          {action('rotate', t('window.account.keys.rotate'))}
          {key.enabled
            ? action('disable', t('window.account.keys.disable'))
            : action('enable', t('window.account.keys.enable'))}
          {action('delete', t('window.account.keys.delete'))}
        </div>
      </td>
    </tr>
  );
}
