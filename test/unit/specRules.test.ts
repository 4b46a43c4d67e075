// The dateOrder and refuseWhen rule kinds in the spec language: the schema, validateSpec's
// cross-references, the review step's edits (renames and deletes follow into the rules, addRule)
// and the three descriptions (review table, backend README, project README).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeRule as describeForBackend } from '../../src/core/generator/backend/packageJson';
import { describeRule as describeForReadme } from '../../src/core/generator/project/readme';
import {
  addRule,
  deleteEntity,
  deleteField,
  deleteRelation,
  describeRule,
  renameEntity,
  renameField,
  ruleProblems,
  setAuth,
  SpecEditError,
  updateField,
} from '../../src/model/project/edit';
import { ProjectSpec, Rule } from '../../src/model/project/projectSpec';
import { conditionHolds, conditionProblem, valueWhere } from '../../src/model/project/ruleConditions';
import { validateSpec } from '../../src/model/project/specIndex';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const studio = () => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'studio.json'), 'utf8')));

type RefuseWhen = Extract<Rule, { kind: 'refuseWhen' }>;
type DateOrder = Extract<Rule, { kind: 'dateOrder' }>;

const refusal = (overrides: Omit<Partial<RefuseWhen>, 'condition'> & { condition?: Partial<RefuseWhen['condition']> } = {}): RefuseWhen => ({
  kind: 'refuseWhen',
  entity: 'Ticket',
  actions: ['update', 'delete'],
  message: 'This ticket is closed.',
  sources: [],
  ...overrides,
  condition: { field: 'status', op: 'eq', value: 'closed', ...overrides.condition },
});

const order = (overrides: Partial<DateOrder> = {}): DateOrder => ({ kind: 'dateOrder', entity: 'FitnessClass', earlier: 'startsAt', later: 'endsAt', allowEqual: false, sources: [], ...overrides });

/** validateSpec's problems with exactly one extra rule (the fixture itself is valid). */
function problemsWith(rule: unknown): string[] {
  return validateSpec({ ...studio(), rules: [...studio().rules, rule as Rule] });
}

const rulesOf = <K extends Rule['kind']>(spec: ProjectSpec, kind: K) => spec.rules.filter((r): r is Extract<Rule, { kind: K }> => r.kind === kind);

