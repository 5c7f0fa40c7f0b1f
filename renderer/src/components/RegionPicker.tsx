import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';

export function RegionPicker() {
  const regions = useStore(
    useShallow((store) => store.state?.regions.filter((region) => region.switchable) ?? []),
  );
  const activeRegionId = useStore((store) => store.state?.activeRegionId);
  const setActiveRegion = useStore((store) => store.setActiveRegion);
  return (
    <label className="region-picker">
      <span>Region</span>
      <select value={activeRegionId} onChange={(event) => void setActiveRegion(event.target.value)}>
        {regions.map((region) => (
          <option key={region.id} value={region.id}>
            {region.name}
            {region.keyCount > 0 ? ` (${region.keyCount})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
