// An update never rewrites a migration: the new generation's migration files are replaced by the
// ones the project already has (as Takoss generated them), plus the new `000N_<change>.sql` for
// this change, and the manifest lists exactly those.
import type { GeneratedFile } from '../generator/fileSet';
import { MANIFEST_PATH, type ManifestFile, TakossManifest } from '../generator/project/manifest';
import { MIGRATIONS_DIR } from './migrationStep';

export interface NewMigration {
  path: string;
  sql: string;
  /** What it changes, one line each. */
  summary: string[];
}

const isMigration = (path: string) => path.startsWith(`${MIGRATIONS_DIR}/`) && path.endsWith('.sql');

function migrationFile(path: string, content: string, like: GeneratedFile | undefined, explanation: string): GeneratedFile {
  return { path, content, layer: like?.layer ?? 'backend/db', explanation, serves: like?.serves ?? [], sources: like?.sources ?? [] };
}

/** The manifest of `files`, its migration entries replaced by those of `migrations`. */
function manifestWith(manifestText: string, migrations: readonly GeneratedFile[], previous: ReadonlyMap<string, ManifestFile>): string {
  const manifest = TakossManifest.parse(JSON.parse(manifestText));
  const entries = migrations.map(
    (file): ManifestFile => previous.get(file.path) ?? { path: file.path, layer: file.layer, explanation: file.explanation, serves: file.serves, sources: file.sources, requirements: [], stage: 'migrations' },
  );
  const files = [...manifest.files.filter((entry) => !isMigration(entry.path)), ...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify({ ...manifest, files }, null, 2) + '\n';
}

/** How the previous manifest (in the base) described each file, when it can be read. */
function previousEntries(base: ReadonlyMap<string, string>): Map<string, ManifestFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(base.get(MANIFEST_PATH) ?? 'null');
  } catch {
    return new Map();
  }
  const parsed = TakossManifest.safeParse(raw);
  return new Map(parsed.success ? parsed.data.files.map((entry) => [entry.path, entry]) : []);
}

/** The generation's files with the base's migrations (and the new one) in place of its own. */
export function withMigrations(files: readonly GeneratedFile[], base: ReadonlyMap<string, string>, added: NewMigration | undefined): GeneratedFile[] {
  const like = files.find((file) => isMigration(file.path));
  const kept = [...base].filter(([path]) => isMigration(path)).map(([path, content]) => migrationFile(path, content, like, 'A migration the project already has, as Takoss wrote it; updates never rewrite it.'));
  const migrations = added
    ? [...kept, migrationFile(added.path, added.sql, like, `Migrates a database made by the earlier migrations to the changed data model: ${added.summary.join('; ')}.`)]
    : kept;
  const previous = previousEntries(base);
  return [
    ...files.filter((file) => !isMigration(file.path)).map((file) => (file.path === MANIFEST_PATH ? { ...file, content: manifestWith(file.content, migrations, previous) } : file)),
    ...migrations,
  ];
}
