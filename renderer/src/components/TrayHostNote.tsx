// Shown while the desktop has no tray for our icon (GNOME without the AppIndicator extension): where
// to get one, and how to find the app meanwhile. "Don't show again" is kept in the data file.
import { api, unwrap } from '../api';
import { useT } from '../i18n';
import { useStore } from '../store';

const EXTENSION_PAGE = 'https://extensions.gnome.org/extension/615/appindicator-support/';

export function TrayHostNote() {
  const t = useT();
  const shown = useStore((store) => store.state?.hints.includes('tray-host') ?? false);
  const attempt = useStore((store) => store.attempt);
  if (!shown) return null;
  return (
    <section className="banner banner-note" role="note" aria-labelledby="tray-host-title" id="tray-host-note">
      <div>
        <strong id="tray-host-title">{t('window.trayHost.title')}</strong>
        <p>{t('window.trayHost.body')}</p>
        <p className="muted">{t('window.trayHost.meanwhile')}</p>
      </div>
      <div className="banner-actions">
        <a className="button" href={EXTENSION_PAGE} target="_blank" rel="noreferrer">
          {t('window.trayHost.extension')}
        </a>
        <button
          type="button"
          onClick={() => void attempt(async () => unwrap(await api().hints.dismiss({ id: 'tray-host' })))}
        >
          {t('window.trayHost.dismiss')}
        </button>
      </div>
    </section>
  );
}
