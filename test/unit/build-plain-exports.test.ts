// The build makes a chunk's exports plain properties only where that cannot change what another
// chunk reads (build/plain-exports.ts): each case runs the chunk before and after, as CommonJS.
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { plainExports } from '../../build/plain-exports.js';

type Program = Parameters<typeof plainExports>[1];
const transform = (code: string): string => plainExports(code, parseAst(code) as unknown as Program);

const getter = (exported: string, local: string) =>
  `Object.defineProperty(exports,${JSON.stringify(exported)},{enumerable:!0,get:function(){return ${local}}})`;

/** The chunk's exports after its code ran, and after `then` (a later call that may assign a binding). */
function run(code: string): { exports: Record<string, unknown>; later: Record<string, unknown> } {
  const exports: Record<string, unknown> = {};
  new Function('exports', code)(exports);
  const before = { ...exports };
  (exports.set as (() => void) | undefined)?.();
  return { exports: before, later: { ...exports } };
}

describe('plain exports', () => {
  it('makes a binding nothing assigns again plain, and the chunk exports the same values', () => {
    const code = `var a=1,b=class{},c={x:1};function f(){return a}${getter('t', 'a')},${getter('n', 'b')},${getter('$r', 'c')},${getter('r', 'f')};`;
    const plain = transform(code);
    expect(plain).not.toContain('defineProperty');
    expect(plain).toContain('exports.$r=c');
    // Functions and classes by name: each run makes its own.
    const shown = (exports: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(exports).map(([name, value]) => [
          name,
          typeof value === 'function' ? `function ${value.name}` : value,
        ]),
      );
    expect(shown(run(plain).exports)).toEqual(shown(run(code).exports));
    expect(shown(run(plain).exports)).toEqual({ t: 1, n: 'function b', $r: { x: 1 }, r: 'function f' });
  });

  it('keeps the getter of a binding assigned anywhere, in any scope and any form', () => {
    const assignments = ['a=2', 'a+=1', 'a++', '[a]=[2]', '({a}={a:2})', 'for(a of [2]);', 'a??=2'];
    for (const assignment of assignments) {
      const code = `let a=1;function set(){${assignment}}exports.set=set;${getter('t', 'a')};`;
      const plain = transform(code);
      expect(plain, assignment).toContain('defineProperty');
      // The live binding holds: what another chunk reads follows the change.
      expect(run(plain).later.t, assignment).toEqual(run(code).later.t);
    }
  });

  it('leaves a getter alone that does not come after all the chunk code (only hoisted functions may follow)', () => {
    const code = `var a=1;${getter('t', 'a')};var b=2;function h(){}`;
    expect(transform(code)).toBe(code);
    const after = `var a=1;${getter('t', 'a')};function h(){}`;
    expect(transform(after)).toBe('var a=1;exports.t=a;function h(){}');
  });

  it('leaves any other defineProperty as it is', () => {
    const code = `var a=1;Object.defineProperty(exports,"t",{enumerable:!0,value:a});Object.defineProperty(module,"t",{get:function(){return a}});`;
    expect(transform(code)).toBe(code);
  });
});
