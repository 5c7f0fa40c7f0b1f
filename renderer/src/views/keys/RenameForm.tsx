// Renaming in place: Enter saves, Escape leaves the label as it was.
import { useState } from 'react';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { KeyView } from './group-keys';

export function RenameForm({ keyView: key, onDone }: { keyView: KeyView; onDone(): void }) {
  const t = useT();
  const renameKey = useStore((store) => store.renameKey);
  const [label, setLabel] = useState(key.label);
  const save = async () => {
    if (label.trim() === key.label || (await renameKey(key.id, label.trim()))) onDone();
  };
  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <input
        autoFocus
        value={label}
        maxLength={200}
        aria-label={t('window.keys.newLabel', { label: key.label })}
        onChange={(event) => setLabel(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onDone();
          }
        }}
      />
      <button type="submit" disabled={label.trim() === ''}>
        {t('window.common.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('window.common.cancel')}
      </button>
    </form>
  );
}
