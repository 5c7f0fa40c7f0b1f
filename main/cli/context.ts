// The core as the command line uses it, composed on first use so `msk --help` touches nothing.
import { createServices, type Services } from '../core/services.js';

let services: Services | undefined;

export const core = (): Services => (services ??= createServices());
