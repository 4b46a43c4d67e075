import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunEventStream } from '../../src/model/run/events';
import { latestJournal, pruneJournals, readJournal, RunJournal } from '../../src/core/pipeline/journal';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { markInterrupted, replayRun } from '../../src/model/run/runState';
import { blogSpec, journalHeader } from '../shared/runRecords';

const spec = blogSpec;
const header = journalHeader;

describe('run journal', () => {
  it('records a whole run; reading it back replays to the same state', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journal-'));
    const stream = new RunEventStream('run-a');
    const journal = await RunJournal.create(dir, header('run-a'));
    stream.subscribe((event) => journal.append(event));
    await runGeneration({ input: { kind: 'spec', spec }, stream });
    await journal.flush();
    const contents = await readJournal(journal.file);
    assert.ok(contents);
    assert.equal(contents.finished, true);
    assert.equal(contents.skippedLines, 0);
    assert.equal(contents.header.spec.name, 'blog');
    assert.deepEqual(replayRun(contents.events), replayRun(stream.events));
    const started = contents.events[0];
    assert.ok(started.type === 'runStarted' && started.stages.every((stage) => (stage.description ?? '').length > 10), 'each stage says what it is for');
  });

  it('an interrupted run (no runFinished, torn last line) reads as interrupted and redraws as cancelled', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journal-'));
    const full = new RunEventStream('run-b');
    await runGeneration({ input: { kind: 'spec', spec }, stream: full });
    const cut = full.events.slice(0, Math.floor(full.events.length / 2));
    const journal = await RunJournal.create(dir, header('run-b'));
    for (const event of cut) journal.append(event);
    await journal.flush();
    appendFileSync(journal.file, '{"type":"stageFinished","runId":"run-b","se'); // the crash tore the last write
    const contents = await readJournal(journal.file);
    assert.ok(contents);
    assert.equal(contents.finished, false);
    assert.equal(contents.events.length, cut.length);
    assert.equal(contents.skippedLines, 1);
    const state = markInterrupted(replayRun(contents.events));
    assert.equal(state.status, 'cancelled');
    assert.ok(Object.values(state.stages).some((s) => s.status === 'succeeded'), 'finished stages stay done');
    assert.ok(!Object.values(state.stages).some((s) => ['running', 'queued', 'pending', 'retrying'].includes(s.status)));
    assert.equal(markInterrupted(replayRun(full.events)).status, replayRun(full.events).status, 'a finished run is left alone');
  });

  it('finds the newest readable journal, ignores damaged ones, and prunes old ones', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journal-'));
    assert.equal(await latestJournal(dir), undefined);
    assert.equal(await latestJournal(path.join(dir, 'missing')), undefined);
    for (const [index, id] of ['old', 'middle', 'new'].entries()) {
      const journal = await RunJournal.create(dir, header(id));
      await journal.flush();
      const time = new Date(Date.now() - (3 - index) * 60_000);
      utimesSync(journal.file, time, time);
    }
    writeFileSync(path.join(dir, 'broken.jsonl'), 'not json\n');
    assert.equal((await latestJournal(dir))?.header.runId, 'new', 'the damaged (newest) file is skipped');
    assert.equal(await readJournal(path.join(dir, 'broken.jsonl')), undefined);
    const ancient = new Date(Date.now() - 3600_000);
    utimesSync(path.join(dir, 'broken.jsonl'), ancient, ancient);
    assert.equal(await pruneJournals(dir, 2), 2, 'the oldest two go');
    assert.deepEqual(readdirSync(dir).sort(), ['middle.jsonl', 'new.jsonl']);
    await assert.rejects(RunJournal.create(dir, header('new')), /EEXIST/, 'never overwrites a journal');
    await assert.rejects(RunJournal.create(dir, { ...header('x'), runId: '../escape' }), /runId|Invalid/);
    assert.match(readFileSync(path.join(dir, 'new.jsonl'), 'utf8'), /"journalVersion":1/);
  });
});
