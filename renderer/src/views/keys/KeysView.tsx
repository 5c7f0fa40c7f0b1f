// Every key, grouped by region then workspace, with a filter. The list is virtualised: only the
// lines near the viewport are in the page, so 600 keys render and filter as fast as 6. Arrow keys
// walk the rows (one Tab stop for the whole list), Enter copies, Delete asks to delete, F2 renames.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { useWorkspaceNames } from '../regions/hooks';
import { DeleteDialog } from './DeleteDialog';
import { FirstRun } from './FirstRun';
import { groupKeys, itemKey, type KeyView, type ListItem, listItems } from './group-keys';
import { KeyFilterBar } from './KeyFilterBar';
import { KeyRow } from './KeyRow';
import { MoveDialog, type MoveRequest } from './MoveDialog';

/** First guesses of each line's height; the real ones are measured as lines show. */
const ESTIMATED_HEIGHT: Record<ListItem['kind'], number> = { region: 44, workspace: 28, key: 86 };

export function KeysView() {
  const t = useT();
  const keys = useStore((store) => store.state?.keys);
  const regions = useStore((store) => store.state?.regions);
  const filter = useDeferredValue(useStore((store) => store.filter));
  const [moving, setMoving] = useState<MoveRequest | undefined>();
  const [deleting, setDeleting] = useState<KeyView | undefined>();
  const [focusedId, setFocusedId] = useState<string | undefined>();
  const onMove = useCallback((key: KeyView) => setMoving({ key }), []);

  const items = useMemo(
    () => (keys && regions ? listItems(groupKeys({ keys, regions }, filter)) : []),
    [keys, regions, filter],
  );

  if (!keys || !regions) return null;
  if (keys.length === 0) return <FirstRun />;
  return (
    <section className="view" aria-labelledby="keys-title">
      <h2 id="keys-title" className="view-title">
        {t('window.keys.title', { count: keys.length })}
      </h2>
      <KeyFilterBar />
      {items.length === 0 ? (
        <p className="muted">{t('window.keys.noMatch')}</p>
      ) : (
        <KeyLines
          items={items}
          focusedId={focusedId}
          onFocusRow={setFocusedId}
          onMove={onMove}
          onDelete={setDeleting}
        />
      )}
      {moving && <MoveDialog request={moving} onClose={() => setMoving(undefined)} />}
      {deleting && <DeleteDialog keyView={deleting} onClose={() => setDeleting(undefined)} />}
    </section>
  );
}

interface KeyLinesProps {
  items: ListItem[];
  focusedId: string | undefined;
  onFocusRow(keyId: string): void;
  onMove(key: KeyView): void;
  onDelete(key: KeyView): void;
}

function KeyLines({ items, focusedId, onFocusRow, onMove, onDelete }: KeyLinesProps) {
  const t = useT();
  const workspaceNames = useWorkspaceNames();
  const list = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // A row that arrow keys moved to but is not in the page yet: focused once it renders.
  const pendingFocus = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const measure = () => setScrollMargin(list.current?.offsetTop ?? 0);
    measure();
    // A banner or toolbar line appearing above the list moves it without a render here: the page
    // grows, and the rows the window shows must follow (an unchanged value renders nothing).
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (index) => ESTIMATED_HEIGHT[items[index]?.kind ?? 'key'],
    getItemKey: (index) => (items[index] ? itemKey(items[index]) : index),
    overscan: 6,
    scrollMargin,
  });
  const keyItems = useMemo(
    () => items.flatMap((item, index) => (item.kind === 'key' ? [{ key: item.key, index }] : [])),
    [items],
  );
  const tabStop = keyItems.some(({ key }) => key.id === focusedId) ? focusedId : keyItems[0]?.key.id;

  const virtualItems = virtualizer.getVirtualItems();
  useEffect(() => {
    const wanted = pendingFocus.current;
    const row = wanted && list.current?.querySelector<HTMLElement>(`[data-key-id="${wanted}"]`);
    if (row) {
      pendingFocus.current = undefined;
      row.focus();
    }
  }, [virtualItems]);

  const walk = (event: React.KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-key-id]');
    if (!row || row !== event.target) return;
    const at = keyItems.findIndex(({ key }) => key.id === row.dataset.keyId);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: keyItems.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = keyItems[Math.min(Math.max(next, 0), keyItems.length - 1)];
    if (!target) return;
    pendingFocus.current = target.key.id;
    onFocusRow(target.key.id);
    virtualizer.scrollToIndex(target.index, { align: 'auto' });
    list.current?.querySelector<HTMLElement>(`[data-key-id="${target.key.id}"]`)?.focus();
  };

  return (
    <div ref={list} className="key-lines" style={{ height: virtualizer.getTotalSize() }} onKeyDown={walk}>
      {virtualItems.map((virtual) => {
        const item = items[virtual.index];
        if (!item) return null;
        return (
          <div
            key={virtual.key}
            data-index={virtual.index}
            ref={virtualizer.measureElement}
            className="key-line"
            style={{ transform: `translateY(${virtual.start - scrollMargin}px)` }}
          >
            {item.kind === 'region' ? (
              <h3 className="group-title">
                {regionName(item.regionId, t)} <span className="muted">{item.count}</span>
              </h3>
            ) : item.kind === 'workspace' ? (
              <h4 className="workspace-title">{workspaceTitle(item.workspaceId, workspaceNames, t)}</h4>
            ) : (
              <KeyRow
                keyView={item.key}
                tabStop={item.key.id === tabStop}
                onFocusRow={onFocusRow}
                onMove={onMove}
                onDelete={onDelete}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function workspaceTitle(
  id: string,
  names: Map<string, string>,
  t: (key: string, params?: Record<string, unknown>) => string,
) {
  if (id === 'default') return t('window.keys.defaultWorkspace');
  const name = names.get(id);
  const title = t('window.keys.workspace', { id });
  return name ? `${title} · ${name}` : title;
}
