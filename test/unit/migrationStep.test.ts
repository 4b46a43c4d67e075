// Schema changes become new migrations (issue #15): for each kind of change, a database made by
// 0001_init.sql of the old spec, holding rows, is migrated by the step and must then have exactly
// the schema a fresh database of the new spec has (PGlite), with its rows still there.
import * as assert from 'node:assert/strict';
import type { PGlite } from '@electric-sql/pglite';
import { migrationForChange, nextMigrationPath } from '../../src/core/update/migrationStep';
import { addEntity, addField, addRelation, addRule, deleteEntity, deleteField, deleteRelation, setAuth, updateField } from '../../src/model/project/edit';
import type { Field, ProjectSpec } from '../../src/model/project/projectSpec';
import { applyStep, assertSameSchema, databaseAt, freshSnapshot, loadSpec, migrateAndCompare, rows, sqlStep } from '../shared/migrationHarness';

const studio = loadSpec('studio');

/** A field's properties the review edits do not reach (defaults, bounds), set directly. */
function withField(spec: ProjectSpec, entity: string, name: string, patch: Partial<Field>): ProjectSpec {
  return { ...spec, entities: spec.entities.map((e) => (e.name === entity ? { ...e, fields: e.fields.map((f) => (f.name === name ? { ...f, ...patch } : f)) } : e)) };
}

const newField = (spec: ProjectSpec, entity: string, field: Partial<Field> & { name: string; type: Field['type'] }) => withField(addField(spec, entity, field.name, field.type), entity, field.name, field);

async function seedMembers(db: PGlite): Promise<void> {
  await db.exec(`INSERT INTO "members" ("name", "email", "unpaid_fees") VALUES ('Ada', 'ada@example.com', 0), ('Bo', 'bo@example.com', 5)`);
}

async function memberNames(db: PGlite): Promise<string[]> {
  return (await rows<{ name: string }>(db, `SELECT "name" FROM "members" ORDER BY "id"`)).map((row) => row.name);
}

describe('migrationForChange: nothing to do', () => {
  it('is none for the same spec and for changes no table sees', () => {
    assert.deepEqual(migrationForChange(studio, studio), { kind: 'none' });
    const relabelled = { ...studio, title: 'Another title', entities: studio.entities.map((e) => ({ ...e, pluralLabel: `${e.pluralLabel} (all)` })) };
    assert.deepEqual(migrationForChange(studio, relabelled), { kind: 'none' });
  });
});

