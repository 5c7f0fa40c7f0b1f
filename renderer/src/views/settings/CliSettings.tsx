// Settings → Command line: `msk` on the PATH from the app (as the tray's Install Command-Line
// Tool): where its launcher is, whether a terminal finds it, and install or uninstall.
import { useEffect } from 'react';
import { api, unwrap } from '../../api';
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function CliSettings() {
  const t = useT();
  const cli = useStore((store) => store.state?.cli ?? null);
  const attempt = useStore((store) => store.attempt);
  // Asked when shown: the launcher may have been removed by hand since.
  useEffect(() => {
    void attempt(async () => unwrap(await api().cli.status()));
  }, [attempt]);
  const folder = cli?.file.replace(/[\\/][^\\/]+$/, '') ?? '';
  return (
    <fieldset className="settings-group">
      <legend>{t('window.cli.title')}</legend>
      <p className="muted">{t('window.cli.explain')}</p>
      {cli && (
        <p id="cli-status">
          {cli.installed ? t('window.cli.installed', { file: cli.file }) : t('window.cli.notInstalled')}
        </p>
      )}
      {cli?.installed && !cli.onPath && <p className="warning">{t('window.cli.notOnPath', { folder })}</p>}
      <div className="card-actions">
        {cli?.installed ? (
          <button type="button" onClick={() => void attempt(async () => unwrap(await api().cli.uninstall()))}>
            {t('window.cli.uninstall')}
          </button>
        ) : (
          <button type="button" onClick={() => void attempt(async () => unwrap(await api().cli.install()))}>
            {t('window.cli.install')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
