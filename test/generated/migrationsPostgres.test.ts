// Slow: a migration step on a real PostgreSQL server (Debian's postgresql package, a throwaway
// cluster): a database made by 0001_init.sql of the library spec, holding rows, takes a step that
// renames, adds, removes and changes at once, and must then have exactly the schema a fresh
// database of the new spec has, with its rows. The unit tests do the same per change on PGlite.
import * as assert from 'node:assert/strict';
import { addEntity, addField, addRelation, deleteField, renameField, updateField } from '../../src/model/project/edit';
import { applyStep, assertSameSchema, createSchema, loadSpec, sqlStep } from '../shared/migrationHarness';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../shared/postgresServer';
import { psqlRunner } from '../shared/psqlRunner';
import { schemaSnapshot } from '../shared/schemaSnapshot';

describe('a migration step on a real PostgreSQL server', function () {
  this.timeout(5 * 60_000);
  let postgres: PostgresServer | undefined;

  before(async () => {
    const unavailable = postgresUnavailable();
    if (unavailable) throw new Error(`no PostgreSQL server can be started: ${unavailable}`);
    postgres = await startPostgres();
  });
  after(async () => {
    await postgres?.stop();
  });

  it('brings a database holding rows to the schema of the changed spec', async () => {
    const library = loadSpec('library');
    let next = renameField(library, 'Book', 'copies', 'stock');
    next = deleteField(next, 'Book', 'website');
    next = updateField(addField(next, 'Book', 'format', 'enum'), 'Book', 'format', { required: true, enumValues: ['paperback', 'hardcover'] });
    next = addEntity(next, 'Shelf');
    next = addRelation(next, { kind: 'belongsTo', from: 'Book', to: 'Shelf', name: 'shelf', inverseName: 'books', required: false, onDelete: 'setNull' });
    next = addRelation(next, { kind: 'manyToMany', from: 'Shelf', to: 'Genre', name: 'genres', inverseName: 'shelves' });
    const step = sqlStep(library, next, { fields: [{ entity: 'Book', from: 'copies', to: 'stock' }] });

    const fresh = psqlRunner(await postgres!.createDatabase('fresh'));
    await createSchema(fresh, next);
    const migrated = psqlRunner(await postgres!.createDatabase('migrated'));
    await createSchema(migrated, library);
    await migrated.exec(`INSERT INTO "books" ("title", "author", "isbn", "copies", "website") VALUES ('Dune', 'Herbert', '123', 2, 'https://example.com');
      INSERT INTO "genres" ("name") VALUES ('Science fiction');
      INSERT INTO "books_genres" ("book_id", "genre_id") VALUES (1, 1);`);
    await applyStep(migrated, step.sql);

    const expected = await schemaSnapshot(fresh);
    assert.ok(expected.some((line) => line.startsWith('books.stock integer')), expected.join('\n'));
    await assertSameSchema(migrated, expected);
    assert.deepEqual((await migrated.query(`SELECT "title", "stock", "format", "shelf_id" FROM "books"`)).rows, [{ title: 'Dune', stock: 2, format: 'paperback', shelf_id: null }]);
    assert.deepEqual((await migrated.query(`SELECT "book_id", "genre_id" FROM "books_genres"`)).rows, [{ book_id: 1, genre_id: 1 }]);
  });
});
