import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { FileSet, type GeneratedFile } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const root = path.resolve(__dirname, '..', '..', '..');

function loadSpec(name: string): ProjectSpec {
  return ProjectSpec.parse(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'specs', `${name}.json`), 'utf8')));
}

function frontendFiles(name: string): GeneratedFile[] {
  const files = new FileSet();
  generateFrontend(loadSpec(name), files);
  return files.list();
}

function content(files: GeneratedFile[], filePath: string): string {
  const file = files.find((f) => f.path === filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
}

/** Syntax errors only: the generated app is type-checked for real by bench/verify-frontend.mjs. */
function syntaxErrors(file: GeneratedFile): string[] {
  const result = ts.transpileModule(file.content, {
    fileName: path.basename(file.path),
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.ReactJSX, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return (result.diagnostics ?? []).map((d) => `${file.path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('frontend generator', () => {
  const tasks = frontendFiles('tasks');
  const events = frontendFiles('events');

  it('writes the app, a typed client, pages, schemas and tests per entity (tasks)', () => {
    const paths = new Set(tasks.map((f) => f.path));
    for (const expected of [
      'frontend/package.json',
      'frontend/vite.config.ts',
      'frontend/tsconfig.json',
      'frontend/index.html',
      'frontend/src/main.tsx',
      'frontend/src/App.tsx',
      'frontend/src/styles.css',
      'frontend/src/api/client.ts',
      'frontend/src/api/auth.ts',
      'frontend/src/auth/AuthContext.tsx',
      'frontend/src/pages/LoginPage.tsx',
      'frontend/src/pages/RegisterPage.tsx',
      'frontend/src/components/Layout.tsx',
      'frontend/src/components/EntityForm.tsx',
      'frontend/src/test/auth.test.tsx',
      'frontend/src/test/setup.ts',
    ]) {
      assert.ok(paths.has(expected), expected);
    }
    for (const route of ['users', 'projects', 'tasks']) {
      for (const filePath of [`frontend/src/api/${route}.ts`, `frontend/src/entities/${route}.ts`, `frontend/src/pages/${route}.tsx`, `frontend/src/test/${route}.test.tsx`]) {
        assert.ok(paths.has(filePath), filePath);
      }
    }
    assert.ok(tasks.every((f) => f.path.startsWith('frontend/')));
  });

  it('imports the validation helper only where a schema uses it (a User without fields of its own)', () => {
    const spec = loadSpec('tasks');
    const bare = ProjectSpec.parse({
      ...spec,
      entities: spec.entities.map((e) => (e.name === 'User' ? { ...e, fields: [] } : e)),
      relations: spec.relations.filter((r) => r.from !== 'User'),
    });
    const files = new FileSet();
    generateFrontend(bare, files);
    const users = content(files.list(), 'frontend/src/entities/users.ts');
    assert.doesNotMatch(users, /needs/);
    assert.match(users, /export const userSchema = z\.object\(\{\n\n?\}\)/);
    assert.match(content(tasks, 'frontend/src/entities/tasks.ts'), /import \{ needs \} from '\.\.\/forms\/validation';/);
  });

  it('leaves out auth files when the spec has no auth (events)', () => {
    const paths = events.map((f) => f.path);
    assert.ok(!paths.some((p) => p.includes('AuthContext') || p.includes('api/auth') || p.includes('Login') || p.includes('Register')), paths.join(', '));
    assert.match(content(events, 'frontend/src/auth/permissions.ts'), /return \(\) => true;/);
    assert.doesNotMatch(content(events, 'frontend/src/api/client.ts'), /Authorization|localStorage/);
    assert.match(content(events, 'frontend/src/App.tsx'), /path="\/registrations\/new"/);
  });

  it('explains every file and names what it serves', () => {
    for (const file of [...tasks, ...events]) {
      assert.ok(file.explanation.length > 20, `${file.path} explanation`);
      assert.ok(file.serves.length > 0, `${file.path} serves`);
      assert.ok(file.layer.startsWith('frontend/'), `${file.path} layer`);
    }
    const taskPage = tasks.find((f) => f.path === 'frontend/src/pages/tasks.tsx');
    assert.deepEqual(taskPage?.serves, ['entity:Task']);
    assert.ok(taskPage?.sources.includes(3));
  });

  it('is deterministic', () => {
    assert.deepEqual(frontendFiles('tasks'), tasks);
    assert.deepEqual(frontendFiles('events'), events);
  });

  it('generates TypeScript and TSX that parses', () => {
    const errors = [...tasks, ...events].filter((f) => /\.tsx?$/.test(f.path)).flatMap(syntaxErrors);
    assert.deepEqual(errors, []);
  });

  it('generates valid JSON config', () => {
    const pkg = JSON.parse(content(tasks, 'frontend/package.json'));
    assert.deepEqual(Object.keys(pkg.scripts).sort(), ['build', 'dev', 'preview', 'test']);
    assert.match(pkg.scripts.build, /tsc .*&& vite build/);
    assert.equal(pkg.scripts.test, 'vitest run');
    for (const dependency of ['react', 'react-dom', 'react-router', 'zod']) assert.ok(pkg.dependencies[dependency], dependency);
    for (const dependency of ['vite', 'vitest', 'jsdom', '@testing-library/react', 'typescript']) assert.ok(pkg.devDependencies[dependency], dependency);
    JSON.parse(content(tasks, 'frontend/tsconfig.json'));
    assert.match(content(tasks, 'frontend/vite.config.ts'), /proxy: \{ '\/api': 'http:\/\/localhost:3000' \}/);
  });

  it('builds the client to the contract: collection paths, has-many lists, error envelope', () => {
    const client = content(tasks, 'frontend/src/api/client.ts');
    assert.match(client, /envelope\?\.code/);
    assert.match(client, /'Bearer ' \+ token/);
    const projects = content(tasks, 'frontend/src/api/projects.ts');
    assert.match(projects, /resource<Project, ProjectInput>\("\/api\/projects"\)/);
    assert.match(projects, /childList<Task>\("\/api\/projects", "tasks"\)/);
    // The owner is set by the API from the token, never sent by the form.
    assert.doesNotMatch(projects.split('export interface ProjectInput')[1], /ownerId/);
    const taskTypes = content(tasks, 'frontend/src/api/tasks.ts');
    assert.match(taskTypes, /projectId: number;/);
    assert.match(taskTypes, /assigneeId: number \| null;/);
    assert.match(taskTypes, /status: "todo" \| "in_progress" \| "done";/);
    const auth = content(tasks, 'frontend/src/api/auth.ts');
    for (const endpoint of ['/api/auth/register', '/api/auth/login', '/api/auth/me']) assert.ok(auth.includes(endpoint), endpoint);
    const eventsApi = content(events, 'frontend/src/api/events.ts');
    assert.match(eventsApi, /ticketPrice: string;/, 'money travels as a string');
    assert.match(eventsApi, /startTime: string;/);
  });

  it('derives zod schemas from field types and required flags', () => {
    const taskSchema = content(tasks, 'frontend/src/entities/tasks.ts');
    assert.match(taskSchema, /title: z\.string\(.*\)\.min\(1, "Title is required"\),/);
    assert.match(taskSchema, /description: .*\.nullish\(\),/);
    assert.match(taskSchema, /priority: z\.enum\(\["low", "medium", "high"\]/);
    assert.match(taskSchema, /projectId: z\.number\(.*\)\.int\(\)\.positive\(\),/);
    const eventSchema = content(events, 'frontend/src/entities/events.ts');
    assert.match(eventSchema, /capacity: z\.number\(.*\)\.int\(.*\)\.min\(0, "Capacity must be at least 0"\)/);
    assert.match(eventSchema, /ticketPrice: z\.string\(.*\)\.regex\(/);
    assert.match(eventSchema, /startTime: .*Date\.parse/);
    const attendees = content(events, 'frontend/src/entities/attendees.ts');
    assert.match(attendees, /email: z\.email\(/);
  });

  it('mirrors ownership and role rules in the buttons it shows', () => {
    assert.match(content(tasks, 'frontend/src/entities/projects.ts'), /owner: \{ key: "ownerId", actions: \["update", "delete"\] \}/);
    assert.match(content(tasks, 'frontend/src/auth/permissions.ts'), /ADMIN_ROLE: string \| null = "admin"/);
    assert.match(content(tasks, 'frontend/src/test/auth.test.tsx'), /hides delete on a project the user does not own/);
  });

  it('narrows a status workflow field to its allowed steps', () => {
    const eventMeta = content(events, 'frontend/src/entities/events.ts');
    assert.match(eventMeta, /workflow: \{ initial: "scheduled", next: \{ scheduled: \["cancelled"\] \} \}/);
    const eventTest = content(events, 'frontend/src/test/events.test.tsx');
    assert.match(eventTest, /expect\(statusOptions\)\.toEqual\(\["Choose…","Scheduled","Cancelled"\]\)/);
  });

  it('writes component tests for list, form and login', () => {
    const taskTest = content(tasks, 'frontend/src/test/tasks.test.tsx');
    assert.match(taskTest, /lists tasks from the API/);
    assert.ok(taskTest.includes('"/api/tasks?order=asc&page=1&pageSize=20&sort=title"'), 'sorting uses the contract query');
    assert.ok(taskTest.includes('"/api/tasks?page=1&pageSize=20&projectId=1&q=sample"'), 'filter and search use the contract query');
    assert.match(taskTest, /reports missing required fields/);
    assert.match(taskTest, /expect\(post\?\.body\)\.toEqual\(EXPECTED_BODY\)/);
    assert.match(taskTest, /"Title is required"/);
    assert.match(taskTest, /"Project is required"/);
    assert.match(content(tasks, 'frontend/src/test/auth.test.tsx'), /logs in, stores the token/);
    // The auth User is read-only in the UI: no form test, no create page.
    assert.doesNotMatch(content(tasks, 'frontend/src/test/users.test.tsx'), /Create user/);
    assert.match(content(events, 'frontend/src/test/registrations.test.tsx'), /new Date\(sampleLocalDateTime\(\)\)\.toISOString\(\)|"Event is required"/);
  });

  it('names related records by their display field, never "#id", and keeps line breaks (issue #14)', () => {
    // The entity modules carry the display field everywhere a record is named.
    const taskModule = content(tasks, 'frontend/src/entities/tasks.ts');
    assert.match(taskModule, /display: \{ fields: \["title"\], style: "name", entity: "Task" \}/);
    assert.match(taskModule, /key: "projectId".*display: \{ fields: \["name"\], style: "name", entity: "Project" \}/);
    const detail = content(tasks, 'frontend/src/components/EntityDetailPage.tsx');
    assert.doesNotMatch(detail, />#\{String/, 'no related record is shown as #id');
    assert.match(detail, /nameOf\(relation, related\)/);
    assert.match(detail, /className="multiline"/);
    assert.match(content(tasks, 'frontend/src/components/EntityListPage.tsx'), /nameOf\(relation, related\)/);
    const styles = content(tasks, 'frontend/src/styles.css');
    assert.match(styles, /\.multiline p \{[^}]*white-space: pre-wrap/);
    // The label/value grid is the list's own rows only: a long text's lines inside a value stay stacked.
    assert.match(styles, /\.details > div \{\n  display: grid;/);
    // The generated tests expect names and both lines of a long text.
    const taskTest = content(tasks, 'frontend/src/test/tasks.test.tsx');
    assert.match(taskTest, /names its project and assignee instead of showing ids/);
    assert.match(taskTest, /findAllByRole\('link', \{ name: "Sample project option" \}\)/);
    assert.match(taskTest, /shows each row's project and assignee by name/);
    assert.match(taskTest, /keeps the line breaks of the description/);
    assert.ok(taskTest.includes('toEqual(["Sample description", "with a second line"])'));
    assert.ok(taskTest.includes('description: "Sample description\\nwith a second line"'), 'the sample record holds two lines');
  });
});