describe('migrationForChange: columns', function () {
  // The first test starts PGlite (WebAssembly), which takes seconds on a busy machine.
  this.timeout(60_000);
  it('adds an optional column; existing rows have no value', async () => {
    const { db, step } = await migrateAndCompare(studio, addField(studio, 'Member', 'phone'), { seed: seedMembers });
    assert.equal(step.slug, 'add_phone_to_members');
    assert.deepEqual(await rows(db, `SELECT "name", "phone" FROM "members" ORDER BY "id"`), [{ name: 'Ada', phone: null }, { name: 'Bo', phone: null }]);
  });

  it('adds a required enum: existing rows get its first value, new rows must still say theirs', async () => {
    const next = newField(studio, 'Member', { name: 'level', type: 'enum', required: true, enumValues: ['basic', 'pro'] });
    const { db, step } = await migrateAndCompare(studio, next, { seed: seedMembers });
    assert.match(step.summary.join('\n'), /members\.level \(existing rows get 'basic'\)/);
    assert.deepEqual((await rows<{ level: string }>(db, `SELECT "level" FROM "members"`)).map((r) => r.level), ['basic', 'basic']);
    await assert.rejects(db.exec(`INSERT INTO "members" ("name", "email", "unpaid_fees") VALUES ('Cy', 'cy@example.com', 0)`), /null value/);
  });

  it('adds a required column with a default, a boolean and a bounded number', async () => {
    let next = newField(studio, 'Member', { name: 'newsletter', type: 'boolean', required: true });
    next = newField(next, 'Member', { name: 'visits', type: 'integer', required: true, min: 3, max: 50 });
    next = newField(next, 'Member', { name: 'city', type: 'string', required: true, default: "O'Brien Town" });
    const { db } = await migrateAndCompare(studio, next, { seed: seedMembers });
    assert.deepEqual(await rows(db, `SELECT "newsletter", "visits", "city" FROM "members" WHERE "name" = 'Ada'`), [{ newsletter: false, visits: 3, city: "O'Brien Town" }]);
  });

  it('refuses a new required text column without a default, saying what to do', () => {
    const next = newField(studio, 'Member', { name: 'phone', type: 'string', required: true });
    const step = migrationForChange(studio, next);
    assert.equal(step.kind, 'refused');
    assert.deepEqual(step.kind === 'refused' && step.reasons, [
      'Member.phone is new and required, and existing Member rows have no value for it: give Member.phone a default, or make it optional, then update again.',
    ]);
  });

  it('removes a column and its checks, saying its values are deleted', async () => {
    const { db, step } = await migrateAndCompare(studio, deleteField(studio, 'Member', 'age'), { seed: seedMembers });
    assert.match(step.summary.join('\n'), /Removes the column members\.age: its values are deleted\./);
    assert.deepEqual(await memberNames(db), ['Ada', 'Bo']);
  });

  it('changes a type, a default, optional to required (filling the gaps) and required to optional', async () => {
    let next = withField(studio, 'Member', 'age', { type: 'decimal' });
    next = withField(next, 'Member', 'unpaidFees', { default: 10, required: false });
    next = newField(next, 'Ticket', { name: 'urgent', type: 'boolean' });
    const withUrgent = next;
    next = withField(next, 'Ticket', 'urgent', { required: true });
    const expected = await freshSnapshot(next);
    const { db } = await migrateAndCompare(studio, withUrgent, { seed: seedMembers });
    await db.exec(`INSERT INTO "members" ("name", "email", "age") VALUES ('Cy', 'cy@example.com', 20.5)`);
    assert.deepEqual(await rows(db, `SELECT "unpaid_fees" FROM "members" WHERE "name" = 'Cy'`), [{ unpaid_fees: '10.00' }]);
    await db.exec(`INSERT INTO "tickets" ("subject", "priority", "opened_on", "member_id") VALUES ('Door', 1, '2025-01-01', 1)`);
    await applyStep(db, sqlStep(withUrgent, next).sql);
    assert.deepEqual(await rows(db, `SELECT "urgent" FROM "tickets"`), [{ urgent: false }]);
    await assertSameSchema(db, expected);
  });

  it('remakes the checks of a retyped column, and refuses a type PostgreSQL cannot convert to', async () => {
    const { step } = await migrateAndCompare(studio, updateField(studio, 'Member', 'unpaidFees', { type: 'integer' }), { seed: seedMembers });
    assert.match(step.sql, /DROP CONSTRAINT "members_unpaid_fees_range";[\s\S]*TYPE integer USING "unpaid_fees"::integer;[\s\S]*ADD CONSTRAINT "members_unpaid_fees_range"/);
    const refused = migrationForChange(studio, updateField(studio, 'Ticket', 'dueOn', { type: 'integer' }));
    assert.deepEqual(refused.kind === 'refused' && refused.reasons, [
      'Ticket.dueOn cannot become integer: PostgreSQL has no conversion from date to integer. Remove Ticket.dueOn in one update and add it back with its new type in the next (its values are deleted), or keep its type.',
    ]);
  });

  it('makes a text column required when every row has a value, and changes nothing while one has none', async () => {
    const next = updateField(studio, 'Booking', 'note', { required: true });
    const seedBooking = (note: string | null) => async (db: PGlite) => {
      await seedMembers(db);
      await db.exec(`INSERT INTO "fitness_classes" ("title", "starts_at", "ends_at", "capacity", "intensity", "price") VALUES ('Yoga', '2030-01-01T10:00Z', '2030-01-01T11:00Z', 10, 1, 5)`);
      await db.query(`INSERT INTO "bookings" ("note", "member_id", "fitness_class_id") VALUES ($1, 1, 1)`, [note]);
    };
    const { step } = await migrateAndCompare(studio, next, { seed: seedBooking('window seat') });
    assert.match(step.summary.join('\n'), /a row without a value stops the migration, which then changes nothing: fill them in first/);
    const db = await databaseAt(studio);
    await seedBooking(null)(db);
    await assert.rejects(applyStep(db, step.sql), /contains null values/);
    await db.exec('ROLLBACK');
    assert.deepEqual(await rows(db, `SELECT "is_nullable" FROM information_schema.columns WHERE "table_name" = 'bookings' AND "column_name" = 'note'`), [{ is_nullable: 'YES' }]);
  });

  it('adds and removes unique constraints, enum values and bounds', async () => {
    let next = updateField(studio, 'Member', 'email', { unique: false });
    next = updateField(next, 'Member', 'name', { unique: true });
    next = updateField(next, 'Ticket', 'status', { enumValues: ['open', 'in_progress', 'closed', 'archived'] });
    next = withField(next, 'Member', 'age', { min: 18 });
    const { step } = await migrateAndCompare(studio, next, { seed: seedMembers });
    assert.match(step.sql, /DROP CONSTRAINT "members_email_key"/);
    assert.match(step.sql, /ADD CONSTRAINT "members_name_key" UNIQUE \("name"\)/);
    assert.match(step.sql, /ADD CONSTRAINT "tickets_status_check" CHECK \("status" IN \('open', 'in_progress', 'closed', 'archived'\)\)/);
  });
});

