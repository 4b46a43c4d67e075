// The generation history (issue #7's store): one JSON file per generation in a folder (the
// extension passes its globalStorageUri path). One file per record means two VS Code windows
// writing at once never lose each other's records; each write goes to a temporary file that is
// renamed into place, so a crash mid-write leaves the old record or none, never half of one.
// Records carry a version; older shapes are migrated when read. A record's event log (for replaying
// the run into the execution tree) is its run's journal, written live, or a second file beside it
// (eventLog.ts), so listing stays cheap.
// Changes to one record are serialized (a queue in this process, a lock file across windows) and
// read the record afresh, so a rating and the end-of-run save never lose each other. Records and
// logs have a size limit: larger ones are refused (a log is left out) and never read back.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { StageOutcome } from '../learning/outcome';
import { RunEvent, Usage } from '../../model/run/events';
import { ProjectSpec } from '../../model/project/projectSpec';
import type { VerificationOutcome } from '../../model/run/outcome';
import { deleteEventLog, readEventLog } from './eventLog';
import { withRecordLock } from './recordLock';

export const RECORD_VERSION = 3;

const RecordId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);

const count = z.number().int().min(0);

/**
 * What became of an update once its run ended: applied to the project (with how many files were
 * written, merged with the user's edits, and left with conflict markers), or not applied (the user
 * cancelled the preview, or Takoss refused it). Absent: not decided yet (or an older record).
 */
export const UpdateApplication = z.union([
  z.object({ applied: z.literal(true), at: z.number(), written: count, merged: count, conflicts: count }),
  z.object({ applied: z.literal(false), at: z.number(), reason: z.enum(['cancelled', 'refused']) }),
]);
export type UpdateApplication = z.infer<typeof UpdateApplication>;

export const GenerationRecord = z.object({
  recordVersion: z.literal(RECORD_VERSION),
  id: RecordId,
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  requirements: z.string(),
  /** The model the run generated from in the end (Claude may have added or renamed entities). */
  spec: ProjectSpec,
  /**
   * The spec as the user reviewed it, with their edits, when the run changed it afterwards (Claude's
   * model); absent, `spec` is the reviewed spec. "Regenerate…" starts from this one.
   */
  reviewedSpec: ProjectSpec.optional(),
  /** The project this generation belongs to: the id of its first record (every later one of the same folder shares it). */
  projectId: RecordId,
  /** A first generation (or one into a folder that had files), or an update of an existing project. */
  kind: z.enum(['generate', 'update']).default('generate'),
  /** The project's record this one follows (the generation it regenerated or updated). */
  previousRecordId: RecordId.optional(),
  /** An update's fate after its preview (kind "update" only). */
  application: UpdateApplication.optional(),
  provider: z.enum(['offline', 'anthropic']),
  model: z.string().optional(),
  /** "running" is saved when a run starts: a record still running after its window died was interrupted. */
  status: z.enum(['running', 'succeeded', 'degraded', 'partial', 'failed', 'cancelled', 'interrupted']),
  /** Where the project was written (workspace-relative or absolute). */
  folder: z.string(),
  durationMs: z.number().min(0),
  usage: Usage,
  /**
   * The run's journal (JSON lines written live as it ran, core/pipeline/journal.ts): its event log,
   * kept as long as this record. Absent: the log is the `.events.json` beside the record (older
   * records, runs without a journal).
   */
  eventLog: z.string().max(4096).optional(),
  verification: z
    .object({
      ok: z.boolean(),
      failedStep: z.string().optional(),
      /** The run's verification outcome (model/run/outcome.ts); absent in records made before it was kept. */
      outcome: z.object({ kind: z.enum(['verified', 'failed', 'skipped', 'notAsked', 'pending']), step: z.string().optional(), detail: z.string().max(4000) }).optional(),
    })
    .optional(),
  files: z.array(z.object({ path: z.string(), sha256: z.string().length(64), bytes: z.number().int().min(0) })),
  rating: z.object({ up: z.boolean(), note: z.string().max(2000).optional(), at: z.number() }).optional(),
  /** Stages in the run's graph (its size, with the spec's entities, for forecasts). */
  stageCount: z.number().int().min(0),
  /** One outcome per stage instance: what learning and the metrics read. */
  stages: z.array(StageOutcome),
});
export type GenerationRecord = z.infer<typeof GenerationRecord>;

