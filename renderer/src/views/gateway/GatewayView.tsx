// Gateway: GUI tools get a token of their own instead of the key, and the app's gateway on
// 127.0.0.1 swaps it for the key on the way to Model Studio. Here: the gateway on or off and
// where it listens, the tools' tokens (made, copied and shown once; revoked), and what went
// through it.
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { CopyText } from '../../components/CopyText';
import { TokensPanel } from './TokensPanel';
import { UsagePanel } from './UsagePanel';

export function GatewayView() {
  const t = useT();
  return (
    <section className="view" aria-labelledby="gateway-title">
      <h2 id="gateway-title" className="view-title">
        {t('window.gateway.title')}
      </h2>
      <p className="muted">{t('window.gateway.explain')}</p>
      <GatewayStatus />
      <TokensPanel />
      <UsagePanel />
    </section>
  );
}

function GatewayStatus() {
  const t = useT();
  const gateway = useStore((store) => store.state?.gateway);
  const setGatewayEnabled = useStore((store) => store.setGatewayEnabled);
  if (!gateway) return null;
  const status =
    gateway.state === 'running'
      ? t('window.gateway.running', { address: gateway.address })
      : gateway.state === 'failed'
        ? t('window.gateway.failed', { message: gateway.message ?? '' })
        : !gateway.enabled
          ? t('window.gateway.off')
          : t('window.gateway.waiting');
  return (
    <fieldset className="settings-group">
      <legend>{t('window.gateway.statusTitle')}</legend>
      <div className="setting">
        <div className="setting-text">
          <label htmlFor="gateway-enabled">{t('window.gateway.run')}</label>
          <p id="gateway-status" role="status" className={gateway.state === 'failed' ? 'warning' : 'muted'}>
            {status}
          </p>
        </div>
        <input
          id="gateway-enabled"
          type="checkbox"
          role="switch"
          aria-describedby="gateway-status"
          checked={gateway.enabled}
          onChange={(event) => void setGatewayEnabled(event.target.checked)}
        />
      </div>
      <div className="urls">
        <CopyText
          caption={t('window.gateway.openaiUrl')}
          label={t('window.gateway.openaiUrl')}
          value={gateway.url}
        />
        <CopyText
          caption={t('window.gateway.anthropicUrl')}
          label={t('window.gateway.anthropicUrl')}
          value={gateway.anthropicUrl}
        />
        <CopyText
          caption={t('window.gateway.nativeUrl')}
          label={t('window.gateway.nativeUrl')}
          value={gateway.nativeUrl}
        />
      </div>
    </fieldset>
  );
}
