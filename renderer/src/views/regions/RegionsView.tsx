// Each region: its base URLs with copy buttons, how many keys and how they last fared, where to
// create keys, and "Set active". Then the workspaces, named and counted against the limits.
import { useShallow } from 'zustand/react/shallow';
import { CopyText } from '../../components/CopyText';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { toneOf } from '../../components/StatusChip';
import { WorkspacesTable } from './WorkspacesTable';

export function RegionsView() {
  const t = useT();
  const regions = useStore(
    useShallow((store) => store.state?.regions.filter((region) => region.switchable) ?? []),
  );
  const activeRegionId = useStore((store) => store.state?.activeRegionId);
  const keys = useStore((store) => store.state?.keys ?? []);
  const endpoints = useStore((store) => store.endpoints);
  const setActiveRegion = useStore((store) => store.setActiveRegion);
  return (
    <section className="view" aria-labelledby="regions-title">
      <h2 id="regions-title" className="view-title">
        {t('window.regions.title')}
      </h2>
      <div className="cards">
        {regions.map((region) => {
          const name = regionName(region.id, t);
          const own = keys.filter((key) => key.regionId === region.id);
          const failing = own.filter((key) => key.lastCheck && toneOf(key.lastCheck.status) === 'bad').length;
          const healthy = own.filter((key) => key.lastCheck?.status === 'ok').length;
          const home = endpoints.find(
            (endpoint) => endpoint.regionId === region.id && endpoint.plan === 'payg',
          );
          const plans = endpoints.filter(
            (endpoint) => endpoint.regionId === region.id && endpoint.plan !== 'payg',
          );
          const active = region.id === activeRegionId;
          return (
            <article key={region.id} className={active ? 'card active' : 'card'} aria-label={name}>
              <header className="card-header">
                <h3>{name}</h3>
                {active ? (
                  <span className="badge badge-active">{t('window.regions.active')}</span>
                ) : (
                  <button
                    type="button"
                    onClick={() => void setActiveRegion(region.id)}
                    aria-label={t('window.regions.setActiveNamed', { region: name })}
                  >
                    {t('window.regions.setActive')}
                  </button>
                )}
              </header>
              <p className="muted">
                {t('window.regions.keyCount', { count: own.length })}
                {healthy + failing > 0 && ` · ${t('window.regions.health', { healthy, failing })}`}
              </p>
              {home && (
                <div className="urls">
                  <CopyText
                    caption={t('window.regions.compatible')}
                    label={t('window.regions.compatibleOf', { region: name })}
                    value={home.compatible}
                  />
                  {home.anthropic && (
                    <CopyText
                      caption={t('window.regions.anthropic')}
                      label={t('window.regions.anthropicOf', { region: name })}
                      value={home.anthropic}
                    />
                  )}
                  {home.native && (
                    <CopyText
                      caption={t('window.regions.native')}
                      label={t('window.regions.nativeOf', { region: name })}
                      value={home.native}
                    />
                  )}
                  {home.overridden && <p className="muted">{t('window.regions.overridden')}</p>}
                </div>
              )}
              {plans.length > 0 && (
                <details>
                  <summary>{t('window.regions.planEndpoints')}</summary>
                  {plans.map((endpoint) => (
                    <CopyText
                      key={endpoint.family}
                      caption={t(`plans.${endpoint.plan}`)}
                      label={t('window.regions.planUrl', { plan: t(`plans.${endpoint.plan}`), region: name })}
                      value={endpoint.compatible}
                    />
                  ))}
                </details>
              )}
              <a href={region.apiKeyPage} target="_blank" rel="noreferrer">
                {t('window.regions.createKeys', { region: name })}
              </a>
            </article>
          );
        })}
      </div>
      <WorkspacesTable />
    </section>
  );
}