describe('migrationForChange: tables', function () {
  // The first test starts PGlite (WebAssembly), which takes seconds on a busy machine.
  this.timeout(60_000);
  it('adds an entity as a new table', async () => {
    const { db, step } = await migrateAndCompare(studio, addEntity(studio, 'Room'), { seed: seedMembers });
    assert.equal(step.slug, 'add_rooms');
    assert.deepEqual(await memberNames(db), ['Ada', 'Bo']);
  });

  it('removes an entity with the relations that pointed at it, saying its rows are deleted', async () => {
    const { db, step } = await migrateAndCompare(studio, deleteEntity(studio, 'Member'), { seed: seedMembers });
    assert.match(step.summary.join('\n'), /Removes the table members \(Member\): its rows are deleted\./);
    assert.match(step.summary.join('\n'), /Removes the column bookings\.member_id: its values are deleted\./);
    assert.deepEqual(await rows(db, `SELECT to_regclass('members') AS t`), [{ t: null }]);
  });

  it('turning sign-in on adds the users table', async () => {
    await migrateAndCompare(studio, setAuth(studio, { enabled: true, roles: ['member', 'staff'] }), { seed: seedMembers });
  });

  it('refuses sign-in for a users table that already holds rows, and removes the sign-in columns when it is turned off', async () => {
    const library = loadSpec('library');
    const withoutSignIn = setAuth(library, { enabled: false });
    const step = migrationForChange(withoutSignIn, library);
    assert.equal(step.kind, 'refused');
    assert.match(step.kind === 'refused' ? step.reasons.join('\n') : '', /User\.email is new and required, and existing User rows have no sign-in email/);
    const { step: off } = await migrateAndCompare(library, withoutSignIn);
    assert.match(off.summary.join('\n'), /Removes the column users\.password_hash: its values are deleted\./);
  });

  it('changes the roles a user may have', async () => {
    const library = loadSpec('library');
    const auth = library.auth.kind === 'emailPassword' ? library.auth : undefined;
    const { step } = await migrateAndCompare(library, setAuth(library, { enabled: true, roles: [...(auth?.roles ?? []), 'volunteer'] }));
    assert.match(step.sql, /ADD CONSTRAINT "users_role_check" CHECK \("role" IN \([^)]*'volunteer'/);
  });
});

describe('migrationForChange: relations and rules', function () {
  // The first test starts PGlite (WebAssembly), which takes seconds on a busy machine.
  this.timeout(60_000);
  it('adds an optional belongsTo (foreign key and index) and removes one', async () => {
    const next = addRelation(studio, { kind: 'belongsTo', from: 'Ticket', to: 'FitnessClass', name: 'about', inverseName: 'tickets', required: false, onDelete: 'setNull' });
    const { step } = await migrateAndCompare(studio, next, { seed: seedMembers });
    assert.match(step.sql, /ADD CONSTRAINT "tickets_about_id_fkey" FOREIGN KEY \("about_id"\) REFERENCES "fitness_classes" \("id"\) ON DELETE SET NULL;/);
    assert.match(step.sql, /CREATE INDEX "tickets_about_id_idx"/);
    await migrateAndCompare(next, studio, { seed: seedMembers });
  });

  it('refuses a new required belongsTo on a table that may hold rows', () => {
    const next = addRelation(studio, { kind: 'belongsTo', from: 'Ticket', to: 'FitnessClass', name: 'about', inverseName: 'tickets' });
    const step = migrationForChange(studio, next);
    assert.equal(step.kind, 'refused');
    assert.match(step.kind === 'refused' ? step.reasons[0] : '', /^Ticket\.about is new and required, .*make the relation optional, then update again/);
  });

  it('replaces a foreign key that points at another entity (the old ids name rows of the wrong table)', async () => {
    const optional = { ...studio, relations: studio.relations.map((r) => (r.from === 'Ticket' ? { ...r, required: false } : r)) };
    const retargeted = { ...optional, relations: optional.relations.map((r) => (r.from === 'Ticket' ? { ...r, to: 'FitnessClass' } : r)) };
    const { step } = await migrateAndCompare(optional, retargeted, { seed: seedMembers });
    assert.match(step.sql, /DROP COLUMN "member_id";[\s\S]*ADD COLUMN "member_id" integer;/);
    const required = migrationForChange(studio, { ...studio, relations: studio.relations.map((r) => (r.from === 'Ticket' ? { ...r, to: 'FitnessClass' } : r)) });
    assert.equal(required.kind, 'refused');
  });

  it('changes what deleting a parent does', async () => {
    const next = { ...studio, relations: studio.relations.map((r) => (r.name === 'member' && r.from === 'Booking' ? { ...r, onDelete: 'restrict' as const } : r)) };
    const { step } = await migrateAndCompare(studio, next, { seed: seedMembers });
    assert.match(step.sql, /DROP CONSTRAINT "bookings_member_id_fkey";[\s\S]*ON DELETE RESTRICT;/);
  });

  it('adds and removes a many-to-many join table', async () => {
    const next = addRelation(studio, { kind: 'manyToMany', from: 'FitnessClass', to: 'Member', name: 'regulars', inverseName: 'regularClasses' });
    const { step } = await migrateAndCompare(studio, next, { seed: seedMembers });
    assert.match(step.sql, /CREATE TABLE "fitness_classes_regulars"/);
    const back = await migrateAndCompare(next, deleteRelation(next, 'FitnessClass', 'regulars'));
    assert.match(back.step.summary.join('\n'), /every link between their rows is deleted/);
  });

  it('adds and removes unique rules and date orders', async () => {
    let next = addRule(studio, { kind: 'unique', entity: 'Booking', fields: ['member', 'fitnessClass'] });
    next = newField(next, 'Member', { name: 'joinedOn', type: 'date' });
    next = newField(next, 'Member', { name: 'leftOn', type: 'date' });
    next = addRule(next, { kind: 'dateOrder', entity: 'Member', earlier: 'joinedOn', later: 'leftOn' });
    const { step } = await migrateAndCompare(studio, next, { seed: seedMembers });
    assert.match(step.sql, /ADD CONSTRAINT "bookings_member_id_fitness_class_id_key" UNIQUE \("member_id", "fitness_class_id"\)/);
    assert.match(step.sql, /ADD CONSTRAINT "members_left_on_after_joined_on" CHECK \("left_on" > "joined_on"\)/);
    await migrateAndCompare(next, studio);
  });
});

describe('the migration file', () => {
  it('says every change in a comment line and is named after the first table or column change', () => {
    const next = newField(addEntity(studio, 'Room'), 'Member', { name: 'city', type: 'string', required: true, default: "O'Brien -- Town" });
    const step = sqlStep(studio, next);
    assert.equal(step.slug, 'add_rooms_and_2_more');
    const header = step.sql.split('\n\n')[0].split('\n');
    assert.ok(header.every((line) => line.startsWith('-- ')), header.join('\n'));
    assert.deepEqual(header.slice(1), step.summary.map((line) => `-- ${line}`));
    assert.match(step.sql, /ADD COLUMN "city" varchar\(255\) NOT NULL DEFAULT 'O''Brien -- Town';/);
  });
});

describe('nextMigrationPath', () => {
  it('numbers after the highest existing migration, with a safe short slug', () => {
    const existing = ['backend/migrations/0001_init.sql', 'backend/migrations/0002_add_rooms.sql'];
    assert.equal(nextMigrationPath(existing, 'add_phone_to_members'), 'backend/migrations/0003_add_phone_to_members.sql');
    assert.equal(nextMigrationPath([], 'Add Phone/../x'), 'backend/migrations/0001_add_phone_x.sql');
    assert.equal(nextMigrationPath(['backend/migrations/0009_a.sql', 'backend/migrations/README.md'], 'b'), 'backend/migrations/0010_b.sql');
    assert.ok(nextMigrationPath(existing, 'x'.repeat(200)).length < 80);
  });
});
