// The HTTP client the calls to Model Studio use, set up from the user's settings. Apart from the
// services: composing them (every msk command) does not load the client.
import type { Config } from '../config/config-schema.js';
import { type ClientOptions, ModelStudioClient } from '../model-studio/client.js';

/** An HTTP client that waits as long as the user's setting says, unless `overrides` say otherwise. */
export const clientFor = (config: Config, overrides: ClientOptions = {}): ModelStudioClient =>
  new ModelStudioClient({ timeoutMs: config.settings.requestTimeoutSeconds * 1000, ...overrides });
