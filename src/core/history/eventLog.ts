// Where a recorded run's events are: one store per run. A run with a journal (core/pipeline/journal.ts,
// JSON lines written live as the run goes, in the workspace's storage) has its record point at that
// journal, which is then its event log for as long as the record lives: nothing is copied at the end.
// Records of runs without a journal, and records written before, keep a `.events.json` beside them.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { RunEvent } from '../../model/run/events';
import { readJournal } from '../pipeline/journal';

interface LoggedRecord {
  id: string;
  /** The run's journal, when it had one. */
  eventLog?: string;
}

/**
 * Whether `record.eventLog` is this run's journal: named after the run (a record file edited to name
 * another file must not make the history read or delete it) and headed with its id.
 */
async function journalOf(record: LoggedRecord, maxBytes: number): Promise<Awaited<ReturnType<typeof readJournal>>> {
  const file = record.eventLog;
  if (!file || !path.isAbsolute(file) || path.basename(file) !== `${record.id}.jsonl`) return undefined;
  const size = (await stat(file).catch(() => undefined))?.size;
  if (size === undefined || size > maxBytes) return undefined;
  const journal = await readJournal(file);
  return journal?.header.runId === record.id ? journal : undefined;
}

/** A recorded run's events: from its journal, else from the `.events.json` beside the record (`legacyFile`). */
export async function readEventLog(record: LoggedRecord, legacyFile: string, maxBytes: number): Promise<RunEvent[]> {
  if (record.eventLog) return (await journalOf(record, maxBytes))?.events ?? [];
  try {
    if ((await stat(legacyFile)).size > maxBytes) return [];
    const parsed = z.array(RunEvent).safeParse(JSON.parse(await readFile(legacyFile, 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Deletes a record's event log: its journal (only when it is this run's), and the file beside it. */
export async function deleteEventLog(record: LoggedRecord, legacyFile: string): Promise<void> {
  if (record.eventLog && (await journalOf(record, Number.MAX_SAFE_INTEGER))) await rm(record.eventLog, { force: true });
  await rm(legacyFile, { force: true });
}
