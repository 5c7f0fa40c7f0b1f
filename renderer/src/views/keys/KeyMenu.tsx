// A row's less frequent actions behind one button: a menu that arrow keys walk, Escape closes,
// and that gives focus back to its button.
import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { KeyView } from './group-keys';

interface KeyMenuProps {
  keyView: KeyView;
  open: boolean;
  onOpenChange(open: boolean): void;
  onReveal(): void;
  onRename(): void;
  onMove(): void;
  onDelete(): void;
}

export function KeyMenu({
  keyView: key,
  open,
  onOpenChange,
  onReveal,
  onRename,
  onMove,
  onDelete,
}: KeyMenuProps) {
  const t = useT();
  const makeActive = useStore((store) => store.makeActive);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current)
        onOpenChange(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open, onOpenChange]);

  const choose = (action: () => void) => () => {
    onOpenChange(false);
    button.current?.focus();
    action();
  };
  const walk = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onOpenChange(false);
      button.current?.focus();
    } else if (next !== undefined) {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    }
    event.stopPropagation();
  };

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('window.keys.moreNamed', { label: key.label })}
        onClick={() => onOpenChange(!open)}
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          className="menu"
          aria-label={t('window.keys.moreNamed', { label: key.label })}
          onKeyDown={walk}
        >
          <button
            type="button"
            role="menuitem"
            disabled={key.active}
            onClick={choose(() => void makeActive(key.id))}
          >
            {t('window.keys.makeActive')}
          </button>
          <button type="button" role="menuitem" onClick={choose(onReveal)}>
            {t('window.keys.reveal')}
          </button>
          <button type="button" role="menuitem" onClick={choose(onRename)}>
            {t('window.keys.rename')}
          </button>
          <button type="button" role="menuitem" onClick={choose(onMove)}>
            {t('window.keys.move')}
          </button>
          <button type="button" role="menuitem" className="danger" onClick={choose(onDelete)}>
            {t('window.keys.delete')}
          </button>
        </div>
      )}
    </div>
  );
}
