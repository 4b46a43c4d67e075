// Verifies the generated frontend for real: generates a spec's frontend into a temp folder, then
// runs npm install, npm run build and npm test there and prints pass/fail with timings.
// Usage: node esbuild.mjs --tests && node bench/verify-frontend.mjs [spec.json ...] [--keep] [--full]
// Without spec arguments it checks every spec in test/fixtures/specs/ plus a built-in edge-case spec.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const { ProjectSpec } = require(path.join(root, 'out/src/model/project/projectSpec.js'));
const { validateSpec } = require(path.join(root, 'out/src/model/project/specIndex.js'));
const { FileSet } = require(path.join(root, 'out/src/core/generator/fileSet.js'));
const { generateFrontend } = require(path.join(root, 'out/src/core/generator/frontend/index.js'));

/**
 * Shapes the fixtures do not cover: many-to-many, every field type, an entity without a text
 * field to name it by, one without required fields, a User with its own email field, no self-signup.
 */
const EDGE_CASE_SPEC = {
  name: 'edge-cases',
  title: 'Edge cases {frontend}',
  description: 'Books, authors, tags & notes <for> testing.',
  requirements: { text: 'Edge cases.', sentences: [{ id: 0, text: 'Edge cases.' }, { id: 1, text: 'Staff log in.' }] },
  entities: [
    {
      name: 'User', label: 'User', pluralLabel: 'Users', sources: [1],
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true, unique: true },
        { name: 'isActive', label: 'Active', type: 'boolean', default: true },
      ],
    },
    {
      name: 'Author', label: 'Author', pluralLabel: 'Authors',
      fields: [
        { name: 'born', label: 'Born', type: 'date', required: true },
        { name: 'website', label: 'Website', type: 'url' },
      ],
    },
    { name: 'Tag', label: 'Tag', pluralLabel: 'Tags', fields: [{ name: 'label', label: 'Label', type: 'string', required: true, unique: true }] },
    {
      name: 'Book', label: 'Book', pluralLabel: 'Books', ownerRelation: 'addedBy',
      fields: [
        { name: 'title', label: 'Title', type: 'string', required: true },
        { name: 'price', label: 'Price', type: 'decimal', required: true, min: 0 },
        { name: 'published', label: 'Published', type: 'datetime' },
        { name: 'inPrint', label: 'In print', type: 'boolean' },
        { name: 'rating', label: 'Rating', type: 'integer', min: 1, max: 5 },
        { name: 'format', label: 'Format', type: 'enum', enumValues: ['hardcover', 'paperback', 'e_book'] },
        { name: 'contact', label: 'Contact', type: 'email' },
        { name: 'summary', label: 'Summary', type: 'text' },
      ],
    },
    { name: 'PurchaseOrder', label: 'Purchase order', pluralLabel: 'Purchase orders', fields: [{ name: 'notes', label: 'Notes', type: 'text' }] },
  ],
  relations: [
    { kind: 'belongsTo', from: 'Book', to: 'Author', name: 'author', inverseName: 'books', required: true, onDelete: 'restrict' },
    { kind: 'belongsTo', from: 'Book', to: 'User', name: 'addedBy', inverseName: 'addedBooks', required: true, onDelete: 'cascade' },
    { kind: 'manyToMany', from: 'Book', to: 'Tag', name: 'tags', inverseName: 'books', required: false },
    { kind: 'belongsTo', from: 'PurchaseOrder', to: 'Book', name: 'book', inverseName: 'purchaseOrders', required: false, onDelete: 'setNull' },
  ],
  auth: { kind: 'emailPassword', roles: ['staff', 'admin'], defaultRole: 'staff', adminRole: 'admin', selfSignup: false },
  rules: [{ kind: 'roleRequired', entity: 'Tag', actions: ['create', 'delete'], roles: ['admin'] }],
  unimplemented: [],
  pages: [],
  warnings: [],
};

const args = process.argv.slice(2);
const keep = args.includes('--keep');
// --full: the whole project (backend + frontend + deploy + root workspaces), checked from the root.
const full = args.includes('--full');
const specArgs = args.filter((a) => !a.startsWith('--'));
const specsDir = path.join(root, 'test/fixtures/specs');
const specFiles = specArgs.length
  ? specArgs.map((p) => path.resolve(p))
  : readdirSync(specsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => path.join(specsDir, f));

function run(command, commandArgs, cwd) {
  const started = Date.now();
  // Default npm cache so repeated installs are fast; CI=true keeps vitest out of watch mode.
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function testCounts(output) {
  // Vitest's summary: "Tests  12 passed (12)" or "Tests  1 failed | 11 passed (12)".
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  // --full runs one summary per workspace.
  const lines = plain.split('\n').filter((l) => /^\s*Tests\s+/.test(l));
  return lines.length ? lines.map((l) => l.trim().replace(/\s+/g, ' ')).join('; ') : 'no summary';
}

const specInputs = specFiles.map((file) => ({ name: path.basename(file, '.json'), input: JSON.parse(readFileSync(file, 'utf8')) }));
if (!specArgs.length) specInputs.push({ name: 'edge-cases (built in)', input: EDGE_CASE_SPEC });

let failures = 0;
for (const { name, input } of specInputs) {
  const spec = ProjectSpec.parse(input);
  const problems = validateSpec(spec);
  if (problems.length) {
    console.log(`${name}: spec invalid, skipped: ${problems.join('; ')}`);
    continue;
  }
  const files = new FileSet();
  if (full) require(path.join(root, 'out/src/core/generator/backend/index.js')).generateBackend(spec, files);
  generateFrontend(spec, files);
  if (full) {
    require(path.join(root, 'out/src/core/generator/deploy/index.js')).generateDeploy(spec, files);
    require(path.join(root, 'out/src/core/generator/project/index.js')).generateProjectRoot(spec, files);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `takoss-frontend-${spec.name}-`));
  for (const file of files.list()) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  const workdir = full ? dir : path.join(dir, 'frontend');
  const steps = [
    ['install', ['install', '--no-audit', '--no-fund']],
    ['build', ['run', 'build']],
    ['test', ['test']],
  ];
  const report = [];
  let ok = true;
  for (const [label, npmArgs] of steps) {
    const result = run('npm', npmArgs, workdir);
    report.push(`${label} ${result.ok ? 'pass' : 'FAIL'} ${result.seconds.toFixed(1)}s${label === 'test' ? ` (${testCounts(result.output)})` : ''}`);
    if (!result.ok) {
      ok = false;
      console.log(result.output.split('\n').slice(-80).join('\n'));
      break;
    }
  }
  console.log(`${name}: ${ok ? 'PASS' : 'FAIL'} — ${files.size} files — ${report.join(', ')}${keep || !ok ? ` — kept in ${dir}` : ''}`);
  if (!ok) failures++;
  else if (!keep) rmSync(dir, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
