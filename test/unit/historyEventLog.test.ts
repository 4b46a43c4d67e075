// One store of a run's events: the run's journal, written live, is its history record's event log
// (nothing is copied at the end); records written before, or of runs without a journal, keep a log
// beside them, and both still open. Pruning journals follows the history, not a count.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type GenerationRecord, HistoryStore } from '../../src/core/history/store';
import { pruneJournals, RunJournal } from '../../src/core/pipeline/journal';
import { type RunEvent, RunEventStream } from '../../src/model/run/events';
import { historyRecord, journalHeader } from '../shared/runRecords';

const header = journalHeader;
const record = (id: string, createdAt: number, eventLog?: string): GenerationRecord => historyRecord(id, createdAt, eventLog ? { eventLog } : {});

/** A run journaled live into `dir`: its journal and the events it told. */
async function journaledRun(dir: string, runId: string): Promise<{ journal: RunJournal; events: RunEvent[] }> {
  const journal = await RunJournal.create(dir, header(runId));
  const stream = new RunEventStream(runId);
  stream.subscribe((event) => journal.append(event));
  stream.emit({ type: 'runStarted', concurrency: 1, stages: [{ id: 'gen', title: 'Generate', dependsOn: [] }] });
  stream.emit({ type: 'fileProduced', stageId: 'gen', path: 'README.md', bytes: 3, sha256: 'b'.repeat(64) });
  stream.emit({ type: 'warning', message: 'told live' });
  await journal.flush();
  return { journal, events: stream.events };
}

describe('history: the run journal is the record’s event log', () => {
  it('a record pointing at its run’s journal replays it, stores no second log, and takes the journal with it when deleted', async () => {
    const historyDir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const journalDir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journals-'));
    const store = new HistoryStore(historyDir);
    const { journal, events } = await journaledRun(journalDir, 'live');
    await store.save(record('live', 1000, journal.file), events);
    assert.deepEqual(readdirSync(historyDir), ['000000000001000-live.json'], 'no .events.json: the journal is the log');
    assert.deepEqual(await store.events((await store.get('live')) as GenerationRecord), events);
    // Events told after the record was saved (git's result) are in the log too: it is written live.
    journal.append({ type: 'gitResult', runId: 'live', seq: events.length, at: 9, outcome: 'skipped', detail: 'not asked' });
    await journal.flush();
    assert.equal((await store.events(record('live', 1000, journal.file))).at(-1)?.type, 'gitResult');
    await store.delete('live');
    assert.deepEqual([readdirSync(historyDir), existsSync(journal.file)], [[], false]);
  });

  it('older records, with their own event log beside them, still open', async () => {
    const historyDir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const { events } = await journaledRun(mkdtempSync(path.join(os.tmpdir(), 'takoss-journals-')), 'old');
    // As a Takoss before this change wrote it: the record, and its log as a JSON array beside it.
    writeFileSync(path.join(historyDir, '000000000000500-old.json'), JSON.stringify(record('old', 500)));
    writeFileSync(path.join(historyDir, '000000000000500-old.events.json'), JSON.stringify(events));
    const store = new HistoryStore(historyDir);
    const old = (await store.get('old')) as GenerationRecord;
    assert.equal(old.eventLog, undefined);
    assert.deepEqual(await store.events(old), events);
    // A run without a journal (no workspace storage) still keeps its log beside its record.
    await store.save(record('unjournaled', 600), events);
    assert.ok(readdirSync(historyDir).includes('000000000000600-unjournaled.events.json'));
    assert.deepEqual(await store.events(record('unjournaled', 600)), events);
  });

  it('never reads nor deletes a file a record names that is not its run’s journal', async () => {
    const historyDir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const journalDir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journals-'));
    const store = new HistoryStore(historyDir);
    const other = await journaledRun(journalDir, 'someone-else');
    const precious = path.join(journalDir, 'tampered.jsonl');
    writeFileSync(precious, 'not a journal\n');
    for (const [id, eventLog] of [['tampered', precious], ['borrowing', other.journal.file], ['relative', 'relative.jsonl']]) {
      await store.save(record(id, 700, eventLog));
      assert.deepEqual(await store.events(record(id, 700, eventLog)), [], id);
      await store.delete(id);
    }
    assert.ok(existsSync(precious) && existsSync(other.journal.file), 'both files are still there');
  });

  it('pruning keeps every journal a record refers to; of the rest, the newest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journals-'));
    for (const [index, id] of ['recorded-old', 'stray-old', 'stray-new'].entries()) {
      const { journal } = await journaledRun(dir, id);
      const time = new Date(Date.now() - (3 - index) * 60_000);
      utimesSync(journal.file, time, time);
    }
    assert.equal(await pruneJournals(dir, 1, new Set(['recorded-old'])), 1);
    assert.deepEqual(readdirSync(dir).sort(), ['recorded-old.jsonl', 'stray-new.jsonl']);
  });
});
