// The generation history (issue #7's store): one JSON file per generation in a folder (the
// extension passes its globalStorageUri path). One file per record means two VS Code windows
// writing at once never lose each other's records; each write goes to a temporary file that is
// renamed into place, so a crash mid-write leaves the old record or none, never half of one.
// Records carry a version; older shapes are migrated when read.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Usage } from '../pipeline/events';
import { ProjectSpec } from '../spec/projectSpec';

export const RECORD_VERSION = 1;

export const GenerationRecord = z.object({
  recordVersion: z.literal(RECORD_VERSION),
  id: z.string().regex(/^[A-Za-z0-9-]{1,100}$/),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  requirements: z.string(),
  spec: ProjectSpec,
  provider: z.enum(['offline', 'anthropic']),
  model: z.string().optional(),
  status: z.enum(['succeeded', 'partial', 'failed', 'cancelled', 'interrupted']),
  /** Where the project was written (workspace-relative or absolute). */
  folder: z.string(),
  durationMs: z.number().min(0),
  usage: Usage,
  verification: z.object({ ok: z.boolean(), failedStep: z.string().optional() }).optional(),
  files: z.array(z.object({ path: z.string(), sha256: z.string().length(64), bytes: z.number().int().min(0) })),
  rating: z.object({ up: z.boolean(), note: z.string().max(2000).optional(), at: z.number() }).optional(),
});
export type GenerationRecord = z.infer<typeof GenerationRecord>;

/** Version 0 (before versioning): `name` instead of `folder`, cost only, no usage breakdown. */
function migrate(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !('recordVersion' in raw)) {
    const old = raw as Record<string, unknown>;
    return {
      ...old,
      recordVersion: RECORD_VERSION,
      folder: old.folder ?? old.name,
      usage: old.usage ?? { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: Number(old.costUsd ?? 0) },
    };
  }
  return raw;
}

export interface HistoryListing {
  records: GenerationRecord[];
  /** Files that could not be read as a record (damaged, or from a newer Takoss). */
  unreadable: string[];
}

export class HistoryStore {
  constructor(private readonly dir: string) {}

  private fileOf(record: Pick<GenerationRecord, 'id' | 'createdAt'>): string {
    // The time first, so a directory listing is already in order.
    return path.join(this.dir, `${String(record.createdAt).padStart(15, '0')}-${record.id}.json`);
  }

  /** Writes (or replaces) a record atomically. */
  async save(record: GenerationRecord): Promise<void> {
    const checked = GenerationRecord.parse(record);
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(checked);
    const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify(checked));
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
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
    for (const name of names.filter((n) => n.endsWith('.json')).sort().reverse()) {
      try {
        const parsed = GenerationRecord.safeParse(migrate(JSON.parse(await readFile(path.join(this.dir, name), 'utf8'))));
        if (parsed.success) records.push(parsed.data);
        else unreadable.push(name);
      } catch {
        unreadable.push(name);
      }
    }
    return { records, unreadable };
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
    return true;
  }
}
