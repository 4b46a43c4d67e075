// What code a model may write into the user's project, checked on the syntax tree (Babel's parser,
// bundled) before Takoss accepts a page, a rules module or a repair fix. Model-written code runs on
// the user's machine as soon as the project is verified or started, so it may only import relative
// modules and the packages its layer declares, and may not reach the tools that run other code or
// touch the machine: dynamic import, require, eval, Function, process, Node built-ins, computed
// access on the global object, the constructor chain, import.meta, raw HTML.
//
// This is a policy over the forms such code takes, not a sandbox: a determined author can hide a
// property name in a variable. It is one layer; the write allowlist (src/core/pipeline/writePolicy.ts)
// and verification with least privilege are the others.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { parse } from '@babel/parser';

/** Reads a file of the generated project (e.g. `backend/package.json`), or undefined. */
export type ProjectFileReader = (path: string) => string | undefined;

export interface CodePolicyOptions {
  /** Packages the file may import (its layer's package.json); relative imports are always allowed. */
  dependencies: ReadonlySet<string>;
  /** Folder relative imports must stay inside (e.g. `frontend`); '' for the project root. */
  root: string;
}

const CODE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** Tests and their helpers may import the layer's devDependencies (vitest, testing-library). */
const TEST_CODE = /\.(test|spec)\.[a-z]+$|(^|\/)(test|tests|__tests__)\//;

/** Names that give access to running other code or to the machine, wherever they appear as values. */
const BANNED_NAMES: Record<string, string> = {
  require: 'loads modules at run time',
  module: 'reaches the CommonJS loader',
  eval: 'runs a string as code',
  Function: 'runs a string as code',
  process: 'reads the environment and controls the process',
  Reflect: 'reaches properties by computed name',
  Worker: 'starts code outside the module',
  SharedWorker: 'starts code outside the module',
  importScripts: 'loads scripts at run time',
  Bun: 'reaches the runtime',
  Deno: 'reaches the runtime',
};

/** Property names that lead to code execution or prototype tricks on any object. */
const BANNED_PROPERTIES: Record<string, string> = {
  constructor: 'reaches Function through the constructor chain',
  __proto__: 'changes prototypes',
  eval: 'runs a string as code',
  Function: 'runs a string as code',
  require: 'loads modules at run time',
  importScripts: 'loads scripts at run time',
  defaultView: 'reaches the global object',
  innerHTML: 'inserts raw HTML',
  outerHTML: 'inserts raw HTML',
  insertAdjacentHTML: 'inserts raw HTML',
  srcdoc: 'inserts raw HTML',
};

/** The global object's names: usable only as `window.name` with a fixed, allowed name. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/** Own keys only: `'constructor' in {}` is true, and every object has a toString. */
const listed = (table: Record<string, string>, name: string | undefined): name is string => name !== undefined && Object.hasOwn(table, name);

/** Built-ins named in the refusal so the reason is plain (any undeclared module is refused anyway). */
const NODE_BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '').split('/')[0]));

/** Keys that hold TypeScript types only: erased at compile time, nothing in them runs. */
const TYPE_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'superTypeParameters', 'implements', 'predicate']);
const TYPE_ONLY_NODES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSDeclareMethod', 'TSIndexSignature']);
const SKIPPED_KEYS = new Set(['loc', 'start', 'end', 'extra', 'range', 'leadingComments', 'trailingComments', 'innerComments', 'errors', 'tokens', 'comments']);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = { type: string; loc?: { start: { line: number } }; [key: string]: any };

/** The packages a layer declares (dependencies; devDependencies too for test files). */
export function declaredPackages(packageJson: string | undefined, includeDev: boolean): Set<string> {
  if (!packageJson) return new Set();
  try {
    const manifest = JSON.parse(packageJson) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    return new Set([...Object.keys(manifest.dependencies ?? {}), ...(includeDev ? Object.keys(manifest.devDependencies ?? {}) : [])]);
  } catch {
    return new Set();
  }
}

/**
 * The policy for files of one generated project: each file may import what its layer's package.json
 * (`backend/…` → `backend/package.json`) declares, test files their devDependencies too.
 */
export function codePolicyFor(read: ProjectFileReader): (path: string, content: string) => string[] {
  return (path, content) => {
    const root = path.includes('/') ? path.split('/')[0] : '';
    const packageJson = root ? read(`${root}/package.json`) : read('package.json');
    return checkCodePolicy(path, content, { dependencies: declaredPackages(packageJson, TEST_CODE.test(path)), root });
  };
}

/** Violations as "path:line: what and why"; empty when the file keeps to the policy. */
export function checkCodePolicy(path: string, content: string, options: CodePolicyOptions): string[] {
  if (!CODE_FILE.test(path)) return [`${path}: only TypeScript or JavaScript modules may be written by Claude`];
  const parsed = parseModule(path, content);
  if ('unparseable' in parsed) return [parsed.unparseable];
  const walk = new PolicyWalk(path, options);
  walk.visit(parsed.program, undefined, 'program');
  return walk.violations;
}

type ParseError = { message: string; loc?: { line: number } };