describe('spec rules: dateOrder and refuseWhen', () => {
  describe('schema', () => {
    it('parses both kinds, with allowEqual false by default and at least one action', () => {
      const parsed = Rule.parse({ kind: 'dateOrder', entity: 'Trip', earlier: 'startDate', later: 'endDate' });
      assert.deepEqual(parsed, { kind: 'dateOrder', entity: 'Trip', earlier: 'startDate', later: 'endDate', allowEqual: false, sources: [] });
      const refuse = Rule.parse({ kind: 'refuseWhen', entity: 'Booking', actions: ['create'], condition: { relation: 'member', field: 'unpaidFees', op: 'gt', value: 0 }, message: 'Pay first.' });
      assert.equal(refuse.kind === 'refuseWhen' && refuse.condition.op, 'gt');
      assert.equal(Rule.safeParse({ ...refuse, actions: [] }).success, false, 'no actions');
      assert.equal(Rule.safeParse({ ...refuse, actions: ['read'] }).success, false, 'reading is never refused');
      assert.equal(Rule.safeParse({ ...refuse, message: '' }).success, false, 'a message is needed');
      assert.equal(Rule.safeParse({ ...refuse, message: 'x'.repeat(301) }).success, false, 'at most 300 characters');
      assert.equal(Rule.safeParse({ ...refuse, condition: { field: 'x', op: 'between' } }).success, false, 'unknown comparison');
    });
  });

  describe('validateSpec', () => {
    it('accepts the studio fixture: date orders, the three refusal shapes, ranges', () => {
      assert.deepEqual(validateSpec(studio()), []);
      assert.equal(rulesOf(studio(), 'refuseWhen').length, 3);
      assert.equal(rulesOf(studio(), 'dateOrder').length, 2);
    });

    it('dateOrder: both fields exist, are dates or date-times, and differ', () => {
      assert.match(problemsWith(order({ later: 'finish' })).join('\n'), /Rule dateOrder on FitnessClass: FitnessClass has no field finish/);
      assert.match(problemsWith(order({ later: 'capacity' })).join('\n'), /capacity must be a date or date-time field, not integer/);
      assert.match(problemsWith(order({ later: 'startsAt' })).join('\n'), /compares startsAt with itself/);
      assert.match(problemsWith(order({ entity: 'Ghost' })).join('\n'), /Rule dateOrder on Ghost: unknown entity/);
      assert.deepEqual(problemsWith(order({ entity: 'Ticket', earlier: 'openedOn', later: 'dueOn' })), [], 'two dates');
    });

    it('refuseWhen: the relation is a belongsTo of the entity and the field is on the row it points to', () => {
      assert.match(problemsWith(refusal({ entity: 'Booking', condition: { relation: 'ticket', field: 'status' } })).join('\n'), /Booking has no belongsTo relation ticket/);
      assert.match(problemsWith(refusal({ entity: 'Booking', condition: { relation: 'member', field: 'status' } })).join('\n'), /Member has no field status/);
      assert.match(problemsWith(refusal({ condition: { field: 'state' } })).join('\n'), /Ticket has no field state/);
      // Member has tickets, but that is Ticket's relation, not Member's.
      assert.match(problemsWith(refusal({ entity: 'Member', condition: { relation: 'tickets', field: 'status' } })).join('\n'), /Member has no belongsTo relation tickets/);
    });

    it('refuseWhen: the comparison suits the field type and the value is one of the field', () => {
      const problems = (condition: Partial<RefuseWhen['condition']>, entity = 'Ticket') => problemsWith(refusal({ entity, condition })).join('\n');
      assert.match(problems({ value: 'archived' }), /"archived" is not a value of status \(open, in_progress, closed\)/);
      assert.match(problems({ value: 3 }), /"3" is not a value of status/);
      assert.match(problems({ op: 'gt' }), /"gt" cannot compare status \(enum\)/);
      assert.match(problems({ op: 'past', value: undefined }), /"past" needs a date or date-time field, and status is enum/);
      assert.match(problems({ op: 'eq', value: undefined }), /needs a value to compare status with/);
      assert.match(problems({ field: 'priority', op: 'gt', value: '3' }), /priority is a number, so the value must be a number/);
      assert.match(problems({ field: 'priority', op: 'eq', value: 2.5 }), /priority is a whole number/);
      assert.match(problems({ field: 'openedOn', op: 'lt', value: 'yesterday' }), /openedOn is a date, so the value must be a date like 2030-01-31/);
      assert.match(problems({ field: 'openedOn', op: 'past', value: '2030-01-01' }), /"past" takes no value/);
      assert.match(problems({ field: 'subject', op: 'eq', value: true }), /subject is text, so the value must be text/);
      assert.deepEqual(problemsWith(refusal({ condition: { field: 'openedOn', op: 'lt', value: '2030-01-01' } })), []);
      assert.deepEqual(problemsWith(refusal({ condition: { field: 'dueOn', op: 'isEmpty', value: undefined } })), []);
      assert.deepEqual(problemsWith(refusal({ entity: 'FitnessClass', condition: { field: 'startsAt', op: 'gte', value: '2030-01-01T09:00:00Z' } })), []);
    });

    it('refuseWhen: a condition that can never hold, or always holds, is a mistake', () => {
      const problems = (condition: Partial<RefuseWhen['condition']>) => problemsWith(refusal({ condition })).join('\n');
      assert.match(problems({ field: 'subject', op: 'isEmpty', value: undefined }), /subject is required, so it is never empty/);
      assert.match(problems({ field: 'subject', op: 'notEmpty', value: undefined }), /would refuse every row/);
      assert.match(problems({ field: 'priority', op: 'gt', value: 5 }), /priority must be from 1 to 5, so "gt 5" never holds/);
      assert.match(problems({ field: 'priority', op: 'eq', value: 9 }), /never holds/);
      assert.match(problems({ field: 'priority', op: 'gte', value: 1 }), /"gte 1" always holds/);
      assert.deepEqual(problemsWith(refusal({ condition: { field: 'priority', op: 'gte', value: 4 } })), []);
    });

    it('a field whose minimum is above its maximum is a problem', () => {
      const spec = studio();
      spec.entities[0].fields = spec.entities[0].fields.map((f) => (f.name === 'age' ? { ...f, min: 50, max: 20 } : f));
      assert.deepEqual(validateSpec(spec), ['Member.age must be at least 50 and at most 20, which no value can be']);
    });
  });

  describe('edits follow into the rules', () => {
    it('renaming a field renames it in date orders and in refusals, also through a relation', () => {
      let spec = renameField(studio(), 'FitnessClass', 'startsAt', 'beginsAt');
      assert.deepEqual(rulesOf(spec, 'dateOrder').find((r) => r.entity === 'FitnessClass'), { ...order(), earlier: 'beginsAt', sources: [1] });
      const started = rulesOf(spec, 'refuseWhen').find((r) => r.condition.relation === 'fitnessClass');
      assert.equal(started?.condition.field, 'beginsAt', 'Booking reads FitnessClass.beginsAt through fitnessClass');
      spec = renameField(spec, 'Ticket', 'status', 'state');
      assert.equal(rulesOf(spec, 'refuseWhen').find((r) => r.entity === 'Ticket')?.condition.field, 'state');
      spec = renameField(spec, 'Ticket', 'dueOn', 'deadline');
      assert.equal(rulesOf(spec, 'dateOrder').find((r) => r.entity === 'Ticket')?.later, 'deadline');
      spec = renameField(spec, 'Member', 'unpaidFees', 'owed');
      assert.deepEqual(rulesOf(spec, 'refuseWhen').find((r) => r.condition.relation === 'member')?.condition, { relation: 'member', field: 'owed', op: 'gt', value: 0 });
      assert.deepEqual(validateSpec(spec), []);
    });

    it('renaming a same-named field of another entity leaves the rules alone', () => {
      const spec = studio();
      spec.entities.find((e) => e.name === 'Member')!.fields.push({ name: 'status', label: 'Status', type: 'string', required: false, unique: false, sources: [] });
      const renamed = renameField(spec, 'Member', 'status', 'state');
      assert.equal(rulesOf(renamed, 'refuseWhen').find((r) => r.entity === 'Ticket')?.condition.field, 'status');
    });

    it('deleting a field deletes the date orders and refusals that read it', () => {
      const withoutStart = deleteField(studio(), 'FitnessClass', 'startsAt');
      assert.equal(rulesOf(withoutStart, 'dateOrder').some((r) => r.entity === 'FitnessClass'), false);
      assert.equal(rulesOf(withoutStart, 'refuseWhen').some((r) => r.condition.relation === 'fitnessClass'), false);
      assert.equal(rulesOf(withoutStart, 'refuseWhen').length, 2, 'the other refusals stay');
      const withoutFees = deleteField(studio(), 'Member', 'unpaidFees');
      assert.deepEqual(rulesOf(withoutFees, 'refuseWhen').map((r) => r.message), [
        'This class has already started, so it can no longer be booked.',
        'This ticket is closed: it can no longer be changed or deleted.',
      ]);
      assert.equal(rulesOf(deleteField(studio(), 'Ticket', 'status'), 'refuseWhen').some((r) => r.entity === 'Ticket'), false);
      assert.deepEqual(validateSpec(withoutStart), []);
    });

    it('deleting a relation or the entity it points to deletes the refusals that read through it', () => {
      const spec = deleteRelation(studio(), 'Booking', 'member');
      assert.deepEqual(rulesOf(spec, 'refuseWhen').map((r) => r.condition.relation), ['fitnessClass', undefined]);
      const withoutClasses = deleteEntity(studio(), 'FitnessClass');
      assert.deepEqual(rulesOf(withoutClasses, 'refuseWhen').map((r) => r.condition.relation), ['member', undefined]);
      assert.equal(rulesOf(withoutClasses, 'dateOrder').length, 1);
      assert.deepEqual(validateSpec(withoutClasses), []);
      const withoutTickets = deleteEntity(studio(), 'Ticket');
      assert.equal(withoutTickets.rules.some((r) => r.entity === 'Ticket'), false);
    });

    it('a type or value change drops the rules that no longer fit, and keeps those that do', () => {
      assert.equal(rulesOf(updateField(studio(), 'FitnessClass', 'endsAt', { type: 'string' }), 'dateOrder').some((r) => r.entity === 'FitnessClass'), false);
      assert.equal(rulesOf(updateField(studio(), 'FitnessClass', 'endsAt', { type: 'date' }), 'dateOrder').some((r) => r.entity === 'FitnessClass'), true);
      const noClosed = updateField(studio(), 'Ticket', 'status', { enumValues: ['open', 'in_progress', 'done'] });
      assert.equal(rulesOf(noClosed, 'refuseWhen').some((r) => r.entity === 'Ticket'), false, '"closed" is gone');
      const moreValues = updateField(studio(), 'Ticket', 'status', { enumValues: ['open', 'in_progress', 'closed', 'archived'] });
      assert.equal(rulesOf(moreValues, 'refuseWhen').some((r) => r.entity === 'Ticket'), true);
      assert.equal(rulesOf(updateField(studio(), 'Member', 'unpaidFees', { type: 'string' }), 'refuseWhen').some((r) => r.condition.relation === 'member'), false);
      for (const spec of [noClosed, moreValues]) assert.deepEqual(validateSpec(spec), []);
    });

    it('renaming an entity keeps its rules', () => {
      const spec = renameEntity(studio(), 'FitnessClass', 'Session');
      assert.equal(rulesOf(spec, 'dateOrder')[0].entity, 'Session');
      assert.deepEqual(validateSpec(spec), []);
    });
  });

  describe('addRule', () => {
    const base = () => ({ ...studio(), rules: [] as Rule[] });

    it('adds every kind that fits, with its sources', () => {
      let spec = base();
      for (const rule of studio().rules) spec = addRule(spec, rule);
      assert.deepEqual(spec.rules, studio().rules);
      const noted = addRule(base(), { kind: 'dateOrder', entity: 'Ticket', earlier: 'openedOn', later: 'dueOn', sources: [5] });
      assert.deepEqual(noted.rules, [{ kind: 'dateOrder', entity: 'Ticket', earlier: 'openedOn', later: 'dueOn', allowEqual: false, sources: [5] }]);
    });

    it('refuses a rule that does not fit, saying every reason', () => {
      assert.throws(
        () => addRule(base(), refusal({ condition: { value: 'archived' } })),
        (error: unknown) => error instanceof SpecEditError && /"archived" is not a value of status/.test(error.message),
      );
      assert.throws(() => addRule(base(), { kind: 'refuseWhen', entity: 'Ticket', actions: [], condition: { field: 'status', op: 'eq', value: 'closed' }, message: 'x' }), /actions/);
      assert.deepEqual(ruleProblems(base(), order({ later: 'capacity', earlier: 'title' })), [
        'Rule dateOrder on FitnessClass: title must be a date or date-time field, not string',
        'Rule dateOrder on FitnessClass: capacity must be a date or date-time field, not integer',
      ]);
    });

    it('does not blame the new rule for problems the spec already had', () => {
      const broken = { ...base(), rules: [order({ later: 'capacity' })] };
      assert.equal(validateSpec(broken).length, 1);
      assert.deepEqual(ruleProblems(broken, refusal()), []);
      assert.equal(addRule(broken, refusal()).rules.length, 2);
    });

    it('the same rule again only adds its sentences', () => {
      const once = addRule(base(), refusal({ sources: [6] }));
      const twice = addRule(once, refusal({ sources: [2, 6] }));
      assert.equal(twice.rules.length, 1);
      assert.deepEqual(twice.rules[0].sources, [2, 6]);
    });
  });

  describe('describing rules', () => {
    const [classOrder, , started, unpaid, ticketOrder, , closed] = studio().rules;

    it('in the review table', () => {
      assert.equal(describeRule(classOrder), 'FitnessClass.endsAt must be after startsAt');
      assert.equal(describeRule(ticketOrder), 'Ticket.dueOn must be on or after openedOn');
      assert.equal(describeRule(started), 'Refuse to create a Booking when fitnessClass.startsAt is in the past: “This class has already started, so it can no longer be booked.”');
      assert.equal(describeRule(unpaid), 'Refuse to create a Booking when member.unpaidFees is more than 0: “Members with unpaid fees cannot book until they have paid.”');
      assert.equal(describeRule(closed), 'Refuse to update/delete a Ticket when status is "closed": “This ticket is closed: it can no longer be changed or deleted.”');
    });

    it('in the backend README', () => {
      assert.equal(describeForBackend(classOrder), 'FitnessClass: `endsAt` must be after `startsAt` (on create, and on update against the stored row); otherwise 422 `rule_violated`.');
      assert.match(describeForBackend(unpaid), /^Booking: create refused when member\.unpaidFees is more than 0 .*through `member`\); 409 `rule_violated`: "Members with unpaid fees/);
      assert.match(describeForBackend(closed), /^Ticket: update, delete refused when status is "closed"/);
    });

    it('in the project README', () => {
      const spec = studio();
      assert.equal(describeForReadme(spec, classOrder), "A fitness class's `endsAt` must be after its `startsAt`, also when only one of them changes.");
      assert.equal(describeForReadme(spec, started), 'No one may create a booking when its fitness class\'s `startsAt` is in the past: “This class has already started, so it can no longer be booked.”');
      assert.equal(describeForReadme(spec, unpaid), 'No one may create a booking when its member\'s `unpaidFees` is more than `0`: “Members with unpaid fees cannot book until they have paid.”');
      assert.equal(describeForReadme(spec, closed), 'No one may update or delete a ticket when its `status` is `closed`: “This ticket is closed: it can no longer be changed or deleted.”');
    });
  });

  describe('conditions at generation time', () => {
    const fees = { type: 'money' as const, min: 0, max: 10000 };
    it('evaluate like the generated code: nulls only match isEmpty, dates compare as days', () => {
      assert.equal(conditionHolds('money', '0.50', { op: 'gt', value: 0 }), true);
      assert.equal(conditionHolds('money', '0.00', { op: 'gt', value: 0 }), false);
      assert.equal(conditionHolds('enum', null, { op: 'ne', value: 'closed' }), false);
      assert.equal(conditionHolds('string', '', { op: 'isEmpty' }), true);
      const now = Date.parse('2030-05-10T12:00:00Z');
      assert.equal(conditionHolds('date', '2030-05-10', { op: 'past' }, now), false, 'today is not past yet');
      assert.equal(conditionHolds('date', '2030-05-09', { op: 'past' }, now), true);
      assert.equal(conditionHolds('datetime', '2030-05-10T11:59:00.000Z', { op: 'past' }, now), true);
      assert.equal(conditionHolds('date', '2030-05-11', { op: 'future' }, now), true);
      assert.equal(conditionHolds('datetime', '2030-01-02T00:00:00Z', { op: 'gte', value: '2030-01-02' }), true);
    });

    it('find values for which a refusal holds or not, inside the field bounds', () => {
      assert.equal(valueWhere(fees, { op: 'gt', value: 0 }, false, '17.50'), '0.00');
      assert.equal(valueWhere(fees, { op: 'gt', value: 0 }, true, '0.00'), '0.50');
      assert.equal(valueWhere({ type: 'integer', min: 1, max: 5 }, { op: 'lt', value: 3 }, true, 4), 2);
      assert.equal(valueWhere({ type: 'enum', enumValues: ['open', 'closed'] }, { op: 'eq', value: 'open' }, false, 'open'), 'closed');
      assert.equal(valueWhere({ type: 'datetime' }, { op: 'past' }, false, '2030-01-01T10:00:00.000Z'), '2090-06-15T10:00:00.000Z', 'far from today, so files do not depend on the day');
      assert.equal(valueWhere({ type: 'date' }, { op: 'future' }, true, '2001-01-01'), '2090-06-15');
      assert.equal(valueWhere({ type: 'integer', min: 1, max: 5 }, { op: 'gt', value: 5 }, true, 3), undefined, 'impossible within bounds');
      assert.equal(conditionProblem({ name: 'x', label: 'X', type: 'boolean', required: true, unique: false, sources: [] }, { field: 'x', op: 'eq', value: 'yes' }), 'x is yes/no, so the value must be true or false (not "yes")');
    });
  });
});

