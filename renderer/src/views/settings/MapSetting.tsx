// A setting of named entries (a model per tool, an endpoint override per region): the entries
// set, each removable, and a row to add one.
import { useState } from 'react';
import { errorMessage, useT } from '../../i18n';
import { useStore } from '../../store';
import type { Setting } from './slice';
import { useModelSuggestions } from './model-suggestions';

export function MapSetting({ setting }: { setting: Setting }) {
  const t = useT();
  const setSetting = useStore((store) => store.setSetting);
  const unsetSetting = useStore((store) => store.unsetSetting);
  const errors = useStore((store) => store.settingErrors);
  const entries = Object.entries((setting.value ?? {}) as Record<string, string>);
  const [entry, setEntry] = useState('');
  const [value, setValue] = useState('');
  const models = useModelSuggestions(setting.name === 'toolModels');
  const adding = `${setting.name}.${entry.trim()}`;
  const error = errors[adding] ?? entries.map(([name]) => errors[`${setting.name}.${name}`]).find(Boolean);
  const label = t(`window.settings.names.${setting.name}`);
  const listId = `${setting.name}-models`;
  return (
    <div className="setting setting-map" data-setting={setting.name}>
      <div className="setting-text">
        <span className="setting-label">{label}</span>
        <p className="muted">{t(`window.settings.help.${setting.name}`)}</p>
      </div>
      {entries.length > 0 && (
        <ul className="entries" aria-label={label}>
          {entries.map(([name, entryValue]) => (
            <li key={name}>
              <code>{name}</code> <code>{entryValue}</code>
              <button
                type="button"
                className="link-button"
                aria-label={t('window.settings.removeEntry', { name })}
                onClick={() => void unsetSetting(`${setting.name}.${name}`)}
              >
                {t('window.tools.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void setSetting(adding, value).then((saved) => {
            if (saved) [setEntry, setValue].forEach((clear) => clear(''));
          });
        }}
      >
        <input
          value={entry}
          placeholder={t(`window.settings.entry.${setting.name}`)}
          aria-label={t(`window.settings.entry.${setting.name}`)}
          onChange={(event) => setEntry(event.target.value)}
        />
        <input
          value={value}
          placeholder={t(`window.settings.entryValue.${setting.name}`)}
          aria-label={t(`window.settings.entryValue.${setting.name}`)}
          list={models.length > 0 ? listId : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {models.length > 0 && (
          <datalist id={listId}>
            {models.map((model) => (
              <option key={model} value={model} />
            ))}
          </datalist>
        )}
        <button type="submit" className="small" disabled={!entry.trim() || !value.trim()}>
          {t('window.settings.addEntry')}
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {errorMessage(error, t)}
        </p>
      )}
    </div>
  );
}