/** The module's syntax tree, or why the policy cannot check it. */
function parseModule(path: string, content: string): { program: Node } | { unparseable: string } {
  const plugins: ('typescript' | 'jsx')[] = /\.(tsx|jsx)$/.test(path) ? ['typescript', 'jsx'] : /\.(js|mjs|cjs)$/.test(path) ? ['jsx'] : ['typescript'];
  // Babel reports a syntax error either in `errors` (with recovery) or by throwing: both say the same.
  const unparseable = (error: ParseError) => ({
    unparseable: `${path}:${error.loc?.line ?? 1}: the code policy cannot check it: it does not parse (${String(error.message).replace(/\s*\(\d+:\d+\)$/, '')})`,
  });
  try {
    const file = parse(content, { sourceType: 'module', plugins, errorRecovery: true });
    const error = (file.errors ?? [])[0] as ParseError | undefined;
    if (error) return unparseable(error);
    return { program: file.program as unknown as Node };
  } catch (error) {
    return unparseable(error as ParseError);
  }
}

/** One pass over a module's syntax tree, collecting each violation once, in source order. */
class PolicyWalk {
  readonly violations: string[] = [];

  constructor(
    private readonly path: string,
    private readonly options: CodePolicyOptions,
  ) {}

  visit(node: Node, parent: Node | undefined, key: string): void {
    if (TYPE_ONLY_NODES.has(node.type)) return;
    if (this.check(node, parent, key) === 'leaf') return;
    for (const [childKey, value] of Object.entries(node)) {
      if (SKIPPED_KEYS.has(childKey) || TYPE_KEYS.has(childKey)) continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') this.visit(child, node, childKey);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') {
        this.visit(value, node, childKey);
      }
    }
  }

  /** Checks one node; 'leaf' when its children need no visit (an import, an identifier, `import.meta`). */
  private check(node: Node, parent: Node | undefined, key: string): 'leaf' | 'descend' {
    switch (node.type) {
      case 'ImportDeclaration':
        // `import type` is erased; every other import runs the module (even `import { type A }`
        // under verbatimModuleSyntax), so its source must be allowed.
        if (node.importKind !== 'type') this.checkSource(node, node.source.value);
        return 'leaf';
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source && node.exportKind !== 'type') this.checkSource(node, node.source.value);
        break;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference?.type === 'TSExternalModuleReference') this.report(node, '`import … = require(…)` loads modules at run time; use a static import');
        break;
      case 'Import':
      case 'ImportExpression':
        this.report(node, 'dynamic `import()` loads code at run time; use a static import of a relative module or a declared dependency');
        break;
      case 'MetaProperty':
        if (node.meta?.name === 'import') this.report(node, '`import.meta` is not allowed in model-written code');
        return 'leaf';
      case 'Identifier':
        this.identifier(node, parent, key);
        return 'leaf';
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        this.member(node);
        break;
      case 'ObjectProperty':
        if (parent?.type === 'ObjectPattern') this.destructured(node);
        break;
      case 'CallExpression':
      case 'NewExpression':
        this.timerWithString(node);
        break;
      case 'JSXAttribute':
        if (node.name?.name === 'dangerouslySetInnerHTML') this.report(node, '`dangerouslySetInnerHTML` inserts raw HTML');
        break;
    }
    return 'descend';
  }

  private report(node: Node, what: string): void {
    const line = `${this.path}:${node.loc?.start.line ?? 1}: ${what}`;
    if (!this.violations.includes(line)) this.violations.push(line);
  }

  private checkSource(node: Node, source: string): void {
    const problem = importProblem(this.path, source, this.options);
    if (problem) this.report(node, problem);
  }

  private identifier(node: Node, parent: Node | undefined, key: string): void {
    if (!parent || !isValuePosition(parent, key)) return;
    const name: string = node.name;
    if (listed(BANNED_NAMES, name)) return this.report(node, `\`${name}\` ${BANNED_NAMES[name]}; model-written code may not use it`);
    if (GLOBAL_OBJECTS.has(name)) {
      const asObject = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'object' && !parent.computed;
      const typeofCheck = parent.type === 'UnaryExpression' && parent.operator === 'typeof';
      if (!asObject && !typeofCheck && !isSpyTarget(node, parent)) this.report(node, `\`${name}\` may only be used as \`${name}.name\` with a fixed name`);
    }
  }

  private member(node: Node): void {
    const name = propertyName(node.property, node.computed);
    if (listed(BANNED_PROPERTIES, name)) this.report(node, `\`.${name}\` ${BANNED_PROPERTIES[name]}`);
    const object = unwrapped(node.object as Node);
    if (object.type === 'Identifier' && GLOBAL_OBJECTS.has(object.name)) {
      if (node.computed) this.report(node, `\`${object.name}[…]\` reaches globals by computed name`);
      else if (listed(BANNED_NAMES, name)) this.report(node, `\`${object.name}.${name}\` ${BANNED_NAMES[name]}`);
    } else if (node.computed && isBuiltKey(node.property)) {
      // obj['con' + 'structor'], obj[`${a}${b}`], obj[parts.join('')]: names hidden from the checks above.
      this.report(node, 'a property name built at run time (`obj[a + b]`, `obj[f()]`) can hide a forbidden name; use a fixed name or a plain variable');
    }
  }

  /** A property of an object pattern: `const { constructor } = x`. */
  private destructured(node: Node): void {
    const name = propertyName(node.key, node.computed);
    if (listed(BANNED_PROPERTIES, name)) this.report(node, `destructures \`${name}\`, which ${BANNED_PROPERTIES[name]}`);
  }

  private timerWithString(node: Node): void {
    const callee = node.callee as Node;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property?.name : undefined;
    const first = node.arguments?.[0] as Node | undefined;
    if ((name === 'setTimeout' || name === 'setInterval') && first && ['StringLiteral', 'TemplateLiteral', 'BinaryExpression'].includes(first.type)) {
      this.report(node, `\`${name}\` with a string runs it as code; pass a function`);
    }
  }
}

