// Every setting, grouped, each with its words in the user's language; changes are saved as they
// are made (text and numbers on Enter or leaving the field) and checked by main.
import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { BackupSettings } from './BackupSettings';
import { CliSettings } from './CliSettings';
import { MapSetting } from './MapSetting';
import { ScalarSetting } from './ScalarSetting';
import { UpdateSettings } from './UpdateSettings';

const GROUPS: { id: string; names: string[] }[] = [
  { id: 'clipboard', names: ['clipboardClearSeconds', 'concealClipboard'] },
  { id: 'appearance', names: ['language', 'theme'] },
  { id: 'models', names: ['defaultModel', 'toolModels'] },
  { id: 'connections', names: ['requestTimeoutSeconds', 'useWorkspaceDomains', 'endpointOverrides'] },
  { id: 'gateway', names: ['gatewayEnabled', 'gatewayPort', 'prices'] },
  { id: 'system', names: ['terminal', 'launchAtLogin', 'globalShortcut'] },
];

export function SettingsView() {
  const t = useT();
  const settings = useStore((store) => store.settings);
  const loadSettings = useStore((store) => store.loadSettings);
  const dataRevision = useStore((store) => store.state?.dataRevision);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings, dataRevision]);
  return (
    <section className="view" aria-labelledby="settings-title">
      <h2 id="settings-title" className="view-title">
        {t('window.settings.title')}
      </h2>
      {GROUPS.map((group) => (
        <fieldset key={group.id} className="settings-group">
          <legend>{t(`window.settings.groups.${group.id}`)}</legend>
          {group.names.map((name) => {
            const setting = settings.find((candidate) => candidate.name === name);
            if (!setting) return null;
            return setting.kind === 'map' ? (
              <MapSetting key={name} setting={setting} />
            ) : (
              <ScalarSetting key={name} setting={setting} />
            );
          })}
        </fieldset>
      ))}
      <UpdateSettings />
      <CliSettings />
      <BackupSettings />
    </section>
  );
}
