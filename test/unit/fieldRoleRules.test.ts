// A role rule on some fields ("only managers can change the total of an order", the shop fixture's
// last sentence): the spec language, its edits, the API check, the generated test, the form and the
// docs. Everyone else still changes the rest of the order.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { generateBackend } from '../../src/core/generator/backend';
import { describeRule as describeForBackend } from '../../src/core/generator/backend/packageJson';
import { FileSet } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { describeRule as describeForReadme } from '../../src/core/generator/project/readme';
import { deleteField, describeRule, renameField, setAuth } from '../../src/model/project/edit';
import { ProjectSpec, Rule } from '../../src/model/project/projectSpec';
import { fieldRoleRules, recordRoleRules } from '../../src/model/project/roleRules';
import { validateSpec } from '../../src/model/project/specIndex';
import { typecheckGenerated } from './generatedTypecheck';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const shop = () => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'shop.json'), 'utf8')));
const fieldRule = (spec: ProjectSpec) => fieldRoleRules(spec.rules)[0];
const withRule = (overrides: Record<string, unknown>) => {
  const spec = shop();
  return { ...spec, rules: spec.rules.map((r) => (r.kind === 'roleRequired' ? ({ ...r, ...overrides } as Rule) : r)) };
};

function generated(spec: ProjectSpec): { backend: FileSet; frontend: FileSet } {
  const backend = new FileSet();
  const frontend = new FileSet();
  generateBackend(spec, backend);
  generateFrontend(spec, frontend);
  return { backend, frontend };
}

const text = (files: FileSet, file: string) => {
  const found = files.get(file);
  assert.ok(found, `missing ${file}`);
  return found.content;
};

