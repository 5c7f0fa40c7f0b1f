// Which requests the gateway forwards: the request target exactly as the tool sent it, matched
// against the catalog's list of what a tool needs (GATEWAY.routes' `forwards`). Never a URL
// parser's normalised path: `..`, `%2e%2e`, `%2F`, `//` or a backslash would let one path be
// checked and another reach Model Studio. What is forwarded is the very path that was checked.
import { GATEWAY } from '../model-studio/catalog.js';

export type GatewayRoute = (typeof GATEWAY.routes)[number];

export type TargetCheck =
  | {
      ok: true;
      route: GatewayRoute;
      /** Below the route's prefix, with its leading `/`: appended to the key's base as it is. */
      path: string;
      /** `?…` as sent, or ''. */
      query: string;
    }
  | { ok: false; status: 403 | 404; code: string; message: string };

/** What `{id}` stands for: one path segment, nothing encoded, never `.` or `..`. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._:@~-]*$/;
/** How much of a refused path the refusal repeats. */
const SHOWN_PATH = 100;

export function checkTarget(method: string, target: string): TargetCheck {
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  const route = GATEWAY.routes.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
  if (!route) {
    return {
      ok: false,
      status: 404,
      code: 'not_found',
      message: `The gateway serves ${GATEWAY.routes.map(({ prefix }) => prefix).join(', ')}.`,
    };
  }
  const below = path.slice(route.prefix.length + 1);
  if (!query.includes('#') && route.forwards.some((entry) => forwards(entry, method, below)))
    return { ok: true, route, path: `/${below}`, query };
  const shown = path.length > SHOWN_PATH ? `${path.slice(0, SHOWN_PATH)}…` : path;
  return {
    ok: false,
    status: 403,
    code: 'forbidden_path',
    message: `The gateway forwards only what a tool needs to use models (chat, completions, embeddings, responses, messages, native services and their tasks, the model list); ${method} ${shown} is not one of them. Keys, uploads, files and the account are never reachable through it.`,
  };
}

/** Whether `entry` ('POST chat/completions', 'GET tasks/{id}') allows `method` on `path`. */
function forwards(entry: string, method: string, path: string): boolean {
  const [allowedMethod, allowedPath = ''] = entry.split(' ');
  if (allowedMethod !== method) return false;
  const wanted = allowedPath.split('/');
  const given = path.split('/');
  return (
    wanted.length === given.length &&
    wanted.every((segment, index) =>
      segment === '{id}' ? SEGMENT.test(given[index] ?? '') : segment === given[index],
    )
  );
}
