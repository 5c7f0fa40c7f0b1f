// Workspaces: id, region, an editable name, and keys against the documented limits (gently).
import { useState } from 'react';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import type { Workspace } from './slice';

export function WorkspacesTable() {
  const t = useT();
  const workspaces = useStore((store) => store.workspaces);
  const named = workspaces.filter((workspace) => workspace.id !== 'default');
  const limit = workspaces[0]?.workspaceLimit ?? Infinity;
  return (
    <section aria-labelledby="workspaces-title">
      <h3 id="workspaces-title" className="section-title">
        {t('window.workspaces.title')}
      </h3>
      {workspaces.length === 0 ? (
        <p className="muted">{t('window.workspaces.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('window.workspaces.id')}</th>
              <th scope="col">{t('window.workspaces.region')}</th>
              <th scope="col">{t('window.workspaces.name')}</th>
              <th scope="col">{t('window.workspaces.keys')}</th>
            </tr>
          </thead>
          <tbody>
            {workspaces.map((workspace) => (
              <WorkspaceRow key={`${workspace.regionId}/${workspace.id}`} workspace={workspace} />
            ))}
          </tbody>
        </table>
      )}
      {named.length >= limit && (
        <p className="warning">{t('window.workspaces.tooMany', { count: named.length, limit })}</p>
      )}
    </section>
  );
}

function WorkspaceRow({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const renameWorkspace = useStore((store) => store.renameWorkspace);
  const [name, setName] = useState(workspace.name ?? '');
  const isDefault = workspace.id === 'default';
  const full = workspace.keyCount >= workspace.keyLimit;
  return (
    <tr>
      <td>
        <code>{isDefault ? t('window.keys.defaultWorkspace') : workspace.id}</code>
      </td>
      <td>{regionName(workspace.regionId, t)}</td>
      <td>
        {isDefault ? (
          <span className="muted">{t('window.workspaces.defaultName')}</span>
        ) : (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void renameWorkspace(workspace.id, name);
            }}
          >
            <input
              value={name}
              maxLength={100}
              placeholder={t('window.workspaces.namePlaceholder')}
              aria-label={t('window.workspaces.nameOf', { id: workspace.id })}
              onChange={(event) => setName(event.target.value)}
            />
            {name !== (workspace.name ?? '') && (
              <button type="submit" className="small">
                {t('window.common.save')}
              </button>
            )}
          </form>
        )}
      </td>
      <td className={full ? 'warning' : undefined}>
        {t('window.workspaces.keyCount', { count: workspace.keyCount, limit: workspace.keyLimit })}
        {full && ` · ${t('window.workspaces.full')}`}
      </td>
    </tr>
  );
}
