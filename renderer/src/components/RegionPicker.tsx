// The active region: what the tray, `msk` and launched tools use when no key is named.
import { useShallow } from 'zustand/react/shallow';
import { regionName, useT } from '../i18n';
import { Field } from './Field';
import { useStore } from '../store';

export function RegionPicker() {
  const t = useT();
  const regions = useStore(
    useShallow((store) => store.state?.regions.filter((region) => region.switchable) ?? []),
  );
  const activeRegionId = useStore((store) => store.state?.activeRegionId);
  const setActiveRegion = useStore((store) => store.setActiveRegion);
  return (
    <Field className="region-picker" label={t('window.region')}>
      {(control) => (
        <select
          {...control}
          value={activeRegionId}
          onChange={(event) => void setActiveRegion(event.target.value)}
        >
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.keyCount > 0
                ? t('tray.regionWithCount', { region: regionName(region.id, t), count: region.keyCount })
                : regionName(region.id, t)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
