// Renames the review step knows become RENAME statements: the rows and values stay, and the
// migrated schema (constraint, index and sequence names included) equals a fresh one's.
import * as assert from 'node:assert/strict';
import { migrationForChange } from '../../src/core/update/migrationStep';
import { renameEntity, renameField } from '../../src/model/project/edit';
import { loadSpec, migrateAndCompare, rows } from '../shared/migrationHarness';

const studio = loadSpec('studio');
const library = loadSpec('library');

describe('migrationForChange: renames', function () {
  // The first test starts PGlite (WebAssembly), which takes seconds on a busy machine.
  this.timeout(60_000);
  it('renames a table with its sequence, primary key, constraints and the foreign keys that point at it', async () => {
    const next = renameEntity(studio, 'Member', 'Person');
    const { db, step } = await migrateAndCompare(studio, next, {
      renames: { entities: [{ from: 'Member', to: 'Person' }] },
      seed: (db) => db.exec(`INSERT INTO "members" ("name", "email", "unpaid_fees") VALUES ('Ada', 'ada@example.com', 0)`),
    });
    assert.equal(step.slug, 'rename_members_to_people');
    assert.doesNotMatch(step.sql, /DROP/);
    assert.deepEqual(await rows(db, `SELECT "id", "name" FROM "people"`), [{ id: 1, name: 'Ada' }]);
    await db.exec(`INSERT INTO "people" ("name", "email", "unpaid_fees") VALUES ('Bo', 'bo@example.com', 0)`);
    assert.deepEqual(await rows(db, `SELECT max("id") AS id FROM "people"`), [{ id: 2 }]);
  });

  it('renames a column with the constraints named after it', async () => {
    const next = renameField(studio, 'Member', 'email', 'contactEmail');
    const { db, step } = await migrateAndCompare(studio, next, {
      renames: { fields: [{ entity: 'Member', from: 'email', to: 'contactEmail' }] },
      seed: (db) => db.exec(`INSERT INTO "members" ("name", "email", "unpaid_fees") VALUES ('Ada', 'ada@example.com', 0)`),
    });
    assert.match(step.sql, /RENAME COLUMN "email" TO "contact_email";/);
    assert.deepEqual(await rows(db, `SELECT "contact_email" FROM "members"`), [{ contact_email: 'ada@example.com' }]);
  });

  it('renames an entity and one of its fields at once, and the join table named after it', async () => {
    const next = renameField(renameEntity(library, 'Book', 'Title'), 'Title', 'copies', 'stock');
    const { db } = await migrateAndCompare(library, next, {
      renames: { entities: [{ from: 'Book', to: 'Title' }], fields: [{ entity: 'Book', from: 'copies', to: 'stock' }] },
      seed: async (db) => {
        await db.exec(`INSERT INTO "books" ("title", "author", "isbn", "copies") VALUES ('Dune', 'Herbert', '123', 2)`);
        await db.exec(`INSERT INTO "genres" ("name") VALUES ('Science fiction')`);
        await db.exec(`INSERT INTO "books_genres" ("book_id", "genre_id") VALUES (1, 1)`);
      },
    });
    assert.deepEqual(await rows(db, `SELECT "title", "stock" FROM "titles"`), [{ title: 'Dune', stock: 2 }]);
    assert.deepEqual(await rows(db, `SELECT "title_id", "genre_id" FROM "titles_genres"`), [{ title_id: 1, genre_id: 1 }]);
  });

  it('takes a field rename under the entity\'s old or new name alike', () => {
    const next = renameField(renameEntity(library, 'Book', 'Title'), 'Title', 'copies', 'stock');
    const entities = [{ from: 'Book', to: 'Title' }];
    const byOld = migrationForChange(library, next, { entities, fields: [{ entity: 'Book', from: 'copies', to: 'stock' }] });
    const byNew = migrationForChange(library, next, { entities, fields: [{ entity: 'Title', from: 'copies', to: 'stock' }] });
    assert.equal(byOld.kind, 'sql');
    assert.deepEqual(byNew, byOld);
  });

  it('without the renames, a renamed field is a removed and an added column (its values would be lost)', () => {
    const step = migrationForChange(studio, renameField(studio, 'Booking', 'note', 'remark'));
    assert.equal(step.kind, 'sql');
    assert.match(step.kind === 'sql' ? step.summary.join('\n') : '', /Removes the column bookings\.note: its values are deleted/);
  });

  it('refuses renames that do not fit the previous spec', () => {
    const step = migrationForChange(studio, studio, { fields: [{ entity: 'Member', from: 'nickname', to: 'alias' }] });
    assert.deepEqual(step, { kind: 'refused', reasons: ['The renames do not fit the previous spec: Member has no field nickname.'] });
  });
});
