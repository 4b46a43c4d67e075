// Refusals on a record's own values in the generated frontend ("shipped orders cannot be changed"):
// the pages say why instead of offering Edit/Save the API would refuse. The browser's test of the
// condition must agree with the API's (refusals.ts in the backend generator) on every kind of value.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { conditionCode } from '../../src/core/generator/backend/refusals';
import type { Column } from '../../src/core/generator/backend/model';
import { FileSet } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { ProjectSpec, type Rule, type RuleCondition } from '../../src/model/project/projectSpec';
import type { Action, EntityMeta, FieldKind, RefusalMeta } from '../../src/core/generator/templates/frontend/src/forms/meta';

const root = path.resolve(__dirname, '..', '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'specs');

/** The template copied into every generated app (not compiled with the extension), transpiled and loaded. */
const template = (() => {
  const source = readFileSync(path.join(root, 'src/core/generator/templates/frontend/src/forms/refusals.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', js)(mod, mod.exports, require);
  return mod.exports as {
    refusalHolds(refusal: RefusalMeta, record: Record<string, unknown>, now?: number): boolean;
    refusalFor(meta: EntityMeta, action: Action, record: Record<string, unknown>, role?: string, isAdmin?: boolean): RefusalMeta | undefined;
  };
})();
const { refusalFor, refusalHolds } = template;
const fixture = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

function frontendOf(spec: ProjectSpec): FileSet {
  const files = new FileSet();
  generateFrontend(spec, files);
  return files;
}
const text = (files: FileSet, file: string) => {
  const found = files.get(file);
  assert.ok(found, `missing ${file}`);
  return found.content;
};

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00.000Z');

/** The API's test of the condition (the generated backend's code), evaluated on one value at NOW. */
function apiHolds(kind: FieldKind, condition: Omit<RuleCondition, 'field'>, value: unknown): boolean {
  const column = { prop: 'v', column: 'v', type: kind, notNull: false, unique: false } as Column;
  const code = conditionCode('row.v', column, { field: 'v', ...condition } as RuleCondition);
  const js = ts.transpileModule(`return (${code});`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const toTime = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  const today = (days = 0) => new Date(NOW + days * DAY).toISOString().slice(0, 10);
  const realNow = Date.now;
  Date.now = () => NOW;
  try {
    return Boolean(new Function('row', 'toTime', 'today', js)({ v: value }, toTime, today));
  } finally {
    Date.now = realNow;
  }
}

function refusal(kind: FieldKind, condition: Omit<RuleCondition, 'field'>, extra: Partial<RefusalMeta> = {}): RefusalMeta {
  const minutes = condition.offset ? condition.offset.amount * { minutes: 1, hours: 60, days: 1440 }[condition.offset.unit as 'minutes' | 'hours' | 'days'] : 0;
  return { actions: ['update', 'delete'], field: 'v', kind, op: condition.op, value: condition.value as RefusalMeta['value'], ...(minutes ? { offsetMinutes: minutes } : {}), message: 'No.', ...extra };
}

describe('refusals on a record\'s own values in the generated frontend', () => {
  it('the browser\'s test agrees with the API\'s on every kind of value and comparison', () => {
    const cases: Array<[FieldKind, Omit<RuleCondition, 'field'>, unknown[]]> = [
      ['enum', { op: 'eq', value: 'shipped' }, ['shipped', 'placed', null]],
      ['enum', { op: 'ne', value: 'open' }, ['open', 'closed', null]],
      ['string', { op: 'isEmpty' }, ['', null, 'x']],
      ['integer', { op: 'isEmpty' }, [0, null]],
      ['text', { op: 'notEmpty' }, ['', null, 'note']],
      ['boolean', { op: 'eq', value: true }, [true, false, null]],
      ['money', { op: 'gt', value: 100 }, ['100.00', '100.01', '99.99', null]],
      ['decimal', { op: 'lte', value: 2.5 }, ['2.5', '2.50', '2.51', null]],
      ['integer', { op: 'gte', value: 3 }, [2, 3, 4]],
      ['date', { op: 'lt', value: '2026-01-01' }, ['2025-12-31', '2026-01-01', null]],
      ['datetime', { op: 'gte', value: '2026-06-15T10:00:00.000Z' }, ['2026-06-15T09:59:59.000Z', '2026-06-15T10:00:00.000Z', '2026-06-16T00:00:00.000Z']],
      ['date', { op: 'past' }, ['2026-06-14', '2026-06-15', '2026-06-16', null]],
      ['date', { op: 'past', offset: { amount: 1, unit: 'days' } }, ['2026-06-15', '2026-06-16', '2026-06-17']],
      ['date', { op: 'future' }, ['2026-06-15', '2026-06-16']],
      ['datetime', { op: 'past', offset: { amount: 2, unit: 'hours' } }, ['2026-06-15T13:59:00.000Z', '2026-06-15T14:00:00.000Z', '2026-06-15T14:01:00.000Z']],
      ['datetime', { op: 'future' }, ['2026-06-15T11:00:00.000Z', '2026-06-15T13:00:00.000Z']],
    ];
    for (const [kind, condition, values] of cases) {
      for (const value of values) {
        const expected = apiHolds(kind, condition, value);
        assert.equal(refusalHolds(refusal(kind, condition), { v: value }, NOW), expected, `${kind} ${JSON.stringify(condition)} on ${JSON.stringify(value)}: the API says ${expected}`);
      }
    }
    // (Both sides of each comparison occur above, so neither test can pass by always answering the same.)
    assert.equal(refusalHolds(refusal('enum', { op: 'eq', value: 'shipped' }), { v: 'shipped' }, NOW), true);
    assert.equal(refusalHolds(refusal('enum', { op: 'eq', value: 'shipped' }), { v: 'placed' }, NOW), false);
  });

  it('closes only the rule\'s actions, and lets the excepted roles and the admin through', () => {
    const meta = { refusals: [refusal('enum', { op: 'eq', value: 'shipped' }, { actions: ['update'], exceptRoles: ['manager'], message: 'Shipped orders cannot be changed.' })] } as unknown as EntityMeta;
    const shipped = { v: 'shipped' };
    assert.equal(refusalFor(meta, 'update', shipped, 'customer')?.message, 'Shipped orders cannot be changed.');
    assert.equal(refusalFor(meta, 'update', shipped)?.message, 'Shipped orders cannot be changed.', 'without sign-in nobody is excepted');
    assert.equal(refusalFor(meta, 'delete', shipped, 'customer'), undefined, 'delete is not refused by this rule');
    assert.equal(refusalFor(meta, 'update', shipped, 'manager'), undefined);
    assert.equal(refusalFor(meta, 'update', shipped, 'customer', true), undefined, 'the admin passes a rule that excepts roles');
    const everyone = { refusals: [refusal('enum', { op: 'eq', value: 'shipped' }, { message: 'Closed.' })] } as unknown as EntityMeta;
    assert.equal(refusalFor(everyone, 'update', shipped, 'admin', true)?.message, 'Closed.', 'a rule that excepts nobody holds for the admin too, as in the API');
    assert.equal(refusalFor(meta, 'update', { v: 'placed' }, 'customer'), undefined);
  });

  it('the entity metadata carries refusals on own values only (not on a parent, not create)', () => {
    const shop = text(frontendOf(fixture('shop')), 'frontend/src/entities/orders.ts');
    assert.match(shop, /refusals: \[\n {4}\{ actions: \["update", "delete"\], field: "status", kind: "enum", op: "eq", value: "shipped", message: "Only managers can change or delete orders after they are shipped\.", exceptRoles: \["manager"\] \},\n {2}\],/);
    const daycare = frontendOf(fixture('daycare'));
    assert.match(text(daycare, 'frontend/src/entities/orders.ts'), /\{ actions: \["update"\], field: "deliveryDate", kind: "date", op: "past", offsetMinutes: 1440, message: "Orders can't be changed less than 1 day before delivery\." \}/);
    assert.match(text(daycare, 'frontend/src/entities/bookings.ts'), /refusals: \[\],/, 'a condition on the training class (a parent) is left to the API');
    assert.match(text(frontendOf(fixture('studio')), 'frontend/src/entities/bookings.ts'), /refusals: \[\],/, 'refusals of create are left to the API');
  });

  it('the detail and edit pages say why instead of offering Edit, Delete and Save', () => {
    const files = frontendOf(fixture('shop'));
    const detail = text(files, 'frontend/src/components/EntityDetailPage.tsx');
    assert.match(detail, /const editRefused = mayEdit \? refusal\(meta, 'update', record\) : undefined;/);
    assert.match(detail, /\{mayEdit && !editRefused && \(/);
    assert.match(detail, /\{mayDelete && !deleteRefused && \(/);
    assert.match(text(files, 'frontend/src/components/EntityFormPage.tsx'), /\{refused \? \(\n\s*<p className="state state-refused" role="note">/);
    assert.match(text(files, 'frontend/src/auth/permissions.ts'), /return refusalFor\(meta, action, record, user\.role, user\.role === ADMIN_ROLE\)\?\.message;/);
    assert.match(text(frontendOf(fixture('studio')), 'frontend/src/auth/permissions.ts'), /return \(meta, action, record\) => refusalFor\(meta, action, record\)\?\.message;/);
    assert.ok(files.get('frontend/src/forms/refusals.ts'));
  });

  it('generates tests: as a user the rule holds for (sign-in: in auth.test; none: with the pages), and the excepted roles', () => {
    const auth = text(frontendOf(fixture('shop')), 'frontend/src/test/auth.test.tsx');
    assert.match(auth, /it\('says why an order in this state cannot be changed to customer users, instead of offering Edit'[\s\S]*role: "customer"[\s\S]*status: "shipped"[\s\S]*<OrderDetailPage \/>[\s\S]*findByText\("Only managers can change or delete orders after they are shipped\."\)[\s\S]*queryByRole\('link', \{ name: 'Edit' \}\)\)\.toBeNull\(\)/);
    assert.match(auth, /<OrderEditPage \/>\);\n\s*expect\(await screen\.findByText\("Only managers[^"]*"\)\)\.toBeTruthy\(\);\n\s*expect\(screen\.queryByRole\('button', \{ name: 'Save changes' \}\)\)\.toBeNull\(\);/);
    assert.match(auth, /expect\(refusalFor\(orderMeta, 'update', record, "manager"\)\)\.toBeUndefined\(\);/);
    assert.equal((auth.match(/^import \{[^}]*OrderDetailPage[^}]*\} from '\.\.\/pages\/orders';$/gm) ?? []).length, 1, 'one import of the order pages');
    const tickets = text(frontendOf(fixture('studio')), 'frontend/src/test/tickets.test.tsx');
    assert.match(tickets, /renderAt\("\/tickets\/1\/edit", "\/tickets\/:id\/edit", <TicketEditPage \/>\);/);
    assert.match(tickets, /\{ \.\.\.SAMPLE, status: "closed" \}/);
    const daycare = text(frontendOf(fixture('daycare')), 'frontend/src/test/orders.test.tsx');
    assert.match(daycare, /\{ \.\.\.SAMPLE, deliveryDate: "2001-06-15" \}/);
    assert.match(daycare, /const SAMPLE = \{ id: 1, item: "Sample item", deliveryDate: sampleDate\(1\)/, 'the sample order is a day past the margin, so its edit test may edit it');
  });

  it('the sample record the other tests edit and delete is not in a refused state, whatever the rule', () => {
    const shop = fixture('shop');
    const withCondition = (spec: ProjectSpec, entity: string, condition: Record<string, unknown>, actions = ['update']) => ({
      ...spec,
      rules: spec.rules.map((r) => (r.kind === 'refuseWhen' && r.entity === entity ? ({ ...r, actions, exceptRoles: undefined, condition } as Rule) : r)),
    });
    const sample = (spec: ProjectSpec, file: string) => /const SAMPLE = (\{[^\n]*\});/.exec(text(frontendOf(spec), file))?.[1] ?? '';
    assert.match(sample(shop, 'frontend/src/test/orders.test.tsx'), /status: "delivered"/, 'the usual sample when it is open');
    assert.match(sample(withCondition(shop, 'Order', { field: 'status', op: 'eq', value: 'delivered' }), 'frontend/src/test/orders.test.tsx'), /status: "placed"/);
    assert.match(sample(withCondition(shop, 'Order', { field: 'status', op: 'ne', value: 'placed' }), 'frontend/src/test/orders.test.tsx'), /status: "placed"/);
    assert.match(sample(withCondition(shop, 'Order', { field: 'total', op: 'gt', value: 10 }, ['delete']), 'frontend/src/test/orders.test.tsx'), /total: "10\.00"/);
    assert.match(sample(withCondition(shop, 'Order', { field: 'total', op: 'notEmpty' }), 'frontend/src/test/orders.test.tsx'), /total: null/);
    const daycare = fixture('daycare');
    assert.match(sample(withCondition(daycare, 'Order', { field: 'deliveryDate', op: 'future' }), 'frontend/src/test/orders.test.tsx'), /deliveryDate: sampleDate\(-33\)/, 'before today, for a rule on days ahead');
    assert.match(sample(withCondition(daycare, 'Order', { field: 'deliveryDate', op: 'lt', value: '2030-01-01' }), 'frontend/src/test/orders.test.tsx'), /deliveryDate: "2030-01-01"/, 'a fixed day, not one that moves past the rule as time goes on');
    // The refused record of the refusal tests holds the rule, whatever its value: far days for a comparison with a fixed one.
    const early = text(frontendOf(withCondition(daycare, 'Order', { field: 'deliveryDate', op: 'lt', value: '1990-01-01' })), 'frontend/src/test/orders.test.tsx');
    assert.match(early, /\{ \.\.\.SAMPLE, deliveryDate: "1989-12-31" \}/);
  });
});
