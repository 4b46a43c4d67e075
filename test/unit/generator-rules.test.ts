// What the generator emits for ranges (min/max), dateOrder and refuseWhen: enforcement inside the
// write's transaction, generated tests that try each rule both ways, samples that satisfy the
// rules, docs, the frontend form; and that every fixture's backend type-checks without a network.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateBackend } from '../../src/core/generator/backend';
import { buildModel } from '../../src/core/generator/backend/model';
import { sampleFields, sampleValue } from '../../src/core/generator/backend/samples';
import { FileSet } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { ProjectSpec, type Rule } from '../../src/model/project/projectSpec';
import ts from 'typescript';
import { describeRule as describeReadme } from '../../src/core/generator/project/readme';
import { describeRule } from '../../src/model/project/edit';
import { conditionHolds, describeCondition } from '../../src/model/project/ruleConditions';
import { validateSpec } from '../../src/model/project/specIndex';
import { typecheckGenerated } from './generatedTypecheck';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

function backend(spec: ProjectSpec): FileSet {
  const files = new FileSet();
  generateBackend(spec, files);
  return files;
}

function content(files: FileSet, filePath: string): string {
  const file = files.get(filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
}

/** The body of one exported function of a generated module (up to its closing brace at column 0). */
function fn(code: string, name: string): string {
  const start = code.indexOf(`export async function ${name}(`);
  assert.ok(start >= 0, `${name} is exported`);
  return code.slice(start, code.indexOf('\n}', start) + 2);
}

describe('generator: ranges, dateOrder and refuseWhen', () => {
  const studio = load('studio');
  const files = backend(studio);

  describe('ranges (min/max)', () => {
    it('validates integer, decimal and money bounds on create, and update takes the same checks', () => {
      const members = content(files, 'backend/src/validation/members.ts');
      assert.match(members, /age: z\.number\(\)\.int\(\)\.min\(16\)\.max\(120\)\.nullable\(\)\.optional\(\),/);
      assert.match(members, /unpaidFees: z\.union\(\[z\.number\(\), z\.string\(\)[^\n]*Number\(v\) >= 0[^\n]*Number\(v\) <= 10000/);
      assert.match(members, /export const MemberUpdate = MemberCreate\.partial\(\);/, 'PATCH bodies are the create schema, partial: same bounds');
      const classes = content(files, 'backend/src/validation/fitness-classes.ts');
      assert.match(classes, /capacity: z\.number\(\)\.int\(\)\.min\(1\)\.max\(200\),/);
      assert.match(classes, /intensity: [^\n]*Number\(v\) >= 1[^\n]*Number\(v\) <= 10/);
      assert.match(classes, /price: [^\n]*Number\(v\) >= 0/);
    });

    it('generates a test that sends each bounded number out of range on create and on update', () => {
      const test = content(files, 'backend/test/fitness-classes.test.ts');
      assert.match(test, /it\('rejects capacity, intensity, price outside their ranges on create and update \(min\/max\)'/);
      assert.match(test, /fitnessClassBody\(t, \{ capacity: 0 \}\)/);
      assert.match(test, /body: \{ capacity: 201 \}/);
      assert.match(test, /fitnessClassBody\(t, \{ intensity: "0" \}\)/);
      assert.match(test, /body: \{ intensity: "11" \}/);
      assert.match(test, /fitnessClassBody\(t, \{ price: "-1" \}\)/, 'only a minimum: below it on create...');
      assert.match(test, /body: \{ price: "-1" \}/, '...and on update');
      assert.match(test, /toContain\("capacity"\)/);
      assert.doesNotMatch(content(files, 'backend/test/bookings.test.ts'), /min\/max/, 'no bounded numbers, no range test');
    });

    it('documents decimal bounds in OpenAPI, and the frontend form and its schema use them', () => {
      const doc = JSON.parse(content(files, 'backend/openapi.json'));
      assert.equal(doc.components.schemas.FitnessClassInput.properties.intensity.description, 'A number at least 1 and at most 10');
      assert.deepEqual([doc.components.schemas.FitnessClassInput.properties.capacity.minimum, doc.components.schemas.FitnessClassInput.properties.capacity.maximum], [1, 200]);
      const frontend = new FileSet();
      generateFrontend(studio, frontend);
      const entity = content(frontend, 'frontend/src/entities/fitness-classes.ts');
      assert.match(entity, /capacity: z\.number\([^\n]*\.min\(1, "Capacity must be at least 1"\)\.max\(200, "Capacity must be at most 200"\)/);
      assert.match(entity, /intensity: z\.string\([^\n]*Number\(value\) >= 1, "Intensity must be at least 1"/);
      assert.match(entity, /name: "capacity", [^\n]*min: 1, max: 200/);
      assert.match(entity, /name: "price", [^\n]*min: 0 \}/);
      assert.match(content(frontend, 'frontend/src/components/FieldInput.tsx'), /min=\{field\.min\}\s+max=\{field\.max\}/);
      assert.match(content(frontend, 'frontend/src/test/fitness-classes.test.tsx'), /refuses a capacity outside its range before sending \(min\/max\)/);
    });
  });

  describe('dateOrder', () => {
    it('is checked on create and, against the stored row with the change applied, on update (422, naming both fields)', () => {
      const rules = content(files, 'backend/src/rules/fitness-classes.ts');
      assert.match(rules, /if \(toTime\(next\.endsAt\)\.getTime\(\) <= toTime\(next\.startsAt\)\.getTime\(\)\) \{/);
      assert.match(rules, /ruleViolated\("End time \(endsAt\) must be after start time \(startsAt\)\.", 422, \{ rule: 'dateOrder', earlier: "startsAt", later: "endsAt" \}\)/);
      assert.match(fn(rules, 'beforeCreate'), /checkDateOrder1\(values\);/);
      const update = fn(rules, 'beforeUpdate');
      assert.match(update, /const next: Partial<FitnessClassRow> = \{ \.\.\.existing, \.\.\.changes \};/);
      assert.match(update, /if \(changes\.startsAt !== undefined \|\| changes\.endsAt !== undefined\) checkDateOrder1\(next\);/);
      const tickets = content(files, 'backend/src/rules/tickets.ts');
      assert.match(tickets, /toTime\(next\.dueOn\)\.getTime\(\) < toTime\(next\.openedOn\)\.getTime\(\)/, 'allowEqual: only earlier is refused');
      assert.match(tickets, /Due on \(dueOn\) must be on or after opened on \(openedOn\)\./);
    });

    it('a no-overlap check that meets backwards times first names both fields too, as the date order\'s generated test expects', () => {
      const clinic = load('clinic');
      const withEnd = ProjectSpec.parse({
        ...clinic,
        entities: clinic.entities.map((e) => (e.name === 'Appointment' ? { ...e, fields: [...e.fields, { name: 'endsAt', label: 'End time', type: 'datetime', required: true, sources: [] }] } : e)),
        rules: clinic.rules.map((r) => (r.kind === 'noOverlap' ? { kind: 'noOverlap', entity: r.entity, scope: r.scope, start: r.start, end: 'endsAt', sources: r.sources } : r)),
      });
      const rules = content(backend(withEnd), 'backend/src/rules/appointments.ts');
      assert.match(rules, /ruleViolated\('An appointment must end after it starts: end time \(endsAt\) must be after start time \(startsAt\)\.', 422, \{ rule: 'noOverlap' \}\)/);
      // With a duration instead of an end, there is one field, and the message says so plainly.
      assert.match(content(backend(clinic), 'backend/src/rules/appointments.ts'), /ruleViolated\('An appointment must end after it starts\.', 422/);
      // Where the date order allows equal times, so does the overlap check (a zero-length row overlaps nothing).
      const equalAllowed = ProjectSpec.parse({ ...withEnd, rules: [...withEnd.rules, { kind: 'dateOrder', entity: 'Appointment', earlier: 'startsAt', later: 'endsAt', allowEqual: true, sources: [] }] });
      assert.match(content(backend(equalAllowed), 'backend/src/rules/appointments.ts'), /if \(end\.getTime\(\) < start\.getTime\(\)\) throw ruleViolated\('An appointment must end after it starts/);
      assert.match(rules, /if \(end\.getTime\(\) <= start\.getTime\(\)\)/);
    });

    it('a no-overlap check per user in a role names the role ("the same doctor"), not "the same user"', () => {
      const clinic = load('clinic');
      const doctorsSignIn = ProjectSpec.parse({
        ...clinic,
        entities: [{ name: 'User', label: 'User', pluralLabel: 'Users', fields: [{ name: 'name', label: 'Name', type: 'string', required: true, sources: [] }], sources: [] }, ...clinic.entities.filter((e) => e.name !== 'Doctor')],
        relations: clinic.relations.map((r) => (r.from === 'Appointment' && r.to === 'Doctor' ? { ...r, to: 'User', inverseName: 'doctorAppointments' } : r)).filter((r) => r.from !== 'Doctor' && r.to !== 'Doctor'),
        auth: { kind: 'emailPassword', roles: ['doctor', 'admin'], defaultRole: 'doctor', adminRole: 'admin', selfSignup: false, sources: [] },
        rules: clinic.rules.filter((r) => r.entity !== 'Doctor'),
      });
      const rules = content(backend(doctorsSignIn), 'backend/src/rules/appointments.ts');
      assert.match(rules, /This appointment overlaps another appointment of the same doctor\./);
      assert.ok(!/of the same user/.test(rules));
    });

    it('generates a test that refuses the wrong order on create, equal dates unless allowed, and a partial update that breaks it', () => {
      const test = content(files, 'backend/test/rules.test.ts');
      assert.match(test, /it\('refuses a fitness class whose endsAt is not after its startsAt, on create and on update \(dateOrder\)'/);
      assert.match(test, /expect\(backwards\.status\)\.toBe\(422\);\n\s+expect\(backwards\.body\.error\.code\)\.toBe\('rule_violated'\);\n\s+expect\(backwards\.body\.error\.message\)\.toContain\("startsAt"\);\n\s+expect\(backwards\.body\.error\.message\)\.toContain\("endsAt"\);/);
      const ticketTest = test.slice(test.indexOf("it('refuses a ticket whose dueOn"));
      assert.match(ticketTest, /expect\(same\.status\)\.toBe\(201\);/, 'equal dates are allowed for tickets');
      assert.match(test, /expect\(same\.status\)\.toBe\(422\);/, 'and refused for classes');
      assert.match(ticketTest, /body: \{ openedOn: shift\(RULE_DAY, 10, 'date'\) \}[^\n]*\n\s+expect\(moved\.status\)\.toBe\(422\);/);
    });

    it('creates its valid row from a day after RULE_DAY, clear of the rows a noOverlap test of the same owner keeps there', () => {
      const ticketTest = content(files, 'backend/test/rules.test.ts');
      assert.match(ticketTest, /const created = await createTicket\(t, \{ openedOn: shift\(RULE_DAY, 1, 'date'\), dueOn: shift\(RULE_DAY, 3, 'date'\) \}\);/);
    });

    it('samples and test factories put later dates after earlier ones', () => {
      const model = buildModel(studio);
      for (const entityName of ['FitnessClass', 'Ticket']) {
        for (let n = 1; n <= 40; n++) {
          const values = sampleFields(model.entity(entityName), n, model);
          for (const rule of studio.rules) {
            if (rule.kind !== 'dateOrder' || rule.entity !== entityName) continue;
            const [a, b] = [Date.parse(String(values[rule.earlier])), Date.parse(String(values[rule.later]))];
            assert.ok(rule.allowEqual ? b >= a : b > a, `${entityName} #${n}: ${values[rule.earlier]} -> ${values[rule.later]}`);
          }
        }
      }
      const helpers = content(files, 'backend/test/helpers.ts');
      assert.match(helpers, /endsAt: shift\("2090-06-15T10:00:00\.000Z", 1440, "datetime"\)/);
      assert.match(helpers, /openedOn: day\(n\), dueOn: shift\(day\(n\), 1, "date"\)/);
    });

    it('the frontend form refuses dates out of order before sending, next to the later field', () => {
      const frontend = new FileSet();
      generateFrontend(studio, frontend);
      assert.match(
        content(frontend, 'frontend/src/entities/fitness-classes.ts'),
        /\}\)\.refine\(\(value\) => value\.startsAt == null \|\| value\.endsAt == null \|\| Date\.parse\(value\.endsAt\) > Date\.parse\(value\.startsAt\), \{ message: "End time must be after start time", path: \["endsAt"\] \}\);/,
      );
      assert.match(content(frontend, 'frontend/src/entities/tickets.ts'), /Date\.parse\(value\.dueOn\) >= Date\.parse\(value\.openedOn\)/);
      const test = content(frontend, 'frontend/src/test/fitness-classes.test.tsx');
      assert.match(test, /refuses an end time before the start time before sending \(dateOrder\)/);
      assert.match(test, /endsAt: new Date\(sampleLocalDateTime\(1\)\)\.toISOString\(\)/, 'the filled-in form is in order');
      assert.match(test, /fireEvent\.change\(screen\.getByLabelText\("End time"\), \{ target: \{ value: sampleLocalDateTime\(-1\) \} \}\);/, 'a day before the start');
    });
  });

  describe('refuseWhen', () => {
    it('reads the parent row under a lock, inside the transaction, before the other checks', () => {
      const rules = content(files, 'backend/src/rules/bookings.ts');
      // Capacity locks the class for update later in the same transaction: take that lock now (no upgrade, no deadlock).
      assert.match(rules, /tx\.select\(\{ value: fitnessClasses\.startsAt \}\)\.from\(fitnessClasses\)\.where\(eq\(fitnessClasses\.id, row\.fitnessClassId\)\)\.for\('update'\);/);
      assert.match(rules, /if \(parent && parent\.value != null && toTime\(parent\.value\)\.getTime\(\) <= Date\.now\(\)\) throw ruleViolated\("This class has already started, so it can no longer be booked\.", 409/);
      // Nothing else locks the member: a shared lock keeps its fees from changing until the booking is written.
      assert.match(rules, /tx\.select\(\{ value: members\.unpaidFees \}\)\.from\(members\)\.where\(eq\(members\.id, row\.memberId\)\)\.for\('share'\);/);
      assert.match(rules, /parent\.value != null && Number\(parent\.value\) > 0\) throw ruleViolated\("Members with unpaid fees cannot book until they have paid\.", 409, \{ rule: 'refuseWhen', action \}\)/);
      const create = fn(rules, 'beforeCreate');
      assert.ok(create.indexOf('refuse2(tx, values, "create")') < create.indexOf('checkCapacity1'), 'refusals first');
      assert.doesNotMatch(fn(rules, 'beforeUpdate'), /refuse/, 'create only');
      assert.doesNotMatch(rules, /beforeDelete/);
      const route = content(files, 'backend/src/routes/bookings.ts');
      assert.match(route, /await db\.transaction\(async \(tx\) => \{\n\s+await rules\.beforeCreate\(tx, values\);\n\s+const \[created\] = await tx\.insert/);
    });

    it('reads the stored row on update and delete; delete locks it and runs in a transaction', () => {
      const rules = content(files, 'backend/src/rules/tickets.ts');
      assert.match(rules, /function refuse3\(row: Partial<TicketRow>, action: 'create' \| 'update' \| 'delete'\): void \{\n\s+if \(row\.status === "closed"\) throw ruleViolated\("This ticket is closed: it can no longer be changed or deleted\.", 409/);
      const update = fn(rules, 'beforeUpdate');
      assert.ok(update.indexOf('refuse3(existing, "update");') < update.indexOf('STATUS_TRANSITIONS'), 'refused before the workflow is checked');
      assert.match(fn(rules, 'beforeDelete'), /refuse3\(existing, "delete"\);/);
      const route = content(files, 'backend/src/routes/tickets.ts');
      assert.match(
        route,
        /routes\.delete\('\/:id', async \(c\) => \{\n\s+const id = parseId\(c, "Ticket"\);\n\s+await db\.transaction\(async \(tx\) => \{\n\s+const existing = await findTicket\(tx, id, true\);\n\s+await rules\.beforeDelete\(tx, existing\);\n\s+await tx\.delete\(tickets\)\.where\(eq\(tickets\.id, id\)\);\n\s+\}\);/,
      );
      assert.match(content(files, 'backend/src/routes/members.ts'), /const existing = await findMember\(db, id\);|await findMember\(db, id\);\n\s+await db\.delete/, 'other deletes are unchanged');
    });

    it('on create, a value the client leaves out is read as its default or the workflow start', () => {
      const spec = structuredClone(studio);
      spec.rules.push({ kind: 'refuseWhen', entity: 'Ticket', actions: ['create'], condition: { field: 'status', op: 'eq', value: 'open' }, message: 'No new open tickets.', sources: [] });
      spec.rules.push({ kind: 'refuseWhen', entity: 'Member', actions: ['create'], condition: { field: 'unpaidFees', op: 'gte', value: 100 }, message: 'Too much.', sources: [] });
      spec.rules.push({ kind: 'refuseWhen', entity: 'Ticket', actions: ['delete'], condition: { field: 'dueOn', op: 'past' }, message: 'Overdue.', sources: [] });
      const out = backend(spec);
      assert.match(fn(content(out, 'backend/src/rules/tickets.ts'), 'beforeCreate'), /refuse\d\(\{ status: "open", \.\.\.values \}, "create"\);/);
      assert.match(fn(content(out, 'backend/src/rules/members.ts'), 'beforeCreate'), /refuse1\(\{ unpaidFees: "0", \.\.\.values \}, "create"\);/);
      assert.match(content(out, 'backend/src/rules/tickets.ts'), /row\.dueOn != null && row\.dueOn < today\(\)/, 'a date is past once its day is over');
      assert.deepEqual(typecheckGenerated(out.list()), []);
    });

    it('generates a test per refusal: refused with its message where the condition holds, allowed where not', () => {
      const test = content(files, 'backend/test/rules.test.ts');
      assert.match(test, /^import \{ eq \} from 'drizzle-orm';$/m);
      assert.match(test, /^import \{ fitnessClasses, members, tickets \} from '\.\.\/src\/db\/schema\.js';$/m);
      const started = test.slice(test.indexOf('it("refuses to create a booking when fitnessClass.startsAt past'));
      assert.match(started, /const blocked = await createFitnessClass\(t\);\n\s+await t\.database\.db\.update\(fitnessClasses\)\.set\(\{ startsAt: new Date\("2001-06-15T10:00:00\.000Z"\) \}\)\.where\(eq\(fitnessClasses\.id, blocked\.id\)\);/);
      assert.match(started, /bookingBody\(t, \{ fitnessClassId: blocked\.id \}\)[^\n]*\n\s+expect\(refused\.status\)\.toBe\(409\);/);
      assert.match(started, /expect\(refused\.body\.error\.message\)\.toBe\("This class has already started, so it can no longer be booked\."\);/);
      assert.match(started, /bookingBody\(t, \{ fitnessClassId: open\.id \}\)[^\n]*\n\s+expect\(allowed\.status\)\.toBe\(201\);/);
      const unpaid = test.slice(test.indexOf('it("refuses to create a booking when member.unpaidFees gt 0'));
      assert.match(unpaid, /set\(\{ unpaidFees: "0\.50" \}\)/);
      const closed = test.slice(test.indexOf('it("refuses to update/delete a ticket when status eq closed'));
      assert.match(closed, /set\(\{ status: "closed" \}\)\.where\(eq\(tickets\.id, locked\.id\)\)/);
      for (const expected of [/PATCH', `\/api\/tickets\/\$\{locked\.id\}`[^\n]*\n\s+expect\(changed\.status\)\.toBe\(409\)/, /PATCH', `\/api\/tickets\/\$\{free\.id\}`[^\n]*toBe\(200\)/, /expect\(deleted\.status\)\.toBe\(409\)/, /DELETE', `\/api\/tickets\/\$\{free\.id\}`[^\n]*toBe\(204\)/]) {
        assert.match(closed, expected);
      }
      // The workflow test does not walk a ticket into the state the refusal locks.
      assert.match(test, /body: \{ status: "in_progress" \}[^\n]*\n\s+expect\(moved\.status\)\.toBe\(200\);/);
    });

    it('a condition on the owner makes each test user its own parent', () => {
      const spec = load('tasks');
      spec.entities.find((e) => e.name === 'User')!.fields.push({ name: 'suspended', label: 'Suspended', type: 'boolean', required: false, unique: false, sources: [] });
      const owner = spec.entities.find((e) => e.name === 'Project')!.ownerRelation!;
      spec.rules.push({ kind: 'refuseWhen', entity: 'Project', actions: ['create', 'update'], condition: { relation: owner, field: 'suspended', op: 'eq', value: true }, message: 'Suspended users cannot change projects.', sources: [] });
      const out = backend(spec);
      const test = content(out, 'backend/test/rules.test.ts');
      assert.match(test, /const blocked = await createUser\(t, TEST_ROLE\);/);
      assert.match(test, /body: await projectBody\(t\), token: blocked\.token/);
      assert.match(test, /const locked = await createProject\(t, \{\}, lockedParent\.token\);/);
      assert.match(content(out, 'backend/src/rules/projects.ts'), /\.from\(users\)\.where\(eq\(users\.id, row\.ownerId\)\)\.for\('share'\)/);
      assert.deepEqual(typecheckGenerated(out.list()), []);
    });

    it('sign-up runs the User rules too, in the same transaction as the insert', () => {
      const spec = load('tasks');
      const user = spec.entities.find((e) => e.name === 'User')!;
      // Dates whose names imply no order (a since/until pair would get one from fieldMeaning.ts).
      user.fields.push(
        { name: 'joinedOn', label: 'Joined on', type: 'date', required: false, unique: false, sources: [] },
        { name: 'renewedOn', label: 'Renewed on', type: 'date', required: false, unique: false, sources: [] },
      );
      assert.doesNotMatch(content(backend(spec), 'backend/src/routes/auth.ts'), /rules\.beforeCreate/, 'no User rules, no change');
      spec.rules.push({ kind: 'dateOrder', entity: 'User', earlier: 'joinedOn', later: 'renewedOn', allowEqual: false, sources: [] });
      const out = backend(spec);
      const auth = content(out, 'backend/src/routes/auth.ts');
      assert.match(auth, /import \* as rules from '\.\.\/rules\/users\.js';/);
      assert.match(auth, /const values: NewUserRow = \{ \.\.\.input, role: DEFAULT_ROLE, passwordHash: await hashPassword\(password\) \};\n\s+const created = await db\.transaction\(async \(tx\) => \{\n\s+await rules\.beforeCreate\(tx, values\);/);
      assert.deepEqual(typecheckGenerated(out.list()), []);
    });

    it('a date a refusal reads keeps its far-off sample, and the date before it moves instead', () => {
      const spec = load('tasks');
      spec.entities.find((e) => e.name === 'Task')!.fields.push({ name: 'startDate', label: 'Start date', type: 'date', required: false, unique: false, sources: [] });
      spec.rules.push(
        { kind: 'dateOrder', entity: 'Task', earlier: 'startDate', later: 'dueDate', allowEqual: true, sources: [] },
        { kind: 'refuseWhen', entity: 'Task', actions: ['update'], condition: { field: 'dueDate', op: 'past' }, message: 'Overdue tasks are frozen.', sources: [] },
      );
      const helpers = content(backend(spec), 'backend/test/helpers.ts');
      assert.match(helpers, /dueDate: "2090-06-15", [^\n]*startDate: shift\("2090-06-15", -1, "date"\)/);
      const model = buildModel(spec);
      const values = sampleFields(model.entity('Task'), 3, model);
      assert.equal(values.dueDate, '2090-06-17', 'the seed keeps the refusal-safe far date (one day further per row, so rows do not share it)');
      assert.ok(String(values.startDate) <= String(values.dueDate), `${values.startDate} <= ${values.dueDate}`);
    });

    it('samples never trigger a refusal, here or through a child\'s relation', () => {
      const model = buildModel(studio);
      const refusals = studio.rules.filter((r): r is Extract<Rule, { kind: 'refuseWhen' }> => r.kind === 'refuseWhen');
      for (const rule of refusals) {
        const holder = rule.condition.relation ? model.index.parents(rule.entity).find((r) => r.name === rule.condition.relation)!.to : rule.entity;
        const entity = model.entity(holder);
        const column = entity.columns.find((c) => c.prop === rule.condition.field)!;
        for (let n = 1; n <= 30; n++) {
          const value = sampleValue(column, n, entity, model);
          assert.equal(conditionHolds(column.field!.type, value, rule.condition), false, `${holder}.${column.prop} #${n} = ${String(value)}`);
        }
      }
      const helpers = content(files, 'backend/test/helpers.ts');
      assert.match(helpers, /unpaidFees: "0\.00"/);
      assert.match(helpers, /startsAt: "2090-06-15T10:00:00\.000Z"/);
      assert.match(helpers, /status: "open"/);
    });

    it('describes the refusals in OpenAPI, the backend README and the file explanation', () => {
      const doc = JSON.parse(content(files, 'backend/openapi.json'));
      assert.match(doc.paths['/api/bookings'].post.description, /Refused \(409 rule_violated\) when member\.unpaidFees is more than 0: "Members with unpaid fees/);
      assert.match(doc.paths['/api/tickets/{id}'].delete.description, /status is "closed"/);
      assert.equal(doc.paths['/api/tickets/{id}'].delete.responses['409'].description, 'Still referenced, or refused by a rule');
      assert.ok(doc.paths['/api/fitness-classes'].post.responses['422'], 'dateOrder answers 422 on create');
      assert.match(content(files, 'backend/README.md'), /- Ticket: update, delete refused when status is "closed"/);
      assert.match(files.get('backend/src/rules/bookings.ts')!.explanation, /capacity, refuseWhen, refuseWhen/);
      assert.ok(files.get('backend/src/rules/bookings.ts')!.serves.includes('rule:refuseWhen:Booking'));
    });
  });

  it('every fixture\'s backend type-checks against stand-ins for its packages (no install, no network)', function () {
    this.timeout(60_000);
    for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''))) {
      assert.deepEqual(typecheckGenerated(backend(load(name)).list()), [], name);
    }
  });

  it('the type-check finds what a template gets wrong', () => {
    const broken = files.list().map((file) =>
      file.path === 'backend/src/rules/bookings.ts'
        ? { ...file, content: file.content.replace('import { and, count, eq, ne,', 'import { and, count, ne,') }
        : file.path === 'backend/src/routes/tickets.ts'
          ? { ...file, content: file.content.replace('rules.beforeDelete(tx, existing)', 'rules.beforeDelete(tx)') }
          : file,
    );
    const problems = typecheckGenerated(broken).join('\n');
    assert.match(problems, /src\/rules\/bookings\.ts\(\d+\): TS2304 Cannot find name 'eq'/);
    assert.match(problems, /src\/routes\/tickets\.ts\(\d+\): TS2554 Expected 2 arguments, but got 1/);
  });
});

describe('generator: a refusal some roles are excepted from (shop fixture)', () => {
  // "Only managers can change or delete orders after they are shipped": shipped orders are refused
  // to customers, never to managers (or the admin), and managers act on orders they did not place.
  const shop = load('shop');
  const files = backend(shop);
  const frontend = new FileSet();
  generateFrontend(shop, frontend);

  it('the refusal lets the excepted roles and the admin through, and the hooks take who acts', () => {
    const rules = content(files, 'backend/src/rules/orders.ts');
    assert.match(rules, /function refuse1\(row: Partial<OrderRow>, action: 'create' \| 'update' \| 'delete', actor\?: AuthUser\): void \{\n  if \(actor && \(isAdmin\(actor\) \|\| \["manager"\]\.includes\(actor\.role\)\)\) return;\n  if \(row\.status === "shipped"\) throw/);
    assert.match(fn(rules, 'beforeDelete'), /existing: OrderRow, actor\?: AuthUser\)[\s\S]*refuse1\(existing, "delete", actor\)/);
    assert.match(fn(rules, 'beforeUpdate'), /refuse1\(existing, "update", actor\)/);
    const routes = content(files, 'backend/src/routes/orders.ts');
    assert.match(routes, /rules\.beforeUpdate\(tx, existing, changes, user\)/);
    assert.match(routes, /rules\.beforeDelete\(tx, existing, user\)/);
    assert.match(routes, /requireOwner\(user, existing\.\w+Id, "delete this order", \["manager"\]\)/, 'managers act on orders they did not place');
    assert.match(content(files, 'backend/src/auth/access.ts'), /managers: readonly string\[\] = \[\]\): void \{\n  if \(isAdmin\(user\) \|\| ownerId === user\.id \|\| managers\.includes\(user\.role\)\) return;/);
    assert.deepEqual(typecheckGenerated(files.list()), []);
  });

  it('a spec without excepted roles keeps its hooks and owner checks as they were', () => {
    const studio = content(backend(load('studio')), 'backend/src/rules/tickets.ts');
    assert.doesNotMatch(studio, /actor|AuthUser/);
    assert.doesNotMatch(content(backend(load('library')), 'backend/src/routes/loans.ts'), /requireOwner\([^)]*\[/);
  });

  it('the generated test acts as a role the refusal holds for, then as an excepted one on the same row', () => {
    const test = content(files, 'backend/test/rules.test.ts');
    assert.match(test, /except for manager/);
    assert.match(test, /const plain = await createUser\(t, "customer"\);[\s\S]*createOrder\(t, \{\}, plain\.token\)[\s\S]*toBe\(409\)/);
    assert.match(test, /const excepted = await createUser\(t, "manager"\);\n[^\n]*PATCH[^\n]*locked\.id[^\n]*excepted\.token[^\n]*toBe\(200\);\n[^\n]*DELETE[^\n]*locked\.id[^\n]*excepted\.token[^\n]*toBe\(204\)/);
  });

  it('the frontend offers managers the buttons on orders they do not own, and the docs say who is excepted', () => {
    assert.match(content(frontend, 'frontend/src/entities/orders.ts'), /managers: \{ update: \["manager"\], delete: \["manager"\] \}/);
    assert.match(content(frontend, 'frontend/src/auth/permissions.ts'), /!meta\.owner\.managers\?\.\[action\]\?\.includes\(user\.role\)/);
    const doc = JSON.parse(content(files, 'backend/openapi.json'));
    assert.match(doc.paths['/api/orders/{id}'].delete.description, /status is "shipped" unless the user is manager/);
    assert.match(content(files, 'backend/README.md'), /refused when status is "shipped" .* except to manager users/);
    const rule = shop.rules.find((r) => r.kind === 'refuseWhen')!;
    assert.match(describeRule(rule), /\(except for manager\)/);
    assert.match(describeReadme(shop, rule) ?? '', /^Only `manager` users \(and admins\) may update or delete an order when its `status` is `shipped`/);
  });
});

describe('generator: limits per period and refusals with a margin (daycare fixture)', () => {
  const daycare = load('daycare');
  const files = backend(daycare);
  const capacityOf = (rule: Partial<Extract<Rule, { kind: 'capacity' }>>): Rule => ({ kind: 'capacity', entity: 'Parcel', sources: [], ...rule }) as Rule;
  const withRule = (rule: Rule) => validateSpec({ ...daycare, rules: [rule] });

  /** The generated periodOf helper, transpiled and callable. */
  function periodOf(): (value: Date | string, unit: string) => { from: Date; to: Date } {
    const code = content(files, 'backend/src/rules/parcels.ts');
    const start = code.indexOf('function periodOf(');
    const source = code.slice(start, code.indexOf('\n}', start) + 2);
    const js = ts.transpileModule(`${source}\nmodule.exports = periodOf;`, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const mod = { exports: undefined as unknown };
    new Function('module', js)(mod);
    return mod.exports as (value: Date | string, unit: string) => { from: Date; to: Date };
  }

  it('the spec language takes a fixed limit, a period and a margin; old capacity rules still parse; wrong combinations are refused with a reason', () => {
    assert.deepEqual(validateSpec(daycare), []);
    assert.deepEqual(validateSpec(load('studio')), [], 'capacity from a parent field, no period');
    assert.match(withRule(capacityOf({ relation: 'flat', limit: 1, capacityField: 'floor' })).join('\n'), /exactly one limit/);
    assert.match(withRule(capacityOf({ relation: 'flat' })).join('\n'), /exactly one limit/);
    assert.match(withRule(capacityOf({ limit: 3 })).join('\n'), /a fixed limit needs a scope/);
    assert.match(withRule(capacityOf({ limit: 3, period: { field: 'recipient', unit: 'week' } })).join('\n'), /recipient, which must be a date or date-time field, not string/);
    assert.match(withRule(capacityOf({ limit: 3, period: { field: 'nope', unit: 'week' } })).join('\n'), /Parcel has no field nope/);
    assert.match(withRule(capacityOf({ capacityField: 'floor' })).join('\n'), /needs the relation/);
    const refuse = (condition: object) => validateSpec({ ...daycare, rules: [{ kind: 'refuseWhen', entity: 'Order', actions: ['update'], condition, message: 'No.', sources: [] } as Rule] });
    assert.deepEqual(refuse({ field: 'deliveryDate', op: 'future', offset: { amount: -3, unit: 'days' } }), []);
    assert.match(refuse({ field: 'deliveryDate', op: 'past', offset: { amount: 5, unit: 'hours' } }).join('\n'), /margin must be in whole days/);
    assert.match(refuse({ field: 'item', op: 'eq', value: 'x', offset: { amount: 5, unit: 'days' } }).join('\n'), /only goes with "past" or "future"/);
    assert.match(refuse({ field: 'deliveryDate', op: 'past', offset: { amount: 4000, unit: 'days' } }).join('\n'), /longer than 3650 days/);
    assert.throws(() => ProjectSpec.parse({ ...daycare, rules: [capacityOf({ limit: 0, relation: 'flat' })] }));
  });

  it('says the new parts in the review step, the README and the backend README', () => {
    const [visits, parcels, , classes, bookings, orders] = daycare.rules;
    assert.equal(describeRule(visits), 'At most 15 DogVisit rows per day of visitDay');
    assert.equal(describeRule(parcels), 'At most 1 Parcel rows per flat per week of deliveredOn');
    assert.equal(describeRule(classes), 'At most 4 TrainingClass rows per month of startsAt');
    assert.match(describeRule(bookings), /when trainingClass\.startsAt is less than 2 hours away \(or past\)/);
    assert.match(describeRule(orders), /when deliveryDate is less than 1 day away \(or past\)/);
    assert.equal(describeCondition({ field: 'endsOn', op: 'past', offset: { amount: -30, unit: 'days' } }), 'endsOn is more than 30 days ago');
    assert.equal(describeCondition({ field: 'startsAt', op: 'future', offset: { amount: 14, unit: 'days' } }), 'startsAt is more than 14 days away');
    const readme = describeReadme(daycare, parcels);
    assert.equal(readme, 'At most 1 parcels per flat per week of `deliveredOn`; more are refused, also when a change moves one into a full week.');
    assert.match(describeReadme(daycare, bookings), /its training class's `startsAt` is less than 2 hours away \(or past\)/);
    const backendReadme = content(files, 'backend/README.md');
    assert.match(backendReadme, /- DogVisit: at most 15 per day of `visitDay`; otherwise 409 `rule_violated`\./);
    assert.match(backendReadme, /- Parcel: at most 1 per flat per week of `deliveredOn`/);
    assert.match(backendReadme, /- Order: update refused when deliveryDate is less than 1 day away \(or past\)/);
  });

  it('counts rows in the same period under a lock: the parent row, or an advisory lock on the period without one', () => {
    const visits = content(files, 'backend/src/rules/dog-visits.ts');
    assert.match(visits, /await tx\.execute\(sql`select pg_advisory_xact_lock\(hashtext\(\$\{"dogVisits:capacity1" \+ ':' \+ range\.from\.toISOString\(\)\}\)\)`\);/);
    assert.match(visits, /sql`\$\{dogVisits\.visitDay\} >= \$\{range\.from\.toISOString\(\)\.slice\(0, 10\)\}::date`/);
    assert.match(visits, /No more than 15 dog visits per day: there are already \$\{taken\} on that day\./);
    assert.match(fn(visits, 'beforeUpdate'), /if \(changes\.visitDay !== undefined\) \{\n\s+await checkCapacity1\(tx, next, existing\.id\);/);
    const parcels = content(files, 'backend/src/rules/parcels.ts');
    assert.match(parcels, /\.from\(flats\)\.where\(eq\(flats\.id, next\.flatId\)\)\.for\('update'\);/);
    assert.match(parcels, /conditions\.push\(eq\(parcels\.flatId, next\.flatId\)\);/);
    assert.doesNotMatch(parcels, /pg_advisory/, 'the parent lock already serialises the writes of one flat');
    assert.match(parcels, /No more than 1 parcel per flat per week: this flat already has \$\{taken\} in that week\./);
    assert.match(fn(parcels, 'beforeUpdate'), /\(changes\.flatId !== undefined && changes\.flatId !== existing\.flatId\) \|\| changes\.deliveredOn !== undefined/);
    const classes = content(files, 'backend/src/rules/training-classes.ts');
    assert.match(classes, /sql`\$\{trainingClasses\.startsAt\} < \$\{range\.to\.toISOString\(\)\}::timestamptz`/);
  });

  it('the generated periodOf puts a date or date-time into its UTC day, Monday week or month', () => {
    const period = periodOf();
    const iso = (r: { from: Date; to: Date }) => [r.from.toISOString(), r.to.toISOString()];
    assert.deepEqual(iso(period('2030-01-02', 'day')), ['2030-01-02T00:00:00.000Z', '2030-01-03T00:00:00.000Z']);
    assert.deepEqual(iso(period(new Date('2030-01-02T23:59:59.000Z'), 'day')), ['2030-01-02T00:00:00.000Z', '2030-01-03T00:00:00.000Z']);
    // 2030-01-06 is a Sunday: its week began on Monday 2029-12-31.
    assert.deepEqual(iso(period('2030-01-06', 'week')), ['2029-12-31T00:00:00.000Z', '2030-01-07T00:00:00.000Z']);
    assert.deepEqual(iso(period('2030-01-07T08:00:00.000Z', 'week')), ['2030-01-07T00:00:00.000Z', '2030-01-14T00:00:00.000Z']);
    assert.deepEqual(iso(period('2030-12-31T10:00:00.000Z', 'month')), ['2030-12-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z']);
  });

  it('a margin moves "now": by minutes for a date-time, by whole days for a date', () => {
    assert.match(content(files, 'backend/src/rules/bookings.ts'), /if \(parent && parent\.value != null && toTime\(parent\.value\)\.getTime\(\) <= \(Date\.now\(\) \+ 7200000\)\) throw ruleViolated/);
    const orders = content(files, 'backend/src/rules/orders.ts');
    assert.match(orders, /if \(row\.deliveryDate != null && row\.deliveryDate < today\(1\)\) throw ruleViolated/);
    assert.match(orders, /function today\(days = 0\): string \{\n\s+return new Date\(Date\.now\(\) \+ days \* 86_400_000\)/);
    const now = Date.parse('2030-01-10T12:00:00.000Z');
    const margin = { op: 'past' as const, offset: { amount: 2, unit: 'hours' as const } };
    assert.equal(conditionHolds('datetime', '2030-01-10T13:00:00.000Z', margin, now), true, 'an hour ahead is inside the margin');
    assert.equal(conditionHolds('datetime', '2030-01-10T15:00:00.000Z', margin, now), false);
    assert.equal(conditionHolds('datetime', '2030-01-10T13:00:00.000Z', { op: 'past' }, now), false, 'without the margin it is allowed');
    const days = { op: 'past' as const, offset: { amount: 1, unit: 'days' as const } };
    assert.equal(conditionHolds('date', '2030-01-10', days, now), true, 'today is less than a day away');
    assert.equal(conditionHolds('date', '2030-01-11', days, now), false);
  });

  it('generates tests that fill a period, see the next row refused, the next period open, a move into the full period refused, and both sides of a margin', () => {
    const test = content(files, 'backend/test/rules.test.ts');
    const visits = test.slice(test.indexOf('it("refuses a dog visit beyond 15 per day'));
    assert.match(visits, /for \(let i = 0; i < 15; i\+\+\) taken\.push\(await createDogVisit\(t, \{ visitDay: shift\(base, 0, 'date'\) \}\)\);/);
    assert.match(visits, /expect\(full\.status\)\.toBe\(409\);/);
    assert.match(visits, /visitDay: shift\(base, 1, 'date'\) \}[^\n]*\n\s+expect\(later\.status\)\.toBe\(201\);/);
    assert.match(visits, /body: \{ visitDay: shift\(base, 0, 'date'\) \}[^\n]*\n\s+expect\(moved\.status\)\.toBe\(409\);/);
    const parcels = test.slice(test.indexOf('it("refuses a parcel beyond 1 per flat per week'));
    assert.match(parcels, /deliveredOn: shift\(base, 7, 'date'\)/, 'the next week');
    assert.match(parcels, /const other = await createFlat\(t\);[^\n]*\n[^\n]*flatId: other\.id[^\n]*\n\s+expect\(elsewhere\.status\)\.toBe\(201\);/, 'another flat has room');
    const classes = test.slice(test.indexOf('it("refuses a class beyond 4 per month'));
    assert.match(classes, /startsAt: shift\(`\$\{base\}T10:00:00\.000Z`, 0, 'datetime'\), endsAt: shift\(`\$\{base\}T10:00:00\.000Z`, 60, 'datetime'\)/, 'the end follows the start (dateOrder)');
    const bookings = test.slice(test.indexOf('it("refuses to delete a booking'));
    assert.match(bookings, /set\(\{ startsAt: new Date\(Date\.now\(\) \+ 60 \* 60_000\) \}\)\.where\(eq\(trainingClasses\.id, lockedParent\.id\)\)/, 'inside the 2-hour margin, still in the future');
    assert.match(bookings, /set\(\{ startsAt: new Date\(Date\.now\(\) \+ 180 \* 60_000\) \}\)\.where\(eq\(trainingClasses\.id, freeParent\.id\)\)/, 'outside it');
    const orders = test.slice(test.indexOf('it("refuses to update an order'));
    assert.match(orders, /deliveryDate: new Date\(Date\.now\(\) \+ 0 \* 86_400_000\)\.toISOString\(\)\.slice\(0, 10\)/);
    assert.match(orders, /deliveryDate: new Date\(Date\.now\(\) \+ 1 \* 86_400_000\)\.toISOString\(\)\.slice\(0, 10\)/);
  });

  it('samples and test factories put each row a whole period apart, so ordinary rows never fill one', () => {
    const model = buildModel(daycare);
    const months = new Set<string>();
    const weeks = new Set<number>();
    for (let n = 1; n <= 24; n++) {
      months.add(String(sampleFields(model.entity('TrainingClass'), n, model).startsAt).slice(0, 7));
      const day = Date.parse(String(sampleFields(model.entity('Parcel'), n, model).deliveredOn));
      weeks.add(Math.floor((day / 86_400_000 + 3) / 7)); // weeks from Monday (1970-01-01 was a Thursday)
    }
    assert.equal(months.size, 24);
    assert.equal(weeks.size, 24);
    const helpers = content(files, 'backend/test/helpers.ts');
    assert.match(helpers, /deliveredOn: day\(n \* 7\)/);
    assert.match(helpers, /startsAt: `\$\{day\(n \* 31\)\}T10:00:00\.000Z`/);
    assert.match(helpers, /visitDay: day\(n\)/);
  });
});