/** Why an import of `source` from `path` is refused, or undefined when it is allowed. */
function importProblem(path: string, source: string, options: CodePolicyOptions): string | undefined {
  if (/[?#]/.test(source)) return `imports "${source}": import specifiers may not carry a query or fragment (?raw, ?worker, …)`;
  if (source.startsWith('./') || source.startsWith('../')) {
    const target = posix.normalize(posix.join(posix.dirname(path), source));
    const inside = options.root === '' ? !target.startsWith('../') : target.startsWith(`${options.root}/`);
    return inside ? undefined : `imports "${source}", which leaves the ${options.root || 'project'} folder`;
  }
  const bare = source.replace(/^node:/, '');
  if (source.startsWith('node:') || NODE_BUILTINS.has(bare.split('/')[0])) return `imports the Node built-in "${source}"; model-written code may not`;
  const name = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
  if (options.dependencies.has(name)) return undefined;
  const layer = options.root ? `${options.root}/package.json` : 'the project';
  return `imports "${source}", which ${layer} does not declare (allowed: relative modules${options.dependencies.size ? `, ${[...options.dependencies].sort().join(', ')}` : ''})`;
}

/** The name a member access or object key uses, when it is written out (a.b, a['b'], a[`b`]). */
function propertyName(property: Node | undefined, computed: boolean): string | undefined {
  if (!property) return undefined;
  if (!computed) return property.type === 'Identifier' ? (property.name as string) : property.type === 'StringLiteral' ? (property.value as string) : undefined;
  if (property.type === 'StringLiteral') return property.value as string;
  if (property.type === 'TemplateLiteral' && property.expressions.length === 0) return property.quasis[0]?.value?.cooked as string;
  return undefined;
}

/** The expression inside type assertions and parentheses: `(globalThis as any)` is `globalThis`. */
function unwrapped(node: Node): Node {
  const wrappers = ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression'];
  return wrappers.includes(node.type) ? unwrapped(node.expression as Node) : node;
}

/** A computed key assembled from pieces (concatenation, interpolation, a call), not a plain value. */
function isBuiltKey(property: Node): boolean {
  if (property.type === 'BinaryExpression' || property.type === 'CallExpression' || property.type === 'OptionalCallExpression') return true;
  if (property.type === 'TemplateLiteral') return property.expressions.length > 0;
  if (unwrapped(property) !== property) return isBuiltKey(unwrapped(property));
  // `a ?? ''`, `c ? a : b`: built only if a part is.
  if (property.type === 'LogicalExpression') return isBuiltKey(property.left) || isBuiltKey(property.right);
  if (property.type === 'ConditionalExpression') return isBuiltKey(property.consequent) || isBuiltKey(property.alternate);
  return property.type === 'SequenceExpression' || property.type === 'AssignmentExpression';
}

/** `vi.spyOn(window, 'confirm')` in tests: the global object handed to a spy with a fixed, allowed name. */
function isSpyTarget(node: Node, parent: Node): boolean {
  if (parent.type !== 'CallExpression' || parent.arguments[0] !== node) return false;
  const callee = parent.callee as Node;
  const name = parent.arguments[1] as Node | undefined;
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property?.name === 'spyOn' &&
    name?.type === 'StringLiteral' &&
    !listed(BANNED_NAMES, name.value) &&
    !listed(BANNED_PROPERTIES, name.value)
  );
}

/** Whether an Identifier at parent[key] names a value (a reference or a binding), not a property or label. */
function isValuePosition(parent: Node, key: string): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key !== 'property' || parent.computed;
    case 'ObjectProperty':
    case 'ObjectMethod':
    case 'ClassProperty':
    case 'ClassMethod':
    case 'ClassAccessorProperty':
    case 'ClassPrivateProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return key !== 'key' || parent.computed;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key !== 'label';
    case 'ExportSpecifier':
    case 'ExportNamespaceSpecifier':
    case 'ExportDefaultSpecifier':
      return key === 'local';
    case 'TSEnumMember':
      return key !== 'id';
    case 'TSQualifiedName':
    case 'TSTypeReference':
      return false;
    default:
      return true;
  }
}
