import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withAdministrator } from '../../src/core/generator/administrator';
import { DEPLOY_LAYER } from '../../src/core/generator/deploy';
import { FileSet, type GeneratedFile } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { addLayerFiles } from '../../src/core/generator/layerFiles';
import { buildManifest, MANIFEST_PATH, PROJECT_LAYER, TakossManifest } from '../../src/core/generator/project';
import { ProjectSpec, type Relation } from '../../src/model/project/projectSpec';

const root = path.resolve(__dirname, '..', '..', '..');

/** A spec whose accounts must each belong to a genre: two variables cannot make such an account. */
function withAccountsNeedingAParent(spec: ProjectSpec): ProjectSpec {
  const relation: Relation = { kind: 'belongsTo', from: 'User', to: 'Genre', name: 'club', inverseName: 'members', required: true, onDelete: 'restrict', sources: [] };
  return { ...spec, relations: [...spec.relations, relation] };
}

function loadSpec(name: string): ProjectSpec {
  return ProjectSpec.parse(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'specs', `${name}.json`), 'utf8')));
}

function generate(spec: ProjectSpec): GeneratedFile[] {
  const files = new FileSet();
  generateFrontend(spec, files);
  addLayerFiles(files, spec, DEPLOY_LAYER);
  addLayerFiles(files, spec, PROJECT_LAYER);
  return files.list();
}

