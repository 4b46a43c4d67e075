// Changing a generated project without losing an edit (issue #15): read its memory, generate the
// new spec in memory, turn the schema change into a new migration (never rewriting one that is
// there), plan the three-way merge of every file, then apply it. prepareUpdate stops before
// anything is written (a preview, --dry-run); applyUpdate carries the plan out.
import type { GeneratedFile } from '../generator/fileSet';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { Sink } from '../output/sink/sink';
import { type AppliedUpdate, applyUpdate } from './apply';
import { type ProjectMemory, readProjectMemory } from './memory';
import { migrationForChange, MIGRATIONS_DIR, nextMigrationPath, type MigrationStep, type SpecRenames } from './migrationStep';
import { withMigrations } from './migrationFiles';
import { planUpdate, type UpdatePlan } from './plan';
import { summarizePlan, type UpdateSummary } from './summary';

/** A generation in memory: the spec it generated from in the end, and every file as it would be written. */
export interface GeneratedProject {
  spec: ProjectSpec;
  files: readonly GeneratedFile[];
}

export interface UpdateRequest {
  sink: Sink;
  /** The project's memory (read with readProjectMemory). */
  memory: ProjectMemory;
  /** The spec to change the project to. */
  spec: ProjectSpec;
  /** Generates a spec in memory (the pipeline's runGeneration collecting its files, or generateProject). */
  generate(spec: ProjectSpec): Promise<GeneratedProject>;
  /** Entities and fields renamed by the change (their tables and columns are renamed, not dropped). */
  renames?: SpecRenames;
}

export type PreparedUpdate =
  | { kind: 'refused'; reasons: string[] }
  | {
      kind: 'planned';
      plan: UpdatePlan;
      summary: UpdateSummary;
      /** The spec the generation ended with (Claude may have refined it). */
      spec: ProjectSpec;
      /** The new migration, when the schema changed: its path and what it does. */
      migration?: { path: string; summary: string[] };
    };

const isMigration = (path: string) => path.startsWith(`${MIGRATIONS_DIR}/`) && path.endsWith('.sql');

/** Names in the project's migrations folder (the user may have added migrations of their own; none is read). */
async function migrationsOnDisk(sink: Sink): Promise<string[]> {
  if ((await sink.port.kind(MIGRATIONS_DIR)) !== 'folder') return [];
  return ((await sink.port.list(MIGRATIONS_DIR)) ?? []).map((name) => `${MIGRATIONS_DIR}/${name}`).filter(isMigration);
}

/** Generates, migrates and plans; nothing is written. A schema change that would lose data is refused here. */
export async function prepareUpdate(request: UpdateRequest): Promise<PreparedUpdate> {
  const { memory, sink } = request;
  const generated = await request.generate(request.spec);
  const hadMigrations = [...memory.base.keys()].some(isMigration);
  // A project whose first run never wrote a migration has no database to migrate yet.
  const step: MigrationStep = hadMigrations ? migrationForChange(memory.spec, generated.spec, request.renames) : { kind: 'none' };
  if (step.kind === 'refused') return { kind: 'refused', reasons: step.reasons };
  const migrationPath = step.kind === 'sql' ? nextMigrationPath([...new Set([...memory.base.keys(), ...(await migrationsOnDisk(sink))])].filter(isMigration), step.slug) : undefined;
  const theirs = hadMigrations ? withMigrations(generated.files, memory.base, step.kind === 'sql' && migrationPath ? { path: migrationPath, sql: step.sql, summary: step.summary } : undefined) : generated.files;
  const plan = await planUpdate({ sink, base: memory.base, theirs });
  return {
    kind: 'planned',
    plan,
    summary: summarizePlan(plan),
    spec: generated.spec,
    migration: step.kind === 'sql' && migrationPath ? { path: migrationPath, summary: step.summary } : undefined,
  };
}

export type UpdateOutcome = (PreparedUpdate & { kind: 'refused' }) | (PreparedUpdate & { kind: 'planned'; applied?: AppliedUpdate });

/** A change of the project's spec: the new spec and what it renamed (readChange's and claudeChange's readings are ones). */
export interface SpecChange {
  spec: ProjectSpec;
  renames?: SpecRenames;
}

/** The whole update: memory, generation, migration, plan, and (unless a dry run) apply. Throws ProjectMemoryError. */
export async function updateProject(
  request: Omit<UpdateRequest, 'memory' | 'spec' | 'renames'> & { change(current: ProjectSpec): SpecChange | Promise<SpecChange>; dryRun?: boolean },
): Promise<UpdateOutcome> {
  const memory = await readProjectMemory(request.sink);
  const { spec, renames } = await request.change(memory.spec);
  const prepared = await prepareUpdate({ ...request, memory, spec, renames });
  if (prepared.kind === 'refused' || request.dryRun) return prepared;
  return { ...prepared, applied: await applyUpdate(prepared.plan, request.sink) };
}
