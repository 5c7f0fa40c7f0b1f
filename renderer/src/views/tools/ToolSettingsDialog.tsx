// A GUI tool's settings page filled in: each field where it goes; the key's field shows masked
// and the key itself is on the clipboard (cleared like any copied key) — or, through the gateway,
// the gateway's URL and a token made for the tool, the key staying in the keychain.
import { Dialog } from '../../components/Dialog';
import { CopyText } from '../../components/CopyText';
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function ToolSettingsDialog() {
  const t = useT();
  const settings = useStore((store) => store.toolSettings);
  const close = () => useStore.setState({ toolSettings: undefined });
  if (!settings) return null;
  return (
    <Dialog
      title={t('window.tools.settingsTitle', { name: settings.toolName, label: settings.label })}
      onClose={close}
      actions={
        <button type="button" className="primary" onClick={close}>
          {t('window.common.done')}
        </button>
      }
    >
      {settings.gatewayToken !== null && (
        <p className="notice">{t('window.tools.gatewayTokenMade', { name: settings.gatewayToken })}</p>
      )}
      {settings.copied && (
        <p className="notice">
          {t(settings.gatewayToken === null ? 'window.tools.keyCopied' : 'window.tools.tokenCopied')}
        </p>
      )}
      <dl className="fields">
        {settings.fields.map((field) => (
          <div key={field.label}>
            <dt>
              {field.label} <span className="muted">{field.where}</span>
            </dt>
            <dd>
              {field.secret ? (
                <code>{field.value}</code>
              ) : (
                <CopyText label={field.label} value={field.value} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