const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  /** Version 0 (before versioning): `name` instead of `folder`, cost only, no usage breakdown. */
  0: (old) => ({
    ...old,
    recordVersion: 1,
    folder: old.folder ?? old.name,
    usage: old.usage ?? { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: Number(old.costUsd ?? 0) },
  }),
  /** Version 1: no stage outcomes (nothing to learn from), size taken from the spec. */
  1: (old) => ({ ...old, recordVersion: 2, stageCount: old.stageCount ?? 0, stages: old.stages ?? [] }),
  /** Version 2: not linked to a project (each its own), `spec` the only spec kept. */
  2: (old) => ({ ...old, recordVersion: 3, projectId: old.projectId ?? old.id, kind: old.kind ?? 'generate' }),
};

/**
 * What became of verifying a recorded run, as the result view says it: kept with the record (older
 * records kept only whether it passed, and where it failed; none: it did not run).
 */
export function recordedVerification(record: Pick<GenerationRecord, 'verification'>): VerificationOutcome {
  const kept = record.verification;
  if (kept?.outcome) return kept.outcome;
  if (!kept) return { kind: 'skipped', detail: 'not run' };
  return kept.ok ? { kind: 'verified', detail: 'install, build and tests passed' } : { kind: 'failed', step: kept.failedStep, detail: 'see the run' };
}

/**
 * The outcome as a record keeps it once its run ended (`ok` and `failedStep` as before, for older
 * readers): verification still to come then never came.
 */
export function verificationRecord(ended: VerificationOutcome): NonNullable<GenerationRecord['verification']> {
  const outcome: VerificationOutcome = ended.kind === 'pending' ? { kind: 'skipped', detail: 'the run ended before verification' } : ended;
  return { ok: outcome.kind === 'verified', ...(outcome.kind === 'failed' && outcome.step ? { failedStep: outcome.step } : {}), outcome };
}

/** The spec "Regenerate…" starts from: the one the user reviewed (older records keep only the run's). */
export function reviewedSpecOf(record: Pick<GenerationRecord, 'spec' | 'reviewedSpec'>): ProjectSpec {
  return record.reviewedSpec ?? record.spec;
}

/**
 * The record once its run generated from `finalSpec` (Claude's model, say): that one becomes
 * `spec`, and the reviewed spec, with the user's edits, is kept beside it when they differ.
 */
export function withFinalSpec(record: GenerationRecord, finalSpec: ProjectSpec): GenerationRecord {
  const reviewed = reviewedSpecOf(record);
  const changed = JSON.stringify(finalSpec) !== JSON.stringify(reviewed);
  return { ...record, spec: finalSpec, reviewedSpec: changed ? reviewed : undefined };
}

/** Brings an older record up to the current version, one step at a time; newer ones are left to fail. */
export function migrateRecord(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  let record = raw as Record<string, unknown>;
  let version = typeof record.recordVersion === 'number' ? record.recordVersion : 0;
  while (version < RECORD_VERSION && MIGRATIONS[version]) {
    record = MIGRATIONS[version](record);
    version = record.recordVersion as number;
  }
  return record;
}

const EVENTS_SUFFIX = '.events.json';

/**
 * A record holds its spec and requirements: the largest spec the schema accepts (500 entities of
 * 200 fields) is about 13 MB as JSON, so 32 MB keeps every real record and refuses runaway ones.
 */
export const MAX_RECORD_BYTES = 32 * 1024 * 1024;
/** An event log repeats the spec when the data model changes; beyond this it is left out (the record still counts). */
export const MAX_EVENTS_BYTES = 64 * 1024 * 1024;

