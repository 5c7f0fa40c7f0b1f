// A section of the Account view that asks every account (its workspaces, its spend): its title,
// and Refresh — or, while the accounts are asked, how many have answered and Cancel.
import { useT } from '../../i18n';
import type { Progress } from '../../store/tasks-slice';

interface ListingHeaderProps {
  id: string;
  title: string;
  progress: Progress | null;
  onRefresh(): void;
  onCancel(): void;
}

export function ListingHeader({ id, title, progress, onRefresh, onCancel }: ListingHeaderProps) {
  const t = useT();
  const asking = progress ? t('window.account.asking', { done: progress.done, total: progress.total }) : '';
  return (
    <div className="view-header">
      <h3 id={id} className="section-title">
        {title}
      </h3>
      {progress ? (
        <div className="check-progress" role="group" aria-label={title}>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={asking} />
          <span aria-live="polite">{asking}</span>
          <button type="button" onClick={onCancel}>
            {t('window.common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={onRefresh}>
          {t('window.account.refresh')}
        </button>
      )}
    </div>
  );
}
