// The project-root layer: the npm workspaces package.json (build/test/dev/seed for backend and
// frontend together), the dev runner script, README, .gitignore and .nvmrc.
import type { FileSet } from '../fileSet';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import { generateReadme } from './readme';

export { buildManifest, MANIFEST_PATH, TakossManifest } from './manifest';

/**
 * `npm run dev` starts both workspaces with this script instead of a package such as
 * `concurrently`: no extra dependency, and Ctrl+C stops both.
 */
const DEV_SCRIPT = `// Starts the backend and the frontend dev servers together; output is prefixed with the
// workspace name, and stopping one (or Ctrl+C) stops both.
import { spawn } from 'node:child_process';

const workspaces = ['backend', 'frontend'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const children = [];
let stopping = false;

// Each workspace runs in its own process group so stopping it also stops what npm started
// (the watcher and the server), not just npm itself.
const ownGroup = process.platform !== 'win32';

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode !== null) continue;
    try {
      if (ownGroup) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // Already gone.
    }
  }
  process.exitCode = code;
}

for (const workspace of workspaces) {
  const child = spawn(npm, ['run', 'dev', '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
    detached: ownGroup,
  });
  const prefix = '[' + workspace + '] ';
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\\n');
    });
  }
  child.on('exit', (code) => stopAll(code ?? 1));
  children.push(child);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
`;

const GITIGNORE = `node_modules/
dist/
build/
coverage/
.env
.env.*
!.env.example
*.log
.DS_Store
.vite/
`;

export function generateProjectRoot(spec: ProjectSpec, files: FileSet): void {
  const everything = spec.requirements.sentences.map((s) => s.id);
  const packageJson = {
    name: spec.name,
    version: '0.1.0',
    private: true,
    description: spec.description || spec.title,
    workspaces: ['backend', 'frontend'],
    scripts: {
      dev: 'node scripts/dev.mjs',
      build: 'npm run build --workspaces',
      test: 'npm test --workspaces',
      seed: 'npm run seed --workspace backend',
      start: 'npm run start --workspace backend',
    },
    engines: { node: '>=20.19' },
  };
  files.add({
    path: 'package.json',
    content: JSON.stringify(packageJson, null, 2),
    layer: 'project',
    explanation: 'The root package: npm workspaces for backend and frontend, and scripts to develop, build, test and seed them together.',
    serves: ['project'],
    sources: everything,
  });
  files.add({
    path: 'scripts/dev.mjs',
    content: DEV_SCRIPT,
    layer: 'project',
    explanation: '`npm run dev`: runs the backend and frontend dev servers side by side with prefixed output; stopping one stops both.',
    serves: ['project'],
    sources: [],
  });
  files.add({
    path: 'README.md',
    content: generateReadme(spec),
    layer: 'project',
    explanation: 'What the app does (entities, relations, sign-in, enforced rules), which requirements are not implemented, and how to run, test and deploy it.',
    serves: ['project', ...spec.entities.map((e) => `entity:${e.name}`)],
    sources: everything,
  });
  files.add({
    path: '.gitignore',
    content: GITIGNORE,
    layer: 'project',
    explanation: 'Keeps dependencies, build output, logs and the real .env (secrets) out of version control.',
    serves: ['project'],
    sources: [],
  });
  files.add({
    path: '.nvmrc',
    content: '20\n',
    layer: 'project',
    explanation: 'The Node.js major version the project is built and tested with (nvm/fnm read it).',
    serves: ['project'],
    sources: [],
  });
}
