// Every key, grouped by region then workspace, with a filter. Arrow keys walk the rows (one Tab
// stop for the whole list), Enter copies, Delete asks to delete, F2 renames.
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { DeleteDialog } from './DeleteDialog';
import { FirstRun } from './FirstRun';
import { flatten, groupKeys, type KeyView } from './group-keys';
import { KeyFilterBar } from './KeyFilterBar';
import { KeyRow } from './KeyRow';
import { MoveDialog, type MoveRequest } from './MoveDialog';
import { useWorkspaceNames } from '../regions/slice';

export function KeysView() {
  const t = useT();
  const keys = useStore((store) => store.state?.keys);
  const regions = useStore((store) => store.state?.regions);
  const filter = useDeferredValue(useStore((store) => store.filter));
  const [moving, setMoving] = useState<MoveRequest | undefined>();
  const workspaceNames = useWorkspaceNames();
  const [deleting, setDeleting] = useState<KeyView | undefined>();
  const [focusedId, setFocusedId] = useState<string | undefined>();
  const list = useRef<HTMLDivElement>(null);

  const groups = useMemo(
    () => (keys && regions ? groupKeys({ keys, regions }, filter) : []),
    [keys, regions, filter],
  );
  const ordered = useMemo(() => flatten(groups), [groups]);
  const tabStop = ordered.some((key) => key.id === focusedId) ? focusedId : ordered[0]?.id;
  const onMove = useCallback((key: KeyView) => setMoving({ key }), []);

  if (!keys || !regions) return null;
  if (keys.length === 0) return <FirstRun />;

  const walk = (event: React.KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-key-id]');
    if (!row || row !== event.target) return;
    const at = ordered.findIndex((key) => key.id === row.dataset.keyId);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: ordered.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = ordered[Math.min(Math.max(next, 0), ordered.length - 1)];
    if (target) list.current?.querySelector<HTMLElement>(`[data-key-id="${target.id}"]`)?.focus();
  };

  return (
    <section className="view" aria-labelledby="keys-title">
      <h2 id="keys-title" className="view-title">
        {t('window.keys.title', { count: keys.length })}
      </h2>
      <KeyFilterBar />
      <div ref={list} className="key-groups" onKeyDown={walk}>
        {groups.length === 0 && <p className="muted">{t('window.keys.noMatch')}</p>}
        {groups.map((group) => (
          <section key={group.regionId} className="key-group" aria-label={regionName(group.regionId, t)}>
            <h3 className="group-title">
              {regionName(group.regionId, t)} <span className="muted">{group.count}</span>
            </h3>
            {group.workspaces.map((workspace) => {
              const name = workspaceNames.get(workspace.workspaceId);
              const title =
                workspace.workspaceId === 'default'
                  ? t('window.keys.defaultWorkspace')
                  : t('window.keys.workspace', { id: workspace.workspaceId, name: name ?? '' });
              return (
                <div key={workspace.workspaceId}>
                  <h4 className="workspace-title">{name ? `${title} · ${name}` : title}</h4>
                  <ul className="key-list" aria-label={`${regionName(group.regionId, t)} · ${title}`}>
                    {workspace.keys.map((key) => (
                      <KeyRow
                        key={key.id}
                        keyView={key}
                        tabStop={key.id === tabStop}
                        onFocusRow={setFocusedId}
                        onMove={onMove}
                        onDelete={setDeleting}
                      />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        ))}
      </div>
      {moving && <MoveDialog request={moving} onClose={() => setMoving(undefined)} />}
      {deleting && <DeleteDialog keyView={deleting} onClose={() => setDeleting(undefined)} />}
    </section>
  );
}
