import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateBackend } from '../../src/core/generator/backend';
import { FileSet } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { ownerOnlyActions } from '../../src/core/generator/ownership';
import { generateReadme } from '../../src/core/generator/project/readme';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const root = path.resolve(__dirname, '..', '..', '..');

function loadSpec(name: string): ProjectSpec {
  return ProjectSpec.parse(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'specs', `${name}.json`), 'utf8')));
}

/** The tasks fixture (Project owned by `owner`, an admin role) with its ownership rule removed. */
function tasksWithoutOwnershipRule(): ProjectSpec {
  const spec = loadSpec('tasks');
  spec.rules = spec.rules.filter((r) => r.kind !== 'ownership');
  return spec;
}

function generated(spec: ProjectSpec): FileSet {
  const files = new FileSet();
  generateBackend(spec, files);
  generateFrontend(spec, files);
  return files;
}

function content(files: FileSet, filePath: string): string {
  const file = files.get(filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
}

describe('generator: ownership by default and private emails', () => {
  it('makes changing and deleting an owned row owner-only unless the spec says otherwise', () => {
    const spec = tasksWithoutOwnershipRule();
    assert.deepEqual(ownerOnlyActions(spec, 'Project'), ['update', 'delete']);
    // An entity whose only link to a user is chosen by the client (a task's assignee) has no owner.
    assert.deepEqual(ownerOnlyActions(spec, 'Task'), []);
    // An ownership rule adds reading; it does not take the default away.
    spec.rules.push({ kind: 'ownership', entity: 'Project', actions: ['read', 'delete'], sources: [] });
    assert.deepEqual(ownerOnlyActions(spec, 'Project'), ['read', 'update', 'delete']);
    // A role rule for an action says who decides it instead.
    const byRole = tasksWithoutOwnershipRule();
    byRole.rules.push({ kind: 'roleRequired', entity: 'Project', actions: ['update'], roles: ['member'], sources: [] });
    assert.deepEqual(ownerOnlyActions(byRole, 'Project'), ['delete']);
    // Without sign-in nothing is owned.
    assert.deepEqual(ownerOnlyActions({ ...spec, auth: { kind: 'none', sources: [] } }, 'Project'), []);
  });

  it('checks the owner in the routes, mirrors it in the buttons and says it in the README', () => {
    const spec = tasksWithoutOwnershipRule();
    const files = generated(spec);
    const routes = content(files, 'backend/src/routes/projects.ts');
    assert.match(routes, /requireOwner\(user, existing\.ownerId, "change this project"\)/);
    assert.match(routes, /requireOwner\(user, existing\.ownerId, "delete this project"\)/);
    assert.doesNotMatch(routes, /requireOwner\(user, existing\.ownerId, "see this project"\)/);
    assert.doesNotMatch(content(files, 'backend/src/routes/tasks.ts'), /requireOwner\(/);
    assert.match(content(files, 'frontend/src/entities/projects.ts'), /owner: \{ key: "ownerId", actions: \["update", "delete"\] \}/);
    assert.match(generateReadme(spec), /Each project belongs to the user who created it \(`owner`\); only they \(or an admin\) may update or delete it\./);
    assert.match(content(files, 'backend/README.md'), /only its owner or an admin may update\/delete a project \(others get 403\)/);
    const byRole = tasksWithoutOwnershipRule();
    byRole.rules.push({ kind: 'roleRequired', entity: 'Project', actions: ['update', 'delete'], roles: ['member'], sources: [] });
    assert.doesNotMatch(content(generated(byRole), 'backend/src/routes/projects.ts'), /requireOwner\(/);
  });

  it('generates access tests: others refused, the owner and the admin allowed, emails private', () => {
    const test = content(generated(tasksWithoutOwnershipRule()), 'backend/test/access.test.ts');
    assert.match(test, /it\('lets only its owner or an admin update\/delete a project \(ownership by default\)'/);
    assert.match(test, /const denied = await t\.call\('PATCH', `\/api\/projects\/\$\{row\.id\}`, \{ body: \{\}, token: bob\.token \}\);\n\s+expect\(denied\.status\)\.toBe\(403\);/);
    assert.match(test, /t\.call\('PATCH', `\/api\/projects\/\$\{row\.id\}`, \{ body: \{\}, token: admin\.token \}\)\)\.status\)\.toBe\(200\)/);
    assert.match(test, /t\.call\('DELETE', `\/api\/projects\/\$\{bobs\.id\}`, \{ token: admin\.token \}\)\)\.status\)\.toBe\(204\)/);
    assert.match(test, /it\("shows a user's email only to themselves and admins"/);
    assert.match(test, /expect\(seen\.body\)\.not\.toHaveProperty\('email'\);/);
    // An ownership rule that lists reading: another member neither reads it nor lists it.
    const library = content(generated(loadSpec('library')), 'backend/test/access.test.ts');
    assert.match(library, /it\('lets only its owner or an admin read\/update\/delete a loan \(ownership rule\)'/);
    assert.match(library, /expect\(listed\.body\.items\.map\(\(item: \{ id: number \}\) => item\.id\)\)\.not\.toContain\(row\.id\);/);
  });

  it('shows a user their own email, admins every email, others none; the OpenAPI document says so', () => {
    const files = generated(loadSpec('tasks'));
    const users = content(files, 'backend/src/routes/users.ts');
    assert.match(users, /if \(viewer && \(viewer\.id === record\.id \|\| isAdmin\(viewer\)\)\) return record;/);
    assert.match(users, /items: \(await userRecords\(db, rows\)\)\.map\(\(record\) => visibleUser\(record, user\)\)/);
    assert.match(users, /return c\.json\(visibleUser\(\(await userRecords\(db, \[existing\]\)\)\[0\], c\.get\('user'\)\)\);/);
    // Only an admin finds or orders users by email.
    assert.match(users, /or\(ilike\(users\.name, pattern\), \.\.\.\(seesPrivate \? \[ilike\(users\.email, pattern\)\] : \[\]\)\)/);
    assert.match(users, /sortColumns\[!seesPrivate && params\.sort === 'email' \? 'id' : params\.sort\]/);
    assert.doesNotMatch(content(files, 'backend/src/routes/projects.ts'), /visible|seesPrivate/);
    const user = JSON.parse(content(files, 'backend/openapi.json')).components.schemas.User;
    assert.ok(!user.required.includes('email'));
    assert.ok(user.required.includes('name'));
    assert.match(user.properties.email.description, /Only for the user themselves and admins/);
    assert.match(content(files, 'frontend/src/api/users.ts'), /email\?: string;/);
  });

  it('a user with nothing else to search finds nobody by email unless admin', () => {
    const spec = loadSpec('tasks');
    spec.entities.find((e) => e.name === 'User')!.fields = [];
    const users = content(generated(spec), 'backend/src/routes/users.ts');
    assert.match(users, /conditions\.push\(seesPrivate \? or\(ilike\(users\.email, pattern\)\) : sql`false`\);/);
    assert.match(users, /import \{ [^}]*\bsql\b[^}]* \} from 'drizzle-orm';/);
  });
});