export class HistoryRecordTooLargeError extends Error {
  constructor(
    readonly id: string,
    readonly bytes: number,
    readonly limit: number,
    what: string,
  ) {
    super(`Generation ${id} was not saved to the history: its record is ${megabytes(bytes)}, over the ${megabytes(limit)} limit (${what}).`);
    this.name = 'HistoryRecordTooLargeError';
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The record's largest parts, to say what made it too large. */
function largestParts(record: GenerationRecord): string {
  const parts = Object.entries(record).map(([key, value]) => [key, Buffer.byteLength(JSON.stringify(value) ?? '')] as const);
  parts.sort((a, b) => b[1] - a[1]);
  return `largest: ${parts.slice(0, 2).map(([key, bytes]) => `${key} ${megabytes(bytes)}`).join(', ')}`;
}

export interface SaveOutcome {
  /** Why the event log was not written (too large); the record was. */
  eventsLeftOut?: string;
}

export interface HistoryStoreOptions {
  maxRecordBytes?: number;
  maxEventsBytes?: number;
}

export interface HistoryListing {
  records: GenerationRecord[];
  /** Files that could not be read as a record (damaged, or from a newer Takoss). */
  unreadable: string[];
}

export class HistoryStore {
  /** Parsed records by file name, with the size and time they were read at: listing again re-reads only what changed. */
  private readonly parsed = new Map<string, { mtimeMs: number; size: number; record: GenerationRecord | undefined }>();

  private readonly maxRecordBytes: number;
  private readonly maxEventsBytes: number;

  constructor(
    private readonly dir: string,
    options: HistoryStoreOptions = {},
  ) {
    this.maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
    this.maxEventsBytes = options.maxEventsBytes ?? MAX_EVENTS_BYTES;
  }

  private fileOf(record: Pick<GenerationRecord, 'id' | 'createdAt'>): string {
    // The time first, so a directory listing is already in order.
    return path.join(this.dir, `${String(record.createdAt).padStart(15, '0')}-${record.id}.json`);
  }

  private eventsFileOf(record: Pick<GenerationRecord, 'id' | 'createdAt'>): string {
    return this.fileOf(record).replace(/\.json$/, EVENTS_SUFFIX);
  }

  /**
   * Writes (or replaces) a record atomically; with events, its event log first (a record never
   * points at a missing log). A blind write: to change a record that may be changed at the same
   * time (a rating, the end of its run), use update.
   */
  async save(record: GenerationRecord, events?: readonly RunEvent[]): Promise<SaveOutcome> {
    const checked = GenerationRecord.parse(record);
    await mkdir(this.dir, { recursive: true });
    return withRecordLock(this.fileOf(checked), () => this.write(checked, events));
  }

  /** Size checks, then the log and the record; the caller holds the record's lock. */
  private async write(record: GenerationRecord, events?: readonly RunEvent[]): Promise<SaveOutcome> {
    const json = JSON.stringify(record);
    const bytes = Buffer.byteLength(json);
    if (bytes > this.maxRecordBytes) throw new HistoryRecordTooLargeError(record.id, bytes, this.maxRecordBytes, largestParts(record));
    const outcome: SaveOutcome = {};
    // A run with a journal has its events there already: they are not stored twice.
    if (events && !record.eventLog) {
      const log = JSON.stringify(events);
      const logBytes = Buffer.byteLength(log);
      if (logBytes > this.maxEventsBytes) {
        // The record is worth keeping without its replay; an older log of it would be stale.
        outcome.eventsLeftOut = `its event log is ${megabytes(logBytes)}, over the ${megabytes(this.maxEventsBytes)} limit: the run cannot be replayed from the history`;
        await rm(this.eventsFileOf(record), { force: true });
      } else {
        await writeAtomically(this.eventsFileOf(record), log);
      }
    }
    await writeAtomically(this.fileOf(record), json);
    return outcome;
  }

  /**
   * A record's event log: its run's journal, or the log beside it (empty when it has none, or it is
   * damaged or too large: the record itself still counts).
   */
  async events(record: Pick<GenerationRecord, 'id' | 'createdAt' | 'eventLog'>): Promise<RunEvent[]> {
    return readEventLog(record, this.eventsFileOf(record), this.maxEventsBytes);
  }

  /** Every readable record, newest first. */
  async list(): Promise<HistoryListing> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return { records: [], unreadable: [] };
    }
    const records: GenerationRecord[] = [];
    const unreadable: string[] = [];
    const wanted = names.filter((n) => n.endsWith('.json') && !n.endsWith(EVENTS_SUFFIX)).sort().reverse();
    const present = new Set(wanted);
    for (const name of [...this.parsed.keys()]) if (!present.has(name)) this.parsed.delete(name);
    for (const name of wanted) {
      const record = await this.read(name);
      if (record) records.push(record);
      else unreadable.push(name);
    }
    return { records, unreadable };
  }

