// The views, down the side (across the top in a narrow window). The Checks entry shows a run's
// progress wherever the user is.
import { useT } from '../i18n';
import { useStore } from '../store';
import { checkProgress } from '../store/tasks-slice';
import { VIEWS } from '../store/ui-slice';

export function Nav() {
  const t = useT();
  const view = useStore((store) => store.view);
  const go = useStore((store) => store.go);
  const progress = useStore(checkProgress);
  return (
    <nav className="nav" aria-label={t('window.nav.label')}>
      <ul>
        {VIEWS.map((id) => (
          <li key={id}>
            <button type="button" aria-current={view === id ? 'page' : undefined} onClick={() => go(id)}>
              {t(`window.nav.${id}`)}
              {id === 'checks' && progress && (
                <span className="nav-progress">
                  {' '}
                  {progress.done}/{progress.total}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
