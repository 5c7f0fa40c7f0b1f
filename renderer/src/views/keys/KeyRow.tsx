// One key: what it is, how its last check went, and what can be done with it. A revealed secret
// lives in this component's state only, and hides itself.
import { memo, useCallback, useState } from 'react';
import { api, unwrap } from '../../api';
import { CheckTiming } from '../../components/CheckTiming';
import { useSecondsLeft } from '../../components/Countdown';
import { StatusChip } from '../../components/StatusChip';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import type { KeyView } from './group-keys';
import { KeyMenu } from './KeyMenu';
import { RenameForm } from './RenameForm';

interface KeyRowProps {
  keyView: KeyView;
  /** The row Tab lands on (one per list: arrow keys move it). */
  tabStop: boolean;
  onFocusRow(keyId: string): void;
  onMove(key: KeyView): void;
  onDelete(key: KeyView): void;
}

export const KeyRow = memo(function KeyRow({
  keyView: key,
  tabStop,
  onFocusRow,
  onMove,
  onDelete,
}: KeyRowProps) {
  const t = useT();
  const copyKey = useStore((store) => store.copyKey);
  const checkKey = useStore((store) => store.checkKey);
  const checking = useStore((store) => store.checkingKeys[key.id] === true);
  const copiedUntil = useStore((store) =>
    store.copied?.keyId === key.id ? store.copied.clearsAt : undefined,
  );
  const attempt = useStore((store) => store.attempt);
  const [menuOpen, setMenuOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [revealed, setRevealed] = useState<{ secret: string; until: number } | undefined>();
  const hide = useCallback(() => setRevealed(undefined), []);
  const hidesIn = useSecondsLeft(revealed?.until ?? null, hide);

  const reveal = () =>
    void attempt(async () => {
      const { secret, hideAfterSeconds } = unwrap(await api().keys.reveal({ keyId: key.id }));
      setRevealed({ secret, until: Date.now() + hideAfterSeconds * 1000 });
    });
  const check = key.lastCheck;

  return (
    <article
      className={key.active ? 'key-row active' : 'key-row'}
      data-key-id={key.id}
      tabIndex={tabStop ? 0 : -1}
      // Lines scroll in and out, so each row says where it belongs rather than relying on headings.
      aria-label={t('window.keys.rowName', {
        label: key.label,
        masked: key.masked,
        region: regionName(key.regionId, t),
        workspace: key.workspaceId === 'default' ? t('window.keys.defaultWorkspace') : key.workspaceId,
      })}
      onFocus={(event) => event.target === event.currentTarget && onFocusRow(key.id)}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === 'Enter') void copyKey(key.id);
        else if (event.key === 'Delete') onDelete(key);
        else if (event.key === 'F2') setRenaming(true);
      }}
    >
      <div className="key-main">
        <div className="key-title">
          {renaming ? (
            <RenameForm keyView={key} onDone={() => setRenaming(false)} />
          ) : (
            <span className="key-label">{key.label}</span>
          )}
          {key.active && <span className="badge badge-active">{t('window.keys.active')}</span>}
          {key.plan !== 'payg' && <span className="badge badge-plan">{t(`plans.${key.plan}`)}</span>}
        </div>
        {revealed ? (
          <div className="key-revealed">
            <code className="key-secret" aria-label={t('window.keys.secretOf', { label: key.label })}>
              {revealed.secret}
            </code>
            <span className="muted">{t('window.keys.hidesIn', { seconds: hidesIn ?? 0 })}</span>
            <button type="button" className="link-button" onClick={hide}>
              {t('window.keys.hide')}
            </button>
          </div>
        ) : (
          <code className="key-masked">{key.masked}</code>
        )}
        <div className="key-check">
          <StatusChip status={check?.status ?? 'unchecked'} />
          {check && <CheckTiming check={check} />}
          {copiedUntil !== undefined && <CopiedNote until={copiedUntil} />}
        </div>
      </div>
      <div className="key-actions">
        <button
          type="button"
          onClick={() => void copyKey(key.id)}
          aria-label={t('window.keys.copyNamed', { label: key.label })}
        >
          {t('window.keys.copy')}
        </button>
        <button
          type="button"
          onClick={() => void checkKey(key.id)}
          disabled={checking}
          aria-label={t('window.keys.checkNamed', { label: key.label })}
        >
          {checking ? t('window.keys.checking') : t('window.keys.check')}
        </button>
        <KeyMenu
          keyView={key}
          open={menuOpen}
          onOpenChange={setMenuOpen}
          onReveal={reveal}
          onRename={() => setRenaming(true)}
          onMove={() => onMove(key)}
          onDelete={() => onDelete(key)}
        />
      </div>
    </article>
  );
});

function CopiedNote({ until }: { until: number | null }) {
  const t = useT();
  const left = useSecondsLeft(until);
  if (left === 0) return <span className="muted">{t('window.keys.cleared')}</span>;
  return (
    <span className="copied" role="status">
      {left === null ? t('window.keys.copiedShort') : t('window.keys.clearsIn', { seconds: left })}
    </span>
  );
}
