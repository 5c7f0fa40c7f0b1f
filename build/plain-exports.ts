// A CommonJS chunk's exports as plain properties. Rolldown writes each binding another chunk imports
// as a getter — `Object.defineProperty(exports, "t", { enumerable: true, get: function () { return
// x } })`, an ES module's live binding — so loading msk's start-up chunk made 131 functions (each
// one more in V8's code cache to read back): about 0.25 ms of every `msk env` on Node 22. A binding
// that nothing in the chunk ever assigns again holds the same value forever once the chunk's code
// has run, so after that run a plain `exports.t = x` gives what the getter gives. Anything else keeps
// its getter: a binding assigned anywhere (read by name alone, whatever the scope: a name may be
// shadowed, never missed), and any getter that does not come after all of the chunk's code.

/** An ESTree node as the bundler's parser gives it: positions in the code, the rest by type. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Every node of `root`, depth first. */
function* nodesOf(root: Node): Generator<Node> {
  yield root;
  for (const value of Object.values(root)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (isNode(item)) yield* nodesOf(item);
    }
  }
}

/** The names a pattern (an assignment's left side, a loop's variable) assigns. */
function* namesAssigned(pattern: unknown): Generator<string> {
  if (!isNode(pattern)) return;
  switch (pattern.type) {
    case 'Identifier':
      yield pattern.name as string;
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties as Node[])
        yield* namesAssigned(property.type === 'RestElement' ? property.argument : property.value);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as unknown[]) yield* namesAssigned(element);
      break;
    case 'AssignmentPattern':
      yield* namesAssigned(pattern.left);
      break;
    case 'RestElement':
      yield* namesAssigned(pattern.argument);
      break;
  }
}

/** Names assigned anywhere after their declaration: `x = …`, `x += …`, `x++`, `for (x of …)`, `[x] = …`. */
function reassignedNames(program: Node): Set<string> {
  const names = new Set<string>();
  for (const node of nodesOf(program)) {
    const target =
      node.type === 'AssignmentExpression'
        ? node.left
        : node.type === 'UpdateExpression'
          ? node.argument
          : (node.type === 'ForInStatement' || node.type === 'ForOfStatement') &&
              isNode(node.left) &&
              node.left.type !== 'VariableDeclaration'
            ? node.left
            : undefined;
    for (const name of namesAssigned(target)) names.add(name);
  }
  return names;
}

interface Getter {
  call: Node;
  exported: string;
  local: string;
}

/** `Object.defineProperty(exports, "name", { enumerable: true, get: function () { return local } })`, read. */
function getterOf(node: Node): Getter | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee as Node;
  const [target, name, descriptor] = node.arguments as Node[];
  const isDefineProperty =
    callee.type === 'MemberExpression' &&
    (callee.object as Node).type === 'Identifier' &&
    (callee.object as Node).name === 'Object' &&
    (callee.property as Node).name === 'defineProperty';
  if (!isDefineProperty || target?.type !== 'Identifier' || target.name !== 'exports') return undefined;
  if (name?.type !== 'Literal' || typeof name.value !== 'string') return undefined;
  if (descriptor?.type !== 'ObjectExpression') return undefined;
  const properties = descriptor.properties as Node[];
  const getter = properties.find((property) => (property.key as Node).name === 'get')?.value as Node;
  if (properties.length !== 2 || getter?.type !== 'FunctionExpression') return undefined;
  const [statement, ...rest] = (getter.body as Node).body as Node[];
  const returned = statement?.type === 'ReturnStatement' ? (statement.argument as Node) : undefined;
  if (rest.length > 0 || returned?.type !== 'Identifier') return undefined;
  return { call: node, exported: name.value, local: returned.name as string };
}

/** The calls of a statement that is nothing but export getters (one, or several joined by commas). */
function gettersOf(statement: Node): Getter[] | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  const expression = statement.expression as Node;
  const calls = expression.type === 'SequenceExpression' ? (expression.expressions as Node[]) : [expression];
  const getters = calls.map(getterOf);
  return getters.every((getter) => getter !== undefined) ? (getters as Getter[]) : undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `code` (a CommonJS chunk, `program` its syntax tree) with each export that can be plain made so. */
export function plainExports(code: string, program: Node): string {
  const body = program.body as Node[];
  // The getters that only function declarations (hoisted) follow: they run after everything else.
  const trailing: Getter[] = [];
  for (let index = body.length - 1; index >= 0; index--) {
    const statement = body[index] as Node;
    if (statement.type === 'FunctionDeclaration') continue;
    const getters = gettersOf(statement);
    if (!getters) break;
    trailing.push(...getters);
  }
  const reassigned = reassignedNames(program);
  const plain = trailing
    .filter((getter) => !reassigned.has(getter.local))
    .sort((a, b) => b.call.start - a.call.start);
  let result = code;
  for (const { call, exported, local } of plain) {
    const property = IDENTIFIER.test(exported) ? `.${exported}` : `[${JSON.stringify(exported)}]`;
    result = `${result.slice(0, call.start)}exports${property}=${local}${result.slice(call.end)}`;
  }
  return result;
}
