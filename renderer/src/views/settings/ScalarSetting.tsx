// One setting with one value: a switch, a choice, a number or a line of text.
import { useId, useState } from 'react';
import { errorMessage, LANGUAGE_NAMES, LANGUAGES, useT, type Language } from '../../i18n';
import { useStore } from '../../store';
import type { Setting } from './slice';
import { useModelSuggestions } from './model-suggestions';

export function ScalarSetting({ setting }: { setting: Setting }) {
  const t = useT();
  const setSetting = useStore((store) => store.setSetting);
  const unsetSetting = useStore((store) => store.unsetSetting);
  const error = useStore((store) => store.settingErrors[setting.name]);
  const id = useId();
  const label = t(`window.settings.names.${setting.name}`);
  const help = t(`window.settings.help.${setting.name}`);
  return (
    <div className="setting" data-setting={setting.name}>
      <div className="setting-text">
        <label htmlFor={id}>{label}</label>
        <p className="muted" id={`${id}-help`}>
          {help}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {errorMessage(error, t)}
          </p>
        )}
      </div>
      <div className="setting-control">
        <Control id={id} setting={setting} onSave={(value) => void setSetting(setting.name, value)} />
        {!setting.isDefault && (
          <button
            type="button"
            className="link-button"
            aria-label={t('window.settings.resetNamed', { name: label })}
            onClick={() => void unsetSetting(setting.name)}
          >
            {t('window.settings.reset')}
          </button>
        )}
      </div>
    </div>
  );
}

function Control({
  id,
  setting,
  onSave,
}: {
  id: string;
  setting: Setting;
  onSave(value: string | number | boolean): void;
}) {
  const t = useT();
  const describedBy = `${id}-help`;
  if (setting.kind === 'boolean') {
    return (
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-describedby={describedBy}
        checked={setting.value === true}
        onChange={(event) => onSave(event.target.checked)}
      />
    );
  }
  if (setting.kind === 'choice') {
    return (
      <select
        id={id}
        aria-describedby={describedBy}
        value={String(setting.value)}
        onChange={(event) => onSave(event.target.value)}
      >
        {(setting.choices ?? []).map((choice) => (
          <option key={choice} value={choice} lang={ownLanguage(setting.name, choice)}>
            {choiceLabel(setting.name, choice, t)}
          </option>
        ))}
      </select>
    );
  }
  // A new value from main (msk, a reset) starts the field afresh.
  return <TextControl key={String(setting.value)} id={id} setting={setting} onSave={onSave} />;
}

/** Saved on Enter or when focus leaves, and only when changed. */
function TextControl({
  id,
  setting,
  onSave,
}: {
  id: string;
  setting: Setting;
  onSave(value: string | number): void;
}) {
  const [text, setText] = useState(String(setting.value ?? ''));
  const models = useModelSuggestions(setting.name === 'defaultModel');
  const save = () => {
    if (text === String(setting.value ?? '')) return;
    onSave(setting.kind === 'integer' && /^\d+$/.test(text.trim()) ? Number(text.trim()) : text);
  };
  return (
    <>
      <input
        id={id}
        type={setting.kind === 'integer' ? 'number' : 'text'}
        inputMode={setting.kind === 'integer' ? 'numeric' : undefined}
        aria-describedby={`${id}-help`}
        value={text}
        list={models.length > 0 ? `${id}-models` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => event.key === 'Enter' && save()}
      />
      {models.length > 0 && (
        <datalist id={`${id}-models`}>
          {models.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
      )}
    </>
  );
}

/** A language choice is in its own language (`<option lang="ja">`), so it is read out as such. */
const ownLanguage = (setting: string, choice: string): Language | undefined =>
  setting === 'language' ? LANGUAGES.find((language) => language === choice) : undefined;

/** A choice's words: languages by their own names, other choices from the catalog when it has them. */
function choiceLabel(setting: string, choice: string, t: (key: string) => string): string {
  const language = ownLanguage(setting, choice);
  if (language) return LANGUAGE_NAMES[language];
  const key = `window.settings.choices.${setting}.${choice}`;
  const text = t(key);
  return text === key ? choice : text;
}
