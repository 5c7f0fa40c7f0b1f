import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';

export function KeysView() {
  const region = useStore((store) =>
    store.state?.regions.find((candidate) => candidate.id === store.state?.activeRegionId),
  );
  const keys = useStore(
    useShallow(
      (store) => store.state?.keys.filter((key) => key.regionId === store.state?.activeRegionId) ?? [],
    ),
  );
  if (!region) return null;

  if (keys.length === 0) {
    return (
      <section className="empty">
        <h2>No keys in {region.name}</h2>
        <p>
          Create one on the{' '}
          <a href={region.apiKeyPage} target="_blank" rel="noreferrer">
            API Key ({region.name}) page
          </a>
          , then store it from a terminal:
        </p>
        <pre>{`msk add --label personal --region ${region.id}${region.workspaceOnly ? ' --workspace llm-…' : ''}`}</pre>
      </section>
    );
  }

  return (
    <section>
      <h2>
        {keys.length} key{keys.length === 1 ? '' : 's'} in {region.name}
      </h2>
      <ul className="key-list" aria-label="Keys">
        {keys.map((key) => (
          <li key={key.id} className={key.active ? 'key active' : 'key'}>
            <span className="key-label">{key.label}</span>
            <code className="key-masked">{key.masked}</code>
            <span className="key-meta">
              {key.workspaceId === 'default' ? 'default workspace' : key.workspaceId}
              {key.plan === 'payg' ? '' : ` · ${key.planName}`}
            </span>
            {key.active && <span className="badge">active</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
