// From an update's run (the new generation, in memory) to its plan over the project's folder:
// the project's memory (base + the spec generated last time) is read, the migrations already there
// stay exactly as they are (0001_init.sql is never rewritten), the schema change becomes the next
// migration (or a refusal that says why), and every file is classified by the three-way plan.
import type { GeneratedFile } from '../../core/generator/fileSet';
import type { Sink } from '../../core/output/sink/sink';
import { readProjectMemory } from '../../core/update/memory';
import { MIGRATIONS_DIR, migrationForChange, nextMigrationPath } from '../../core/update/migrationStep';
import { planUpdate, type TheirsFile, type UpdatePlan } from '../../core/update/plan';
import type { ProjectSpec } from '../../model/project/projectSpec';

export type PlannedUpdate = { plan: UpdatePlan; migration?: string } | { refusal: string };

const isMigration = (path: string) => path.startsWith(`${MIGRATIONS_DIR}/`) && path.endsWith('.sql');

/** The new generation with the project's migrations as they are, plus the change's migration. */
export function withMigrations(base: ReadonlyMap<string, string>, previous: ProjectSpec, next: ProjectSpec, generated: readonly TheirsFile[]): { files: TheirsFile[]; migration?: string } | { refusal: string } {
  const step = migrationForChange(previous, next);
  if (step.kind === 'refused') return { refusal: `The database cannot be changed safely: ${step.reasons.join(' ')}` };
  const existing = [...base.keys()].filter(isMigration);
  // The generator writes the schema from scratch (0001_init.sql); the project's database already has
  // the earlier migrations, so they stay as generated then, and the change comes as a new one.
  const files = generated.filter((file) => !isMigration(file.path) || !existing.length);
  for (const path of existing) files.push({ path, content: base.get(path) as string, layer: 'backend/db' });
  if (step.kind === 'none' || !existing.length) return { files };
  const migration = nextMigrationPath(existing, step.slug);
  files.push({ path: migration, content: step.sql, layer: 'backend/db' });
  return { files, migration };
}

/** The update's plan over `sink` (the project's folder); nothing is written. */
export async function planProjectUpdate(sink: Sink, next: ProjectSpec, generated: ReadonlyMap<string, GeneratedFile>): Promise<PlannedUpdate> {
  const memory = await readProjectMemory(sink);
  const theirs = withMigrations(memory.base, memory.spec, next, [...generated.values()]);
  if ('refusal' in theirs) return theirs;
  return { plan: await planUpdate({ sink, base: memory.base, theirs: theirs.files }), migration: theirs.migration };
}
