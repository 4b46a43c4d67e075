import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { generateBackend } from '../../src/core/generator/backend';
import { pruneImports } from '../../src/core/generator/backend/util';
import { FileSet, type GeneratedFile } from '../../src/core/generator/fileSet';
import { ProjectSpec, type Relation } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';

const root = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = ['tasks', 'events', 'clinic', 'library', 'studio'];

function loadSpec(name: string): ProjectSpec {
  return ProjectSpec.parse(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'specs', `${name}.json`), 'utf8')));
}

function generate(name: string): FileSet {
  const files = new FileSet();
  generateBackend(loadSpec(name), files);
  return files;
}

function content(files: FileSet, filePath: string): string {
  const file = files.get(filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
}

describe('backend generator', () => {
  it('fixture specs are valid', () => {
    for (const name of FIXTURES) assert.deepEqual(validateSpec(loadSpec(name)), [], name);
  });

  it('produces the expected files for the tasks spec', () => {
    const paths = generate('tasks')
      .list()
      .map((f) => f.path);
    for (const expected of [
      'backend/package.json',
      'backend/tsconfig.json',
      'backend/.env.example',
      'backend/README.md',
      'backend/openapi.json',
      'backend/migrations/0001_init.sql',
      'backend/src/env.ts',
      'backend/src/app.ts',
      'backend/src/server.ts',
      'backend/src/db/schema.ts',
      'backend/src/db/client.ts',
      'backend/src/db/migrate.ts',
      'backend/src/db/seed.ts',
      'backend/src/auth/password.ts',
      'backend/src/auth/token.ts',
      'backend/src/auth/access.ts',
      'backend/src/auth/secrets.ts',
      'backend/src/auth/admin.ts',
      'backend/src/routes/auth.ts',
      'backend/src/routes/users.ts',
      'backend/src/routes/projects.ts',
      'backend/src/routes/tasks.ts',
      'backend/src/validation/tasks.ts',
      'backend/test/helpers.ts',
      'backend/test/tasks.test.ts',
      'backend/test/auth.test.ts',
      'backend/test/access.test.ts',
      'backend/test/secrets.test.ts',
      'backend/test/files.ts',
      'backend/test/admin.test.ts',
    ]) {
      assert.ok(paths.includes(expected), expected);
    }
    assert.ok(paths.every((p) => p.startsWith('backend/')));
  });

  it('leaves out auth files when the spec has no sign-in', () => {
    const files = generate('events');
    assert.equal(files.has('backend/src/auth/access.ts'), false);
    assert.equal(files.has('backend/test/auth.test.ts'), false);
    assert.ok(files.has('backend/src/rules/registrations.ts'));
    assert.ok(files.has('backend/src/rules/events.ts'));
    assert.doesNotMatch(content(files, 'backend/src/env.ts'), /JWT_SECRET/);
    for (const path of ['backend/src/auth/secrets.ts', 'backend/src/auth/admin.ts', 'backend/test/secrets.test.ts', 'backend/test/admin.test.ts']) {
      assert.equal(files.has(path), false, path);
    }
    assert.doesNotMatch(content(files, 'backend/src/server.ts'), /ensureAdmin/);
  });

  it('writes no secret or password into the source: production refuses a missing one, development makes a random one', () => {
    for (const name of FIXTURES) {
      for (const file of generate(name).list()) {
        if (file.path.startsWith('backend/test/')) continue;
        assert.doesNotMatch(file.content, /dev-only-secret|admin-password|password-123|JWT_SECRET \?\?|SEED_ADMIN_PASSWORD/, `${name}: ${file.path}`);
      }
    }
    const files = generate('tasks');
    const env = content(files, 'backend/src/env.ts');
    assert.match(env, /JWT_SECRET: z\.string\(\)\.superRefine\(checkedBy\(secretProblem\)\)\.optional\(\)/);
    assert.match(env, /if \(env\.NODE_ENV === 'test'\) return randomSecret\(\);\n  if \(env\.NODE_ENV === 'development'\) return developmentSecret\(\);\n  ctx\.addIssue\(\{ code: 'custom', path: \['JWT_SECRET'\], message: `is required in production/);
    const secrets = content(files, 'backend/src/auth/secrets.ts');
    assert.match(secrets, /MIN_SECRET_LENGTH = 32;/);
    assert.match(secrets, /writeFileSync\(file, `\$\{secret\}\\n`, \{ mode: 0o600, flag: 'wx' \}\)/);
    assert.match(content(files, 'backend/.gitignore'), /^\.data\/$/m, 'the development secret file is git-ignored');
    assert.match(content(files, 'backend/.env.example'), /^JWT_SECRET=$/m);
    assert.match(content(files, 'backend/src/scripts/seed.ts'), /seed\(database\.db, env\.SEED_PASSWORD \?\? randomSecret\(\)\)/);
  });

  it('creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD at start when the app has an admin role', () => {
    const files = generate('tasks');
    const admin = content(files, 'backend/src/auth/admin.ts');
    assert.match(admin, /where\(eq\(users\.role, ADMIN_ROLE\)\)\.limit\(1\);\n  if \(admin\) return 'exists';/);
    assert.match(admin, /\.values\(\{ name: "Administrator", email: env\.ADMIN_EMAIL, passwordHash: await hashPassword\(env\.ADMIN_PASSWORD\), role: ADMIN_ROLE \}\)/);
    assert.match(admin, /not promoted/);
    const server = content(files, 'backend/src/server.ts');
    assert.match(server, /const admin = await ensureAdmin\(database\.db, env\);/);
    assert.doesNotMatch(server, /ADMIN_PASSWORD\}/, 'the password is never logged');
    assert.match(content(files, 'backend/src/env.ts'), /ADMIN_PASSWORD: z\.string\(\)\.superRefine\(checkedBy\(passwordProblem\)\)\.optional\(\)/);
    const test = content(files, 'backend/test/admin.test.ts');
    assert.match(test, /toBe\('created'\);\n    expect\(await ensureAdmin\(t\.database\.db, env\)\)\.toBe\('exists'\);/);
    assert.match(test, /ADMIN_PASSWORD: must be at least 12 characters/);
    const library = content(generate('library'), 'backend/src/auth/admin.ts');
    assert.match(library, /const ADMIN_ROLE = "admin";/, "the spec names no admin role: the app's implicit one");
    assert.match(library, /\.values\(\{ displayName: "Administrator", email: env\.ADMIN_EMAIL/);
    // Accounts that must belong to another row cannot be made from two variables: no bootstrap then.
    const spec = loadSpec('library');
    const club: Relation = { kind: 'belongsTo', from: 'User', to: 'Genre', name: 'club', inverseName: 'members', required: true, onDelete: 'restrict', sources: [] };
    const needsParent = new FileSet();
    generateBackend({ ...spec, relations: [...spec.relations, club] }, needsParent);
    assert.ok(needsParent.has('backend/src/auth/secrets.ts'), 'sign-in still needs the secret rules');
    for (const path of ['backend/src/auth/admin.ts', 'backend/test/admin.test.ts']) assert.equal(needsParent.has(path), false, path);
    assert.doesNotMatch(content(needsParent, 'backend/src/env.ts'), /ADMIN_/);
    assert.doesNotMatch(content(needsParent, 'backend/src/server.ts'), /ensureAdmin/);
  });

  it('explains every file and says which spec elements it serves', () => {
    for (const name of FIXTURES) {
      for (const file of generate(name).list()) {
        assert.ok(file.explanation.length > 20, `${name}: ${file.path} explanation`);
        assert.ok(file.serves.length > 0, `${name}: ${file.path} serves`);
        assert.ok(file.layer.startsWith('backend/'), `${name}: ${file.path} layer`);
        for (const id of file.serves) assert.match(id, /^(api|auth|entity:[A-Z]\w*|relation:[A-Z]\w*\.\w+|rule:\w+:[A-Z]\w*)$/, `${file.path}: ${id}`);
      }
    }
  });

  it('links files to the sentences of what they serve', () => {
    const files = generate('events');
    assert.deepEqual(files.get('backend/src/rules/registrations.ts')?.sources, [1, 2]);
    assert.ok(files.get('backend/src/routes/events.ts')?.serves.includes('rule:statusWorkflow:Event'));
    assert.ok(files.get('backend/src/rules/registrations.ts')?.serves.includes('rule:capacity:Registration'));
  });

  it('writes the tables, foreign keys, unique and check constraints as SQL', () => {
    const sql = content(generate('tasks'), 'backend/migrations/0001_init.sql');
    for (const table of ['users', 'projects', 'tasks']) assert.match(sql, new RegExp(`CREATE TABLE "${table}" \\(`));
    assert.match(sql, /"email" varchar\(320\) NOT NULL/);
    assert.match(sql, /CONSTRAINT "users_email_key" UNIQUE \("email"\)/);
    assert.match(sql, /"password_hash" text NOT NULL/);
    assert.match(sql, /CHECK \("role" IN \('member', 'admin'\)\)/);
    assert.match(sql, /CHECK \("status" IN \('todo', 'in_progress', 'done'\)\)/);
    assert.match(sql, /"priority" text NOT NULL DEFAULT 'medium'/);
    assert.match(sql, /FOREIGN KEY \("project_id"\) REFERENCES "projects" \("id"\) ON DELETE CASCADE/);
    assert.match(sql, /FOREIGN KEY \("assignee_id"\) REFERENCES "users" \("id"\) ON DELETE SET NULL/);
    assert.match(sql, /"assignee_id" integer,/);
    assert.match(sql, /CREATE INDEX "tasks_project_id_idx" ON "tasks" \("project_id"\)/);
    const events = content(generate('events'), 'backend/migrations/0001_init.sql');
    assert.match(events, /CONSTRAINT "registrations_ticket_code_key" UNIQUE \("ticket_code"\)/);
    assert.match(events, /"ticket_price" numeric\(12, 2\) NOT NULL/);
    assert.match(events, /"start_time" timestamptz NOT NULL/);
  });

  it('keeps the owner out of client input and fills it from the signed-in user', () => {
    const files = generate('tasks');
    const createSchema = /export const ProjectCreate = z\.object\(\{[^}]*\}\);/.exec(content(files, 'backend/src/validation/projects.ts'));
    assert.ok(createSchema);
    assert.doesNotMatch(createSchema[0], /ownerId/);
    assert.match(content(files, 'backend/src/routes/projects.ts'), /ownerId: user\.id/);
    assert.match(content(files, 'backend/src/routes/projects.ts'), /requireOwner\(user, existing\.ownerId/);
    assert.doesNotMatch(content(files, 'backend/src/routes/users.ts'), /passwordHash: row\.passwordHash/);
  });

  it('generates a check for each data rule', () => {
    const clinic = content(generate('clinic'), 'backend/src/rules/appointments.ts');
    assert.match(clinic, /interval '1 minute'/);
    const library = generate('library');
    assert.match(content(library, 'backend/src/rules/loans.ts'), /isNull\(loans\.returnedAt\)/);
    assert.match(content(library, 'backend/src/routes/books.ts'), /requireRole\(user, \["librarian"\]/);
    assert.match(content(library, 'backend/src/routes/loans.ts'), /conditions\.push\(eq\(loans\.borrowerId, user\.id\)\)/);
    assert.match(content(generate('events'), 'backend/src/rules/events.ts'), /STATUS_TRANSITIONS/);
  });

  it('pins dependency versions and the scripts the brief asks for', () => {
    const pkg = JSON.parse(content(generate('tasks'), 'backend/package.json'));
    assert.equal(pkg.type, 'module');
    for (const script of ['dev', 'build', 'start', 'test', 'seed', 'migrate']) assert.ok(pkg.scripts[script], script);
    for (const version of Object.values({ ...pkg.dependencies, ...pkg.devDependencies })) assert.match(String(version), /^\d+\.\d+\.\d+$/);
  });

  it('writes a parseable OpenAPI 3.1 document with every collection', () => {
    const doc = JSON.parse(content(generate('tasks'), 'backend/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/api/tasks', '/api/tasks/{id}', '/api/projects/{id}/tasks', '/api/users/{id}/owned-projects', '/api/auth/login']) assert.ok(doc.paths[p], p);
    assert.ok(doc.components.schemas.Task.properties.projectId);
    assert.equal(doc.components.schemas.User.properties.passwordHash, undefined);
  });

  it('is deterministic: the same spec gives byte-identical files', () => {
    for (const name of FIXTURES) {
      const a = generate(name).list();
      const b = generate(name).list();
      assert.deepEqual(
        a.map((f: GeneratedFile) => [f.path, f.content]),
        b.map((f: GeneratedFile) => [f.path, f.content]),
      );
      const today = new Date().toISOString().slice(0, 10);
      for (const file of a) assert.ok(!file.content.includes(today), `${file.path} contains today's date`);
    }
  });

  it('uses only safe relative paths', () => {
    for (const name of FIXTURES) {
      for (const file of generate(name).list()) {
        assert.ok(!file.path.startsWith('/') && !file.path.split('/').includes('..'), file.path);
      }
    }
  });

  it('emits TypeScript without syntax errors', function () {
    // Transpiles every file of every fixture: seconds, more on a busy 2-core machine.
    this.timeout(120_000);
    for (const name of FIXTURES) {
      for (const file of generate(name).list()) {
        if (!file.path.endsWith('.ts')) continue;
        const result = ts.transpileModule(file.content, {
          fileName: file.path,
          reportDiagnostics: true,
          compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 },
        });
        const problems = (result.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        assert.deepEqual(problems, [], `${name}: ${file.path}`);
      }
      for (const file of generate(name).list()) if (file.path.endsWith('.json')) JSON.parse(file.content);
    }
  });

  it('answers 409 naming the referring rows when a delete is refused, on PGlite (23001) and PostgreSQL (23503)', () => {
    const files = generate('library');
    const errors = content(files, 'backend/src/http/errors.ts');
    assert.match(errors, /"loans_book_id_fkey": \{ referencedBy: "loans", referenced: "This book still has loans; delete them or move them to another book first\.", missing: "The book given as book does not exist\." \}/);
    assert.match(errors, /case '23001':\n    case '23503':\n      return foreignKeyError\(pg, method\);/);
    assert.match(content(files, 'backend/src/app.ts'), /toApiError\(error, c\.req\.method\)/);
    assert.match(content(files, 'backend/migrations/0001_init.sql'), /ADD CONSTRAINT "loans_book_id_fkey" FOREIGN KEY \("book_id"\) REFERENCES "books" \("id"\) ON DELETE RESTRICT/);
    // The generated suite deletes a referenced parent: refused for RESTRICT, children gone for CASCADE.
    const books = content(files, 'backend/test/books.test.ts');
    assert.match(books, /it\('refuses to delete a book that loans refer to \(Loan\.book, ON DELETE restrict\)'[\s\S]*?toBe\(409\)[\s\S]*?referencedBy\)\.toBe\('loans'\)/);
    const studio = content(generate('studio'), 'backend/test/members.test.ts');
    assert.match(studio, /it\('deletes with its children a member that bookings refer to \(Booking\.member, ON DELETE cascade\)'[\s\S]*?toBe\(204\)[\s\S]*?\/api\/bookings\/\$\{child\.id\}[\s\S]*?toBe\(404\)/);
  });

  it('runs the generated tests on PostgreSQL when DATABASE_URL is set, each file in its own schema', () => {
    const files = generate('studio');
    const helpers = content(files, 'backend/test/helpers.ts');
    assert.match(helpers, /const url = process\.env\.DATABASE_URL;\n  if \(!url\) return openDatabase\(\);/);
    assert.match(helpers, /CREATE SCHEMA[\s\S]*openDatabase\(\{ url, schema \}\)[\s\S]*DROP SCHEMA/);
    assert.match(content(files, 'backend/src/db/client.ts'), /options: schema \? `-c search_path=\$\{schema\}` : undefined/);
  });

  it('stores many-to-many links in a join table and returns their ids', () => {
    const files = generate('library');
    assert.match(content(files, 'backend/migrations/0001_init.sql'), /CREATE TABLE "books_genres" \(\n  "book_id" integer NOT NULL REFERENCES "books" \("id"\) ON DELETE CASCADE,/);
    assert.match(content(files, 'backend/src/validation/books.ts'), /genresIds: z\.array\(z\.number\(\)\.int\(\)\.min\(1\)\)/);
    assert.match(content(files, 'backend/src/validation/genres.ts'), /booksIds: z\.array/);
    assert.match(content(files, 'backend/src/routes/books.ts'), /await setBookLinks\(tx, created\.id, \{ genresIds \}\)/);
  });

  it('prunes imports nobody uses', () => {
    const code = ["import { a, b, type C } from 'x';", "import { d } from 'y';", 'a(); const c: C = 1;'].join('\n');
    assert.equal(pruneImports(code), ["import { a, type C } from 'x';", 'a(); const c: C = 1;'].join('\n'));
  });
});