describe('spec rules: a refusal some roles are excepted from (exceptRoles)', () => {
  const shop = () => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'shop.json'), 'utf8')));
  const refusalOf = (spec: ProjectSpec) => rulesOf(spec, 'refuseWhen')[0];

  it('the shop fixture is valid; an excepted role must be one of auth\'s roles, and needs auth at all', () => {
    assert.deepEqual(validateSpec(shop()), []);
    const withRole = (exceptRoles: string[]) => ({ ...shop(), rules: [{ ...refusalOf(shop()), exceptRoles }] });
    assert.deepEqual(validateSpec(withRole(['chef'])), ['Rule refuseWhen on Order: unknown role chef']);
    assert.match(problemsWith(refusal({ exceptRoles: ['manager'] })).join(' | '), /excepts roles, but the spec has no auth/);
    assert.equal(Rule.safeParse({ ...refusalOf(shop()), exceptRoles: [] }).success, false, 'an empty list is no exception: leave the key out');
  });

  it('changing the roles keeps the exceptions still roles; turning sign-in off makes the refusal hold for everyone', () => {
    const fewer = setAuth(shop(), { enabled: true, roles: ['customer', 'clerk'] });
    assert.equal(refusalOf(fewer).exceptRoles, undefined);
    assert.deepEqual(validateSpec(fewer), []);
    const kept = setAuth(shop(), { enabled: true, roles: ['customer', 'manager'] });
    assert.deepEqual(refusalOf(kept).exceptRoles, ['manager']);
    const off = setAuth(shop(), { enabled: false });
    assert.equal(refusalOf(off).exceptRoles, undefined);
    assert.equal(refusalOf(off).message, refusalOf(shop()).message, 'the refusal itself stays');
    assert.deepEqual(validateSpec(off), []);
  });

  it('the review table and both READMEs name who is excepted', () => {
    const spec = shop();
    const rule = refusalOf(spec);
    assert.match(describeRule(rule), /when status is "shipped" \(except for manager\)/);
    assert.match(describeForBackend(rule), /except to manager users; 409/);
    assert.match(describeForReadme(spec, rule), /^Only `manager` users \(and admins\) may/);
  });
});
