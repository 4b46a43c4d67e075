// The generation history (issue #7's store): one JSON file per generation in a folder (the
// extension passes its globalStorageUri path). One file per record means two VS Code windows
// writing at once never lose each other's records; each write goes to a temporary file that is
// renamed into place, so a crash mid-write leaves the old record or none, never half of one.
// Records carry a version; older shapes are migrated when read. A record's event log (for replaying
// the run into the execution tree) is a second file beside it, so listing stays cheap.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { StageOutcome } from '../learning/outcome';
import { RunEvent, Usage } from '../pipeline/events';
import { ProjectSpec } from '../spec/projectSpec';

export const RECORD_VERSION = 2;

export const GenerationRecord = z.object({
  recordVersion: z.literal(RECORD_VERSION),
  id: z.string().regex(/^[A-Za-z0-9-]{1,100}$/),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  requirements: z.string(),
  spec: ProjectSpec,
  provider: z.enum(['offline', 'anthropic']),
  model: z.string().optional(),
  /** "running" is saved when a run starts: a record still running after its window died was interrupted. */
  status: z.enum(['running', 'succeeded', 'degraded', 'partial', 'failed', 'cancelled', 'interrupted']),
  /** Where the project was written (workspace-relative or absolute). */
  folder: z.string(),
  durationMs: z.number().min(0),
  usage: Usage,
  verification: z.object({ ok: z.boolean(), failedStep: z.string().optional() }).optional(),
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
};

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

export interface HistoryListing {
  records: GenerationRecord[];
  /** Files that could not be read as a record (damaged, or from a newer Takoss). */
  unreadable: string[];
}

export class HistoryStore {
  /** Parsed records by file name, with the size and time they were read at: listing again re-reads only what changed. */
  private readonly parsed = new Map<string, { mtimeMs: number; size: number; record: GenerationRecord | undefined }>();

  constructor(private readonly dir: string) {}

  private fileOf(record: Pick<GenerationRecord, 'id' | 'createdAt'>): string {
    // The time first, so a directory listing is already in order.
    return path.join(this.dir, `${String(record.createdAt).padStart(15, '0')}-${record.id}.json`);
  }

  private eventsFileOf(record: Pick<GenerationRecord, 'id' | 'createdAt'>): string {
    return this.fileOf(record).replace(/\.json$/, EVENTS_SUFFIX);
  }

  /** Writes (or replaces) a record atomically; with events, its event log first (a record never points at a missing log). */
  async save(record: GenerationRecord, events?: readonly RunEvent[]): Promise<void> {
    const checked = GenerationRecord.parse(record);
    await mkdir(this.dir, { recursive: true });
    if (events) await writeAtomically(this.eventsFileOf(checked), JSON.stringify(events));
    await writeAtomically(this.fileOf(checked), JSON.stringify(checked));
  }

  /** A record's event log (empty when it has none or it is damaged: the record itself still counts). */
  async events(record: Pick<GenerationRecord, 'id' | 'createdAt'>): Promise<RunEvent[]> {
    try {
      const parsed = z.array(RunEvent).safeParse(JSON.parse(await readFile(this.eventsFileOf(record), 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
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

  /** Changes one record (e.g. its rating); the last writer wins for that one record only. */
  async update(id: string, change: (record: GenerationRecord) => GenerationRecord): Promise<GenerationRecord | undefined> {
    const record = await this.get(id);
    if (!record) return undefined;
    const next = change(record);
    await this.save(next);
    return next;
  }

  /** Forgets a record (the generated files are not touched). */
  async delete(id: string): Promise<boolean> {
    const record = await this.get(id);
    if (!record) return false;
    await rm(this.fileOf(record), { force: true });
    await rm(this.eventsFileOf(record), { force: true });
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
