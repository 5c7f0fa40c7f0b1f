// Model names to suggest: what the active key's last check could reach.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useStore } from '../../store';

export function useModelSuggestions(wanted: boolean): string[] {
  const keyId = useStore(
    (store) =>
      store.state?.keys.find((key) => key.active && key.regionId === store.state?.activeRegionId)?.id,
  );
  const [models, setModels] = useState<string[]>([]);
  useEffect(() => {
    if (!wanted || !keyId) return;
    let current = true;
    void api()
      .keys.models({ keyId })
      .then((result) => current && result.ok && setModels(result.value.models));
    return () => {
      current = false;
    };
  }, [wanted, keyId]);
  return models;
}
