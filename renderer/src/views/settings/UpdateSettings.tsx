// Settings → Updates: the running version, what the updater is doing (checking, a download's
// progress, a version ready, why it failed), the automatic-update switch, and the two actions:
// check now, restart into the downloaded version. A build that cannot update says why.
import { api, type State, unwrap } from '../../api';
import { timeAgo } from '../../components/when';
import { useLanguage, useT } from '../../i18n';
import { useStore } from '../../store';
import { ScalarSetting } from './ScalarSetting';

type Updates = State['updates'];

export function UpdateSettings() {
  const t = useT();
  const language = useLanguage();
  const updates = useStore((store) => store.state?.updates ?? null);
  const setting = useStore((store) => store.settings.find((candidate) => candidate.name === 'autoUpdate'));
  const attempt = useStore((store) => store.attempt);
  if (!updates) return null;
  const busy = updates.phase === 'checking' || updates.phase === 'downloading';
  return (
    <fieldset className="settings-group" aria-describedby="update-status">
      <legend>{t('window.updates.title')}</legend>
      <p>{t('window.updates.version', { version: updates.current })}</p>
      {/* Announced as the phase changes; the download's percent is in the bar, not read out. */}
      <p id="update-status" aria-live="polite" className={updates.phase === 'failed' ? 'warning' : undefined}>
        {statusText(updates, t)}
      </p>
      {updates.phase === 'downloading' && (
        <progress max={100} value={updates.percent ?? 0} aria-label={t('window.updates.progress')} />
      )}
      {updates.phase === 'failed' && updates.detail && <p className="muted">{updates.detail}</p>}
      {updates.checkedAt && updates.phase !== 'unavailable' && (
        <p className="muted">
          {t('window.updates.checkedAt', { time: timeAgo(updates.checkedAt, language) })}
        </p>
      )}
      {updates.phase !== 'unavailable' && (
        <>
          {setting && <ScalarSetting setting={setting} />}
          <div className="card-actions">
            {updates.phase === 'ready' ? (
              <button
                type="button"
                className="primary"
                onClick={() => void attempt(async () => unwrap(await api().updates.restart()))}
              >
                {t('window.updates.restart')}
              </button>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() => void attempt(async () => unwrap(await api().updates.check()))}
              >
                {t('window.updates.check')}
              </button>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}

function statusText(updates: Updates, t: ReturnType<typeof useT>): string {
  const reason = updates.reason ? t(`updates.${updates.reason}`) : '';
  switch (updates.phase) {
    case 'unavailable':
      return t('window.updates.unavailable', { reason });
    case 'failed':
      return t('window.updates.failed', { reason });
    case 'downloading':
      return t('window.updates.downloading', { version: updates.version });
    case 'ready':
      return t('window.updates.ready', { version: updates.version });
    default:
      return t(`window.updates.${updates.phase}`);
  }
}
