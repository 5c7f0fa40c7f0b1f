// Filter by text, region, workspace and check status.
import { useShallow } from 'zustand/react/shallow';
import { en } from '../../../../main/shared/i18n/en';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { NO_FILTER } from './slice';

/** Every status a key can be in: the ones the catalog has words for (a run's `cancelled` is no key's). */
const STATUSES = Object.keys(en.status).filter((status) => status !== 'cancelled');

export function KeyFilterBar() {
  const t = useT();
  const filter = useStore((store) => store.filter);
  const setFilter = useStore((store) => store.setFilter);
  const regions = useStore(
    useShallow((store) => store.state?.regions.filter((region) => region.keyCount > 0) ?? []),
  );
  const workspaces = [
    ...new Set(
      regions
        .filter((region) => !filter.regionId || region.id === filter.regionId)
        .flatMap((region) => region.workspaces),
    ),
  ];
  const filtering = Object.values(filter).some(Boolean);
  return (
    <div className="filter-bar" role="search">
      <input
        type="search"
        value={filter.text}
        placeholder={t('window.filter.placeholder')}
        aria-label={t('window.filter.text')}
        onChange={(event) => setFilter({ text: event.target.value })}
      />
      <select
        aria-label={t('window.filter.region')}
        value={filter.regionId}
        onChange={(event) => setFilter({ regionId: event.target.value, workspaceId: '' })}
      >
        <option value="">{t('window.filter.anyRegion')}</option>
        {regions.map((region) => (
          <option key={region.id} value={region.id}>
            {regionName(region.id, t)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('window.filter.workspace')}
        value={filter.workspaceId}
        onChange={(event) => setFilter({ workspaceId: event.target.value })}
      >
        <option value="">{t('window.filter.anyWorkspace')}</option>
        {workspaces.map((id) => (
          <option key={id} value={id}>
            {id === 'default' ? t('window.keys.defaultWorkspace') : id}
          </option>
        ))}
      </select>
      <select
        aria-label={t('window.filter.status')}
        value={filter.status}
        onChange={(event) => setFilter({ status: event.target.value })}
      >
        <option value="">{t('window.filter.anyStatus')}</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      {filtering && (
        <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
          {t('window.filter.clear')}
        </button>
      )}
    </div>
  );
}