function content(files: GeneratedFile[], filePath: string): string {
  const file = files.find((f) => f.path === filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
}

describe('deploy and project-root generators', () => {
  const tasksSpec = loadSpec('tasks');
  const eventsSpec = loadSpec('events');
  const tasks = generate(tasksSpec);
  const events = generate(eventsSpec);

  it('writes the deploy and root files next to the frontend without collisions', () => {
    const paths = new Set(tasks.map((f) => f.path));
    for (const expected of [
      'backend/Dockerfile',
      'frontend/Dockerfile',
      'frontend/nginx.conf',
      'docker-compose.yml',
      '.dockerignore',
      '.github/workflows/ci.yml',
      '.env.example',
      'package.json',
      'scripts/dev.mjs',
      'README.md',
      '.gitignore',
      '.nvmrc',
    ]) {
      assert.ok(paths.has(expected), expected);
    }
    // Only the Dockerfile goes under backend/: the backend layer owns the rest.
    assert.deepEqual(
      tasks.filter((f) => f.path.startsWith('backend/')).map((f) => f.path),
      ['backend/Dockerfile'],
    );
  });

  it('explains every file and is deterministic', () => {
    for (const file of tasks) {
      assert.ok(file.explanation.length > 20, file.path);
      assert.ok(file.serves.length > 0, file.path);
    }
    assert.deepEqual(generate(tasksSpec), tasks);
  });

  it('composes Postgres 16 with a health check and volume, the backend and the frontend', () => {
    const compose = content(tasks, 'docker-compose.yml');
    for (const service of ['db:', 'backend:', 'frontend:']) assert.match(compose, new RegExp(`^  ${service}$`, 'm'), service);
    assert.match(compose, /image: postgres:16/);
    assert.match(compose, /healthcheck:\n\s+test: \["CMD-SHELL", "pg_isready/);
    assert.match(compose, /db-data:\/var\/lib\/postgresql\/data/);
    assert.match(compose, /^volumes:\n  db-data:/m);
    assert.match(compose, /DATABASE_URL: postgres:\/\/app:.*@db:5432\/team_tasks/);
    assert.match(compose, /^      JWT_SECRET: \$\{JWT_SECRET:\?set JWT_SECRET in \.env/m, 'required from .env, no value in compose');
    assert.match(compose, /^      ADMIN_EMAIL: \$\{ADMIN_EMAIL:-\}\n      ADMIN_PASSWORD: \$\{ADMIN_PASSWORD:-\}$/m, 'the first admin from .env, no default');
    assert.match(compose, /condition: service_healthy/);
    const eventsCompose = content(events, 'docker-compose.yml');
    assert.doesNotMatch(eventsCompose, /JWT_SECRET|ADMIN_/, 'no auth, no secret');
    assert.match(content(generate(withAdministrator(loadSpec('library'))), 'docker-compose.yml'), /ADMIN_EMAIL/, 'the implicit admin role is bootstrapped too');
    const needsParent = withAdministrator(withAccountsNeedingAParent(loadSpec('library')));
    assert.doesNotMatch(content(generate(needsParent), 'docker-compose.yml'), /ADMIN_/, 'no account can be made from the two variables, so none are asked for');
  });

  it('health-checks the backend with node (no curl in node:20-slim); the frontend waits for it', () => {
    for (const compose of [content(tasks, 'docker-compose.yml'), content(events, 'docker-compose.yml')]) {
      const backend = /^  backend:\n([\s\S]*?)\n\n/m.exec(compose)?.[1] ?? '';
      assert.match(backend, /healthcheck:\n      test: \["CMD", "node", "-e", "fetch\('http:\/\/127\.0\.0\.1:3000\/api\/health'\)/);
      assert.doesNotMatch(backend, /curl|wget/);
      const frontend = /^  frontend:\n([\s\S]*?)\n\n/m.exec(compose)?.[1] ?? '';
      assert.match(frontend, /depends_on:\n      backend:\n        condition: service_healthy/);
    }
  });

  it('keeps the dev database, secrets, .env files and builds out of the Docker build context', () => {
    const ignored = content(tasks, '.dockerignore').split('\n');
    for (const pattern of ['**/node_modules', '**/.data', '**/.env', '**/.env.*', '!**/.env.example', '**/dist', '**/coverage', '.git']) {
      assert.ok(ignored.includes(pattern), pattern);
    }
    assert.ok(ignored.indexOf('!**/.env.example') > ignored.indexOf('**/.env.*'), 'the exception comes after the rule it undoes');
    const noDocker = generate({ ...tasksSpec, options: { ...tasksSpec.options, docker: false } });
    assert.equal(noDocker.some((f) => f.path === '.dockerignore'), false);
  });

  it('builds multi-stage images; nginx proxies /api to the backend', () => {
    const backend = content(tasks, 'backend/Dockerfile');
    assert.equal(backend.match(/^FROM /gm)?.length, 2);
    assert.match(backend, /npm run build --workspace backend/);
    assert.match(backend, /EXPOSE 3000/);
    const frontend = content(tasks, 'frontend/Dockerfile');
    assert.match(frontend, /^FROM nginx/m);
    assert.match(frontend, /frontend\/dist/);
    assert.match(content(tasks, 'frontend/nginx.conf'), /location \/api\/ \{\n\s+proxy_pass http:\/\/backend:3000;/);
  });

  it('runs CI on Node 20: install with npm ci, build, test', () => {
    const ci = content(tasks, '.github/workflows/ci.yml');
    assert.match(ci, /node-version: 20/);
    assert.match(ci, /npm ci/);
    assert.match(ci, /run: npm run build/);
    assert.match(ci, /run: npm test/);
    assert.match(ci, /image: postgres:16/);
    assert.doesNotMatch(ci, /JWT_SECRET/, 'the tests make their own secret; no fixed one in CI');
  });

  it('lists the environment in .env.example, with a JWT_SECRET placeholder the backend refuses', () => {
    const example = content(tasks, '.env.example');
    assert.match(example, /^DATABASE_URL=/m);
    assert.match(example, /^JWT_SECRET=change-me$/m);
    assert.match(example, /openssl rand -base64 48/);
    assert.match(example, /^ADMIN_EMAIL=$/m);
    assert.match(example, /^ADMIN_PASSWORD=$/m);
    assert.doesNotMatch(content(events, '.env.example'), /JWT_SECRET|ADMIN_/);
  });

  it('writes a workspaces root package with build/test/dev/seed', () => {
    const pkg = JSON.parse(content(tasks, 'package.json'));
    assert.equal(pkg.private, true);
    assert.deepEqual(pkg.workspaces, ['backend', 'frontend']);
    for (const script of ['build', 'test', 'dev', 'seed']) assert.ok(pkg.scripts[script], script);
    assert.equal(content(tasks, '.nvmrc').trim(), '20');
    assert.match(content(tasks, '.gitignore'), /^\.env$/m);
  });

  it('explains the app in the README, including what is not implemented', () => {
    const readme = content(tasks, 'README.md');
    assert.match(readme, /^# Team tasks/);
    for (const heading of ['### Projects', '### Tasks', '## Relations', '## Sign-in and roles', '## Rules the app enforces', '## Not implemented', '## Docker']) {
      assert.ok(readme.includes(heading), heading);
    }
    assert.ok(readme.includes('Show a board per project with one column per status.'));
    assert.match(readme, /Only the owner of a project \(or an admin\) may update or delete it\./);
    const eventsReadme = content(events, 'README.md');
    assert.match(eventsReadme, /takes at most its `capacity` registrations/);
    assert.match(eventsReadme, /No sign-in/);
    assert.doesNotMatch(eventsReadme, /### Secrets|ADMIN_EMAIL/);
  });

  it('documents the secrets and the first admin in the README, with no fixed password', () => {
    const readme = content(tasks, 'README.md');
    assert.match(readme, /### Secrets\n/);
    assert.match(readme, /backend\/\.data\/jwt-secret/);
    assert.match(readme, /openssl rand -base64 48/);
    assert.match(readme, /### The first admin\n\nSign-up never makes `admin` accounts\. Set `ADMIN_EMAIL` and `ADMIN_PASSWORD`/);
    assert.match(readme, /cp \.env\.example \.env +# then set JWT_SECRET, ADMIN_EMAIL and ADMIN_PASSWORD in it/);
    assert.doesNotMatch(readme, /admin-password|password-123/);
    const needsParent = content(generate(withAdministrator(withAccountsNeedingAParent(loadSpec('library')))), 'README.md');
    assert.match(needsParent, /### Secrets/);
    assert.doesNotMatch(needsParent, /### The first admin|ADMIN_EMAIL/, 'no bootstrap, none documented');
  });

  it('builds a manifest that validates and covers every file with its requirement texts', () => {
    const json = buildManifest(tasksSpec, tasks);
    const manifest = TakossManifest.parse(JSON.parse(json));
    assert.equal(MANIFEST_PATH, '.takoss/manifest.json');
    assert.deepEqual(
      manifest.files.map((f) => f.path),
      tasks.map((f) => f.path),
    );
    const taskPage = manifest.files.find((f) => f.path === 'frontend/src/pages/tasks.tsx');
    assert.ok(taskPage?.requirements.includes(tasksSpec.requirements.sentences[3].text));
    assert.equal(manifest.requirements.length, tasksSpec.requirements.sentences.length);
    assert.equal(buildManifest(tasksSpec, [...tasks].reverse()), json, 'order-independent');
  });
});
