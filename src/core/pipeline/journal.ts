// The run journal: one JSON-lines file per run, a header (what is generated, where, from which
// spec) and then every event as it happens. Appends are serialised; a crash can at worst tear the
// last line, which the reader skips. After a window reload the panel redraws the interrupted run
// from it (and a resume can re-run only the stages that had not finished). It is also the run's
// one event log: the history record of the run points at it (core/history/eventLog.ts).
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { ProjectSpec } from '../../model/project/projectSpec';
import { AcceptedModel, RunEvent } from '../../model/run/events';

export const JOURNAL_VERSION = 1;

export const JournalHeader = z.object({
  journalVersion: z.literal(JOURNAL_VERSION),
  runId: z.string().regex(/^[A-Za-z0-9-]{1,100}$/),
  /** Workspace-relative folder the project is written to. */
  folder: z.string().max(500),
  projectName: z.string().max(100),
  provider: z.enum(['offline', 'anthropic']),
  startedAt: z.number(),
  entities: z.array(z.string()),
  warnings: z.array(z.string()),
  spec: ProjectSpec,
  /** The spec is Claude's model as accepted in the review step (a resumed run does not ask again either). */
  acceptedModel: AcceptedModel.optional(),
});
export type JournalHeader = z.infer<typeof JournalHeader>;

export interface JournalContents {
  header: JournalHeader;
  events: RunEvent[];
  /** The run reached runFinished; otherwise it was interrupted (window reload, crash). */
  finished: boolean;
  /** Lines that could not be read (a torn last line after a crash, or damage). */
  skippedLines: number;
}

export class RunJournal {
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;

  private constructor(readonly file: string) {}

  /** Creates the journal file with its header line. */
  static async create(dir: string, header: JournalHeader): Promise<RunJournal> {
    const checked = JournalHeader.parse(header);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${checked.runId}.jsonl`);
    await writeFile(file, JSON.stringify(checked) + '\n', { flag: 'wx' });
    return new RunJournal(file);
  }

  /** Queues one event; writes happen in order. A failed write is kept and reported by flush(). */
  append(event: RunEvent): void {
    const line = JSON.stringify(event) + '\n';
    this.queue = this.queue.then(() =>
      appendFile(this.file, line).catch((error: unknown) => {
        this.failure ??= error;
      }),
    );
  }

  /** Waits for queued writes; rejects with the first write error, if any. */
  async flush(): Promise<void> {
    await this.queue;
    if (this.failure) throw this.failure;
  }
}

/**
 * The spec each stage left for the later ones, as the run told it (specUpdated; the last one per
 * stage wins): a resumed run continues from Claude's refined model instead of the reviewed one.
 */
export function journaledSpecs(events: readonly RunEvent[]): Map<string, ProjectSpec> {
  const specs = new Map<string, ProjectSpec>();
  for (const event of events) if (event.type === 'specUpdated') specs.set(event.stageId, event.spec);
  return specs;
}

export async function readJournal(file: string): Promise<JournalContents | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n').filter((line) => line.trim());
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      return undefined;
    }
  };
  const header = JournalHeader.safeParse(parse(lines[0] ?? ''));
  if (!header.success) return undefined;
  const events: RunEvent[] = [];
  let skippedLines = 0;
  for (const line of lines.slice(1)) {
    const event = RunEvent.safeParse(parse(line));
    if (event.success && event.data.runId === header.data.runId) events.push(event.data);
    else skippedLines++;
  }
  return { header: header.data, events, finished: events.some((e) => e.type === 'runFinished'), skippedLines };
}

/** The journal of the most recently started run in `dir`, if any is readable. */
export async function latestJournal(dir: string): Promise<JournalContents | undefined> {
  const files = await journalFiles(dir);
  for (const file of files) {
    const contents = await readJournal(file);
    if (contents) return contents;
  }
  return undefined;
}

/** Journal files, newest first. */
async function journalFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return [];
  }
  const withTimes = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { file, time: (await stat(file).catch(() => undefined))?.mtimeMs ?? 0 };
    }),
  );
  return withTimes.sort((a, b) => b.time - a.time).map((entry) => entry.file);
}

/**
 * Deletes old journals. A journal a history record refers to (`recorded`, by run id) is that record's
 * event log: it stays as long as the record (deleting the record deletes it). Of the others (no
 * history here, or the record is gone), the newest `keep` stay, for reload and resume.
 */
export async function pruneJournals(dir: string, keep = 20, recorded: ReadonlySet<string> = new Set()): Promise<number> {
  const files = await journalFiles(dir);
  const old = files.filter((file) => !recorded.has(path.basename(file, '.jsonl'))).slice(keep);
  await Promise.all(old.map((file) => rm(file, { force: true })));
  return old.length;
}

/** The newest readable journal whose header matches (e.g. the run that wrote a given folder). */
export async function findJournal(dir: string, matches: (header: JournalHeader) => boolean): Promise<JournalContents | undefined> {
  for (const file of await journalFiles(dir)) {
    const contents = await readJournal(file);
    if (contents && matches(contents.header)) return contents;
  }
  return undefined;
}
