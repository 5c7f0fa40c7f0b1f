// "Check all" with its progress and Cancel — the window's run or one the tray started.
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { checkProgress } from '../../store/tasks-slice';

export function CheckProgress() {
  const t = useT();
  const progress = useStore(checkProgress);
  const keyCount = useStore((store) => store.state?.keys.length ?? 0);
  const startCheckAll = useStore((store) => store.startCheckAll);
  const cancelCheckAll = useStore((store) => store.cancelCheckAll);
  if (!progress) {
    return (
      <button
        type="button"
        className="primary"
        disabled={keyCount === 0}
        onClick={() => void startCheckAll()}
      >
        {t('window.checks.checkAll')}
      </button>
    );
  }
  return (
    <div className="check-progress" role="group" aria-label={t('window.checks.running')}>
      <progress
        max={Math.max(progress.total, 1)}
        value={progress.done}
        aria-label={t('window.checks.progress', { done: progress.done, total: progress.total })}
      />
      <span aria-live="polite">
        {t('window.checks.progress', { done: progress.done, total: progress.total })}
      </span>
      <button type="button" onClick={() => void cancelCheckAll()}>
        {t('window.common.cancel')}
      </button>
    </div>
  );
}
