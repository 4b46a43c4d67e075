// Every single edit of the review step applied to one spec with auth, a many-to-many relation and
// rules (library): each step must migrate a 0001_init.sql database to exactly the schema a fresh
// one of the edited spec has, or be refused with a reason. The per-kind tests say what each step
// writes; this one catches a kind of change those did not think of.
import * as assert from 'node:assert/strict';
import { migrationForChange, type SpecRenames } from '../../src/core/update/migrationStep';
import { deleteEntity, deleteField, deleteRelation, deleteRule, renameEntity, renameField, updateField } from '../../src/model/project/edit';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { applyStep, assertSameSchema, databaseAt, freshSnapshot, loadSpec } from '../shared/migrationHarness';

interface Change {
  name: string;
  next: ProjectSpec;
  renames?: SpecRenames;
}

/** One change per entity, field, relation and rule; edits the review step itself refuses are left out. */
function everyEdit(spec: ProjectSpec): Change[] {
  const changes: Change[] = [];
  const add = (name: string, edit: () => ProjectSpec, renames?: SpecRenames) => {
    try {
      changes.push({ name, next: edit(), renames });
    } catch {
      // e.g. User cannot be renamed or deleted while sign-in is on
    }
  };
  for (const entity of spec.entities) {
    add(`delete ${entity.name}`, () => deleteEntity(spec, entity.name));
    add(`rename ${entity.name}`, () => renameEntity(spec, entity.name, `${entity.name}Renamed`), { entities: [{ from: entity.name, to: `${entity.name}Renamed` }] });
    for (const field of entity.fields) {
      const id = `${entity.name}.${field.name}`;
      add(`delete ${id}`, () => deleteField(spec, entity.name, field.name));
      add(`rename ${id}`, () => renameField(spec, entity.name, field.name, `${field.name}Renamed`), { fields: [{ entity: entity.name, from: field.name, to: `${field.name}Renamed` }] });
      add(`${field.required ? 'optional' : 'required'} ${id}`, () => updateField(spec, entity.name, field.name, { required: !field.required }));
      add(`${field.unique ? 'not unique' : 'unique'} ${id}`, () => updateField(spec, entity.name, field.name, { unique: !field.unique }));
      add(`${id} as text`, () => updateField(spec, entity.name, field.name, { type: field.type === 'text' ? 'string' : 'text' }));
    }
  }
  for (const relation of spec.relations) add(`delete ${relation.from}.${relation.name}`, () => deleteRelation(spec, relation.from, relation.name));
  spec.rules.forEach((rule, index) => add(`delete rule ${index} (${rule.kind})`, () => deleteRule(spec, index)));
  return changes;
}

describe('migrationForChange: every edit of a spec', function () {
  this.timeout(5 * 60_000);
  const library = loadSpec('library');

  it('migrates to the fresh schema or refuses with a reason, for each edit', async () => {
    const outcomes = { sql: 0, refused: 0, none: 0 };
    for (const change of everyEdit(library)) {
      const step = migrationForChange(library, change.next, change.renames);
      outcomes[step.kind] += 1;
      if (step.kind === 'refused') assert.ok(step.reasons.every((reason) => reason.length > 40), `${change.name}: ${step.reasons.join(' ')}`);
      if (step.kind !== 'sql') continue;
      // The migrator wraps the file in one transaction: a COMMIT of its own would end it early.
      assert.doesNotMatch(step.sql, /^\s*(BEGIN|COMMIT|ROLLBACK)\b/im, change.name);
      assert.match(step.slug, /^[a-z0-9_]{1,48}$/, change.name);
      const expected = await freshSnapshot(change.next);
      const db = await databaseAt(library);
      await applyStep(db, step.sql);
      await assertSameSchema(db, expected).catch((error: Error) => assert.fail(`${change.name}: ${error.message}`));
    }
    assert.ok(outcomes.sql >= 40, JSON.stringify(outcomes));
  });
});
