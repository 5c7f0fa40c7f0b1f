// The fix for a failed check, as one button where there is one: move the key to where it works,
// open the console page that grants access or pays the bill, or check again.
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import type { State } from '../../api';

type KeyView = State['keys'][number];

export function CheckFix({ keyView: key }: { keyView: KeyView }) {
  const t = useT();
  const moveKey = useStore((store) => store.moveKey);
  const checkKey = useStore((store) => store.checkKey);
  const checking = useStore((store) => store.checkingKeys[key.id] === true);
  const region = useStore((store) => store.state?.regions.find((candidate) => candidate.id === key.regionId));
  const check = key.lastCheck;
  if (!check) {
    return (
      <button type="button" className="small" disabled={checking} onClick={() => void checkKey(key.id)}>
        {t('window.keys.check')}
      </button>
    );
  }
  const { status, suggestedRegionId, suggestedPlan } = check;
  if ((status === 'wrong-region' || status === 'wrong-plan') && (suggestedRegionId || suggestedPlan)) {
    const regionId = suggestedRegionId ?? key.regionId;
    const label =
      status === 'wrong-region'
        ? t('window.checks.fix.move', { region: regionName(regionId, t) })
        : t('window.checks.fix.plan', { plan: t(`plans.${suggestedPlan ?? key.plan}`) });
    return (
      <button
        type="button"
        className="small primary"
        onClick={() =>
          void moveKey({ keyId: key.id, regionId, ...(suggestedPlan && { plan: suggestedPlan }) }).then(
            (moved) => {
              if (moved) void checkKey(key.id);
            },
          )
        }
      >
        {label}
      </button>
    );
  }
  if (status === 'arrears' && region) {
    return (
      <a className="button small" href={region.billingPage} target="_blank" rel="noreferrer">
        {t('window.checks.fix.billing')}
      </a>
    );
  }
  if ((status === 'workspace-denied' || status === 'model-denied') && region) {
    return (
      <a className="button small" href={region.apiKeyPage} target="_blank" rel="noreferrer">
        {t('window.checks.fix.console')}
      </a>
    );
  }
  if (status === 'ok') return null;
  return (
    <button type="button" className="small" disabled={checking} onClick={() => void checkKey(key.id)}>
      {checking ? t('window.keys.checking') : t('window.checks.fix.again')}
    </button>
  );
}
