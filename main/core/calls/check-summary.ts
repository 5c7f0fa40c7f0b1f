// A check as lists and snapshots show it: without its model list, which may be long.
import type { LastCheck } from '../config/config-schema.js';

export type CheckSummary = Omit<LastCheck, 'models'>;
export const checkSummary = ({ models: _models, ...summary }: LastCheck): CheckSummary => summary;
