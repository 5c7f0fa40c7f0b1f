// The window: the views down the side, the active region and any running check on top, what is
// wrong (a damaged file, a locked keychain, a failed action) above the view, and a short
// confirmation after an action.
import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { Nav } from './components/Nav';
import { ProblemBanner } from './components/ProblemBanner';
import { TrayHostNote } from './components/TrayHostNote';
import { RegionPicker } from './components/RegionPicker';
import { Toast } from './components/Toast';
import { useDocumentLanguage, useT } from './i18n';
import { useStore } from './store';
import { AccountView } from './views/account/AccountView';
import { AddKeyView } from './views/add/AddKeyView';
import { ChecksView } from './views/checks/ChecksView';
import { GatewayView } from './views/gateway/GatewayView';
import { ImportView } from './views/import/ImportView';
import { KeysView } from './views/keys/KeysView';
import { RegionsView } from './views/regions/RegionsView';
import { useRegionData } from './views/regions/hooks';
import { SettingsView } from './views/settings/SettingsView';
import { ToolsView } from './views/tools/ToolsView';

const VIEWS = {
  keys: KeysView,
  add: AddKeyView,
  import: ImportView,
  regions: RegionsView,
  account: AccountView,
  checks: ChecksView,
  tools: ToolsView,
  gateway: GatewayView,
  settings: SettingsView,
};

export function App() {
  const t = useT();
  const loaded = useStore((store) => store.state !== undefined);
  const serviceTitle = useStore((store) => store.state?.serviceTitle);
  const view = useStore((store) => store.view);
  useDocumentLanguage();
  useTheme();
  useRegionData();
  const View = VIEWS[view];
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('product')}</h1>
        {loaded && <RegionPicker />}
      </header>
      <div className="app-body">
        <Nav />
        <main className="app-main" id="main">
          <ProblemBanner />
          <TrayHostNote />
          <ErrorBanner />
          {loaded ? <View /> : <p className="muted">{t('window.loading')}</p>}
        </main>
      </div>
      {serviceTitle && <footer className="app-footer">{serviceTitle}</footer>}
      <Toast />
    </div>
  );
}

/** The theme setting as `<html data-theme>`; `system` leaves it to the OS. */
function useTheme(): void {
  const theme = useStore((store) => store.state?.theme ?? 'system');
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
