// Draws the tray menu — the very items trayMenu() builds — as a cascading desktop menu in HTML,
// for the README's picture: the path to one key's "Copy Environment" open, the rest closed.
import type { TrayItem } from '../../main/shell/tray-menu.js';

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** `open` is the label path of the submenus drawn open. */
export function trayMenuHtml(items: TrayItem[], open: string[], accelerator: string): string {
  const columns: string[] = [];
  let level = items;
  for (let depth = 0; level; depth++) {
    const wanted = open[depth];
    let next: TrayItem[] | undefined;
    const rows = level.map((item) => {
      if (item.kind === 'separator') return '<hr>';
      const openHere = item.kind === 'submenu' && item.label === wanted;
      if (openHere && item.kind === 'submenu') next = item.items;
      const disabled = item.kind === 'header' || (item.kind === 'action' && item.enabled === false);
      const mark = item.kind === 'radio' && item.checked ? '●' : '';
      const right =
        item.kind === 'submenu' ? '▸' : item.kind === 'action' && item.accelerator ? accelerator : '';
      return `<div class="row${disabled ? ' disabled' : ''}${openHere ? ' open' : ''}"><span class="mark">${mark}</span><span>${escape(item.label)}</span><span class="right">${escape(right)}</span></div>`;
    });
    columns.push(`<div class="menu">${rows.join('')}</div>`);
    level = next as TrayItem[];
  }
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; padding: 12px; background: #dfe3e8; font: 13px system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif; display: inline-flex; align-items: flex-start; }
    .menu { background: #fbfbfc; border: 1px solid #c9ccd1; border-radius: 8px; box-shadow: 0 6px 18px rgba(0,0,0,.18); padding: 4px 0; min-width: 190px; margin-right: -6px; }
    .row { display: flex; gap: 8px; align-items: center; height: 26px; padding: 0 12px 0 6px; white-space: nowrap; color: #1d1d1f; }
    .row.disabled { color: #8a8a8e; }
    .row.open { background: #ff6a00; color: white; border-radius: 4px; margin: 0 4px; padding: 0 8px 0 2px; }
    .mark { width: 12px; font-size: 9px; text-align: center; }
    .right { margin-left: auto; padding-left: 24px; color: inherit; opacity: .7; }
    hr { border: 0; border-top: 1px solid #e3e4e8; margin: 4px 0; }
  </style>${columns.join('')}
  <script>
    // Each submenu opens level with the row that opened it.
    const menus = [...document.querySelectorAll('.menu')];
    menus.slice(1).forEach((menu, index) => {
      const row = menus[index].querySelector('.open');
      menu.style.marginTop = row.getBoundingClientRect().top - 12 - 4 + 'px';
    });
  </script>`;
}
