// The window: the active region's keys under a header with the region picker, what is wrong
// (a damaged file, a locked keychain) above them, and the service's names below.
import { ErrorBanner } from './components/ErrorBanner';
import { ProblemBanner } from './components/ProblemBanner';
import { RegionPicker } from './components/RegionPicker';
import { useStore } from './store';
import { KeysView } from './views/KeysView';

export function App() {
  const loaded = useStore((store) => store.state !== undefined);
  const serviceTitle = useStore((store) => store.state?.serviceTitle);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Model Studio Keys</h1>
        {loaded && <RegionPicker />}
      </header>
      <ProblemBanner />
      <ErrorBanner />
      <main>{loaded ? <KeysView /> : <p className="muted">Loading…</p>}</main>
      {serviceTitle && <footer className="app-footer">{serviceTitle}</footer>}
    </div>
  );
}
