// Choosing a region (every region of the catalog, in the user's language), labelled.
import { regionName, useT } from '../i18n';
import { useStore } from '../store';
import { Field } from './Field';

export function RegionSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(regionId: string): void;
}) {
  const t = useT();
  const regions = useStore((store) => store.state?.regions ?? []);
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {regionName(region.id, t)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
