// Validate → call the core → a serialisable Result. The Electron IPC adapter and the tests
// (which bridge a real page to it) both go through here, so both see the same behaviour.
import { isMskError, messageOf } from '../core/errors.js';
import type { Services } from '../core/services.js';
import { switchRegion } from '../core/actions/regions.js';
import { type AppState, snapshot } from '../core/state.js';
import { type ArgsOf, contract, type Method, type Result, type ResultOf } from './contract.js';

type Handlers = { [M in Method]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

export interface Router {
  call(method: string, args: unknown): Promise<Result<unknown>>;
  state(): Promise<AppState>;
}

export function createRouter(
  services: Services,
  onChange: (state: AppState) => void = () => undefined,
): Router {
  const state = async () => snapshot(await services.config.read());
  const changed = async () => {
    const next = await state();
    onChange(next);
    return next;
  };

  const handlers: Handlers = {
    'state.get': () => state(),
    'regions.setActive': async ({ regionId }) => {
      await switchRegion(services, regionId);
      return changed();
    },
  };

  return {
    state,
    async call(method, args) {
      if (!Object.hasOwn(contract, method)) {
        return { ok: false, error: { code: 'unknown-method', message: `Unknown method '${method}'.` } };
      }
      const name = method as Method;
      const parsed = contract[name].args.safeParse(args);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: parsed.error.issues[0]?.message ?? 'Invalid input.' },
        };
      }
      try {
        const handler = handlers[name] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: contract[name].result.parse(await handler(parsed.data)) };
      } catch (error) {
        return isMskError(error)
          ? { ok: false, error: { code: error.code, message: error.message } }
          : { ok: false, error: { code: 'internal', message: messageOf(error) } };
      }
    },
  };
}
