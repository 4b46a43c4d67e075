// Which files Claude may write. Each refining stage that writes code owns a few paths (the pages
// stage: its entity's page module; the business-rules stage: the rules modules and new
// `*.rules.test.ts` tests); the repair rounds may edit only those, plus the failing test files the
// errors name. Some paths are never Claude's, whoever asks: the files that decide what runs on
// install, build, test or deploy (package.json, lockfiles, configs, dotfiles, Dockerfiles, CI,
// scripts, migrations). A refused path keeps the deterministic file.
import type { FileSet, GeneratedFile } from '../generator/fileSet';

/** New tests the business-rules stage may add. */
export const RULES_TEST_PATH = /^backend\/test\/[a-z0-9-]+\.rules\.test\.ts$/;

const TEST_FILE = /\.(test|spec)\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

interface StageWrites {
  /** Generator layer of the deterministic files the stage refines (it may replace those it got). */
  layer: string;
  /** New files the stage may add. */
  newFiles?: RegExp;
}

/** The refining stages that write code, and what they own. Every other stage writes no code. */
export const STAGE_WRITES: Readonly<Record<string, StageWrites>> = {
  pages: { layer: 'frontend/pages' },
  'business-rules': { layer: 'backend/rules', newFiles: RULES_TEST_PATH },
};

/** Paths no model may write, with the reason. Checked before any allowlist. */
const PROTECTED: readonly [RegExp, string][] = [
  [/(^|\/)\.[^/]*(\/|$)/, 'dotfiles and dot-folders (.npmrc, .env, .git/, .github/, .vscode/, .takoss/) configure tools and secrets'],
  [/(^|\/)package\.json$/, 'package.json decides what runs on install, build and test'],
  [/(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?)$/, 'lockfiles decide which packages are installed'],
  [/(^|\/)[^/]*\.config\.[^/]+$/, 'tool configuration (*.config.*) runs during build and test'],
  [/(^|\/)tsconfig[^/]*$/, 'tsconfig decides how the project compiles'],
  [/(^|\/)(Dockerfile|Containerfile)[^/]*$|(^|\/)[^/]*\.dockerfile$/i, 'Dockerfiles decide what runs in containers'],
  [/(^|\/)(docker-)?compose[^/]*\.ya?ml$/i, 'docker-compose decides what runs and with which settings'],
  [/(^|\/)(Jenkinsfile|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|Makefile)$/, 'CI and build scripts run commands'],
  [/(^|\/)scripts\//, 'scripts run commands'],
  [/\.(sh|bash|zsh|ps1|bat|cmd)$/i, 'shell scripts run commands'],
  [/(^|\/)migrations\/|\.sql$/, 'migrations change the database'],
  [/(^|\/)(index\.html|nginx\.conf)$/, 'the HTML entry and the web server configuration decide what the browser loads'],
];

/** Why no model may write `path` (a protected kind of file), or undefined. */
export function protectedPathReason(path: string): string | undefined {
  return PROTECTED.find(([pattern]) => pattern.test(path))?.[1];
}

/**
 * Why the stage `kind` may not write `path`, or undefined when it may: its own deterministic files
 * (`owned`, the stage's offline output) and the new files its kind may add.
 */
export function stageWriteRefusal(kind: string, path: string, owned: readonly { path: string }[]): string | undefined {
  const protectedReason = protectedPathReason(path);
  if (protectedReason) return `Claude may never write it: ${protectedReason}`;
  const writes = STAGE_WRITES[kind];
  if (!writes) return `the ${kind} stage writes no code`;
  if (owned.some((file) => file.path === path) || writes.newFiles?.test(path)) return undefined;
  return `the ${kind} stage may write only ${describeOwned(writes, owned)}`;
}

function describeOwned(writes: StageWrites, owned: readonly { path: string }[]): string {
  const paths = owned.map((file) => file.path);
  const listed = paths.length > 4 ? `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more` : paths.join(', ');
  return [listed, writes.newFiles ? `new files matching ${writes.newFiles.source}` : ''].filter(Boolean).join(' and ') || 'nothing in this run';
}

/** Whether a code-writing stage owns this generated file: Claude was allowed to write it. */
function isClaudeWritable(file: GeneratedFile): boolean {
  const stage = Object.values(STAGE_WRITES).find((writes) => writes.layer === file.layer || writes.newFiles?.test(file.path));
  return Boolean(stage) && !protectedPathReason(file.path);
}

/** Files of the run that a code-writing stage owns: Claude was allowed to write them. */
export function claudeWritable(files: FileSet): Set<string> {
  return new Set(files.list().filter(isClaudeWritable).map((file) => file.path));
}

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path);
}

/**
 * Why a repair round may not edit `path`, or undefined when it may: a generated file Claude was
 * allowed to write, or a test file the failing step's errors name (`namedInErrors`).
 */
export function repairWriteRefusal(path: string, files: FileSet, namedInErrors: ReadonlySet<string>): string | undefined {
  const file = files.get(path);
  if (!file) return 'it is not an existing generated file';
  const protectedReason = protectedPathReason(path);
  if (protectedReason) return `repair may never edit it: ${protectedReason}`;
  if (isClaudeWritable(file)) return undefined;
  if (isTestFile(path) && namedInErrors.has(path)) return undefined;
  if (isTestFile(path)) return 'repair may edit a test file only when the errors name it';
  return 'repair may edit only the pages and rules modules Claude may write, and the failing test files the errors name; this file is generated deterministically';
}

/** The files a repair round may edit: Claude's files and the failing tests the errors name. */
export function repairEditable(files: FileSet, namedInErrors: ReadonlySet<string>): string[] {
  return files
    .list()
    .map((file) => file.path)
    .filter((path) => repairWriteRefusal(path, files, namedInErrors) === undefined);
}