  /** One record file, parsed (and migrated) only when its size or time changed since it was last read. */
  private async read(name: string): Promise<GenerationRecord | undefined> {
    const file = path.join(this.dir, name);
    try {
      const { mtimeMs, size } = await stat(file);
      const known = this.parsed.get(name);
      if (known && known.mtimeMs === mtimeMs && known.size === size) return known.record;
      if (size > this.maxRecordBytes) {
        // Not ours to read into memory (a record this store would have refused): unreadable.
        this.parsed.set(name, { mtimeMs, size, record: undefined });
        return undefined;
      }
      const parsed = GenerationRecord.safeParse(migrateRecord(JSON.parse(await readFile(file, 'utf8'))));
      const record = parsed.success ? parsed.data : undefined;
      this.parsed.set(name, { mtimeMs, size, record });
      return record;
    } catch {
      this.parsed.delete(name);
      return undefined;
    }
  }

  async get(id: string): Promise<GenerationRecord | undefined> {
    return (await this.list()).records.find((record) => record.id === id);
  }

  /**
   * Changes one record (its rating, the end of its run), with `events` also its log. Changes to a
   * record never interleave, in this window or another: each reads the record as the one before it
   * left it. `change` returning the record itself writes nothing. Undefined when there is no record.
   */
  async update(
    id: string,
    change: (record: GenerationRecord) => GenerationRecord,
    options: { events?: readonly RunEvent[]; onSaved?: (outcome: SaveOutcome) => void } = {},
  ): Promise<GenerationRecord | undefined> {
    const found = await this.get(id);
    if (!found) return undefined;
    const file = this.fileOf(found);
    return withRecordLock(file, async () => {
      const current = await this.readFresh(file);
      if (!current) return undefined; // deleted meanwhile
      const next = change(current);
      if (next === current) return current;
      const checked = GenerationRecord.parse(next);
      if (checked.id !== current.id || checked.createdAt !== current.createdAt) throw new Error(`An update of generation ${id} may not change its id or creation time`);
      const outcome = await this.write(checked, options.events);
      options.onSaved?.(outcome);
      return checked;
    });
  }

  /** The record in `file` as it is on disk now (no cache: another window may just have changed it). */
  private async readFresh(file: string): Promise<GenerationRecord | undefined> {
    try {
      if ((await stat(file)).size > this.maxRecordBytes) return undefined;
      const parsed = GenerationRecord.safeParse(migrateRecord(JSON.parse(await readFile(file, 'utf8'))));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Forgets a record (the generated files are not touched). */
  async delete(id: string): Promise<boolean> {
    const record = await this.get(id);
    if (!record) return false;
    await withRecordLock(this.fileOf(record), async () => {
      await rm(this.fileOf(record), { force: true });
      await deleteEventLog(record, this.eventsFileOf(record));
    });
    return true;
  }
}

/** Temporary file + rename: readers see the old content or the new, never half of either. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