/** The generated sameValue, transpiled and callable. */
function sameValue(access: string): (sent: unknown, stored: unknown, numeric?: boolean) => boolean {
  const start = access.indexOf('export function sameValue(');
  const helper = access.indexOf('function decimalDigits(');
  const source = access.slice(start, access.indexOf('\n}', helper) + 2).replace('export ', '');
  const js = ts.transpileModule(`${source}\nmodule.exports = sameValue;`, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = { exports: undefined as unknown };
  new Function('module', js)(mod);
  return mod.exports as (sent: unknown, stored: unknown, numeric?: boolean) => boolean;
}

describe('a role rule on some fields ("only managers can change the total of an order")', () => {
  it('is valid on fields the entity has, for create and update only; and is no rule on the whole record', () => {
    assert.deepEqual(validateSpec(shop()), []);
    assert.deepEqual(fieldRule(shop()).fields, ['total']);
    assert.deepEqual(recordRoleRules(shop().rules), [], 'no role rule closes the whole order');
    assert.match(validateSpec(withRule({ fields: ['price'] })).join('\n'), /Order has no field price/);
    assert.match(validateSpec(withRule({ actions: ['update', 'delete'] })).join('\n'), /only create and update can be limited to fields/);
    assert.equal(Rule.safeParse({ ...fieldRule(shop()), fields: [] }).success, false, 'an empty list is the whole record: leave the key out');
  });

  it('may not name what sign-in keeps, nor a required field without a default on create (nobody else could create)', () => {
    const spec = shop();
    const onUser = { ...spec, rules: [...spec.rules, { kind: 'roleRequired', entity: 'User', actions: ['update'], roles: ['manager'], fields: ['email'], sources: [] } as Rule] };
    assert.match(validateSpec(onUser).join('\n'), /email is kept by sign-in/);
    const required = { ...withRule({ actions: ['create'] }), entities: spec.entities.map((e) => (e.name === 'Order' ? { ...e, fields: e.fields.map((f) => (f.name === 'total' ? { ...f, required: true } : f)) } : e)) };
    assert.match(validateSpec(required).join('\n'), /total is required with no default, so only these roles could create Order rows/);
  });

  it('a field of the user only some roles may set is not the sign-up\'s: left out of the register body and form', () => {
    const spec = shop();
    const user = spec.entities.find((e) => e.name === 'User')!;
    const withDiscount = {
      ...spec,
      entities: spec.entities.map((e) => (e === user ? { ...e, fields: [...e.fields, { name: 'discount', label: 'Discount', type: 'integer' as const, required: false, unique: false, sources: [] }] } : e)),
      rules: [...spec.rules, { kind: 'roleRequired', entity: 'User', actions: ['create', 'update'], roles: ['manager'], fields: ['discount'], sources: [] } as Rule],
    };
    assert.deepEqual(validateSpec(withDiscount), []);
    const { backend, frontend } = generated(withDiscount);
    assert.match(text(backend, 'backend/src/validation/users.ts'), /export const RegisterInput = UserCreate\.omit\(\{ role: true, discount: true \}\);/);
    assert.doesNotMatch(text(frontend, 'frontend/src/pages/RegisterPage.tsx'), /discount/i);
    const users = text(backend, 'backend/src/routes/users.ts');
    assert.match(users, /You can only change your own account[\s\S]*changes\.discount !== undefined/, 'on an account: its owner (or an admin) first, then the field');
    assert.deepEqual(typecheckGenerated(backend.list()), []);
  });

  it('follows a renamed field, loses a deleted one, and goes with the last of its fields (never widened to the record)', () => {
    assert.deepEqual(fieldRule(renameField(shop(), 'Order', 'total', 'amount')).fields, ['amount']);
    const two = withRule({ fields: ['total', 'status'] });
    assert.deepEqual(fieldRule(deleteField(two, 'Order', 'status')).fields, ['total']);
    const none = deleteField(shop(), 'Order', 'total');
    assert.equal(none.rules.filter((r) => r.kind === 'roleRequired').length, 0);
    assert.deepEqual(validateSpec(none), []);
    assert.equal(setAuth(shop(), { enabled: false }).rules.filter((r) => r.kind === 'roleRequired').length, 0, 'no sign-in: no role rules');
  });

  it('is said as a rule on the value in the review, both READMEs', () => {
    const rule = fieldRule(shop());
    assert.equal(describeRule(rule), 'Only manager may change the total of an Order');
    assert.match(describeForReadme(shop(), rule) ?? '', /^Only `manager` users may change the `total` of orders; other users may still update them\./);
    assert.match(describeForBackend(rule), /only manager may change `total` \(everyone else may still update the rest\); otherwise 403/);
  });

  it('the API refuses a new value from anyone else, lets the stored value through, and lets the managers change every order', () => {
    const { backend } = generated(shop());
    const routes = text(backend, 'backend/src/routes/orders.ts');
    assert.match(routes, /const existing = await findOrder\(tx, id, true\);\n.*requireOwner\(user, existing\.customerId, "change this order", \["manager"\]\);\n\s+if \(changes\.total !== undefined && !sameValue\(changes\.total, existing\.total, true\)\) requireRole\(user, \["manager"\], "change the total of an order"\);/);
    assert.doesNotMatch(routes, /routes\.post[\s\S]*requireRole[\s\S]*routes\.patch/, 'creating an order is not limited');
    const same = sameValue(text(backend, 'backend/src/auth/access.ts'));
    assert.equal(same('12.5', '12.50', true), true, 'decimals as numbers');
    assert.equal(same('12.5', '12.51', true), false);
    assert.equal(same('007', '7'), false, 'text as text');
    assert.equal(same(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:00:00.000Z')), true, 'times as instants');
    assert.equal(same(null, undefined), true);
    assert.equal(same(null, '0.00', true), false, 'clearing a value is a change');
    assert.equal(same('100000000000000000000.01', '100000000000000000000.02', true), false, 'no rounding through floating point');
    assert.equal(same(12, '12.00', true), true);
    assert.equal(same('0.5', '00.50', true), true);
    assert.equal(same('1e2', '100', true), false, 'written otherwise: a change, which only the roles may make');
    assert.deepEqual(typecheckGenerated(backend.list()), []);
  });

  it('the generated test tries an outsider who owns the order, the value sent back unchanged, and a manager', () => {
    const test = text(generated(shop()).backend, 'backend/test/rules.test.ts');
    const block = test.slice(test.indexOf('(roleRequired on fields)'));
    assert.match(block, /const outsider = await createUser\(t, "customer"\);\n\s+const created = await createOrder\(t, \{\}, outsider\.token\);/);
    assert.match(block, /body: \{ total: created\.total === "0\.00" \? "1\.00" : "0\.00" \}, token: outsider\.token[\s\S]*toBe\(403\)/);
    assert.match(block, /body: \{ total: created\.total \}, token: outsider\.token[\s\S]*toContain\(resent\.status\)/);
    assert.match(block, /const insider = await createUser\(t, "manager"\);/);
  });

  it('on create too ("only managers can set the total"): a value other than the default is refused, leaving it out is not', () => {
    const { backend } = generated(withRule({ actions: ['create', 'update'] }));
    const routes = text(backend, 'backend/src/routes/orders.ts');
    assert.match(routes, /const input = parseWith\(OrderCreate, await readJson\(c\)\);\n\s+if \(input\.total !== undefined && !sameValue\(input\.total, null, true\)\) requireRole\(user, \["manager"\], "set the total of an order"\);/);
    const test = text(backend, 'backend/test/rules.test.ts');
    assert.match(test, /it\('lets only manager set the total of an order \(roleRequired on fields\)'[\s\S]*const \{ total: _total, \.\.\.body \} = await orderBody\(t\);[\s\S]*toBe\(403\);[\s\S]*\{ body, token: outsider\.token \}\);\n\s+expect\(created\.status\)\.toBe\(201\);/);
    assert.match(text(backend, 'backend/test/helpers.ts'), /Only manager may set total: left to the default here, so any user can create the row\.\n\s+delete body\.total;/);
    assert.deepEqual(typecheckGenerated(backend.list()), []);
  });

  it('the form shows the field read-only to other users, with why, and does not send it', () => {
    const { frontend } = generated(shop());
    assert.match(text(frontend, 'frontend/src/entities/orders.ts'), /\{ name: "total", label: "Total", kind: "money", required: false, min: 0, roles: \{ update: \["manager"\] \} \}/);
    assert.match(text(frontend, 'frontend/src/entities/orders.ts'), /roles: \{\},/, 'no action of the whole record is limited');
    const permissions = text(frontend, 'frontend/src/auth/permissions.ts');
    assert.match(permissions, /export function useLockedNote\(\)/);
    assert.match(permissions, /Only \$\{roles\.join\(' or '\)\} users may \$\{mode === 'create' \? 'set' : 'change'\} this\./);
    const form = text(frontend, 'frontend/src/components/EntityForm.tsx');
    assert.match(form, /if \(lockedNote\(field, mode\)\) delete payload\[field\.name\];/);
    assert.match(form, /locked=\{lockedNote\(field, mode\)\}/);
    const test = text(frontend, 'frontend/src/test/auth.test.tsx');
    assert.match(test, /it\('shows Total read-only to customer users on the edit form, and says why'[\s\S]*<OrderEditPage \/>[\s\S]*disabled\)\.toBe\(true\)[\s\S]*"Only manager users may change this\."/);
  });
});
