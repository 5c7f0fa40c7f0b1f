// The confirmation after an action ("Copied ‘personal’ — clears in 30 s"), read out politely.
import { regionName, useT } from '../i18n';
import { useStore } from '../store';

export function Toast() {
  const t = useT();
  const toast = useStore((store) => store.toast);
  const params = toast?.params ?? {};
  const region = typeof params.regionId === 'string' ? regionName(params.regionId, t) : undefined;
  return (
    <div className="toast-area" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          {t(toast.key, { ...params, region })}
        </div>
      )}
    </div>
  );
}
