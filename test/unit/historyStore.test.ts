import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STALE_LOCK_MS } from '../../src/core/history/recordLock';
import { generationsByProject, linkForFolder } from '../../src/core/history/projects';
import { type GenerationRecord, HistoryRecordTooLargeError, HistoryStore, MAX_RECORD_BYTES, RECORD_VERSION, reviewedSpecOf, withFinalSpec } from '../../src/core/history/store';
import { blogSpec, historyRecord } from '../shared/runRecords';

const spec = blogSpec;
const record = (id: string, createdAt: number): GenerationRecord => historyRecord(id, createdAt);

describe('generation history store', () => {
  it('saves, lists newest first, updates a rating, deletes', async () => {
    const store = new HistoryStore(mkdtempSync(path.join(os.tmpdir(), 'takoss-history-')));
    assert.deepEqual((await store.list()).records, []);
    await store.save(record('old', 1000));
    await store.save(record('new', 2000));
    assert.deepEqual((await store.list()).records.map((r) => r.id), ['new', 'old']);
    await store.update('old', (r) => ({ ...r, rating: { up: true, note: 'nice', at: 3000 } }));
    assert.equal((await store.get('old'))?.rating?.up, true);
    assert.equal(await store.delete('new'), true);
    assert.equal(await store.delete('new'), false);
    assert.deepEqual((await store.list()).records.map((r) => r.id), ['old']);
    await assert.rejects(store.save({ ...record('x', 1), id: '../escape' }), /Invalid|regex|id/);
  });

  it('a crash mid-write leaves no half record: temporary and damaged files are skipped and reported', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir);
    await store.save(record('kept', 1000));
    writeFileSync(path.join(dir, '000000000002000-torn.json.ab12cd34.tmp'), '{"recordVersion":1,"id":"torn"');
    writeFileSync(path.join(dir, '000000000003000-damaged.json'), '{"recordVersion":1,"id":"dam');
    const listing = await store.list();
    assert.deepEqual(listing.records.map((r) => r.id), ['kept']);
    assert.deepEqual(listing.unreadable, ['000000000003000-damaged.json']);
  });

  it('reads records written before versioning (migration)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const { recordVersion: _version, folder: _folder, usage: _usage, ...old } = record('legacy', 500);
    writeFileSync(path.join(dir, '000000000000500-legacy.json'), JSON.stringify({ ...old, name: 'blog', costUsd: 0.25 }));
    const [migrated] = (await new HistoryStore(dir).list()).records;
    assert.equal(migrated?.folder, 'blog');
    assert.equal(migrated?.usage.costUsd, 0.25);
    assert.deepEqual(migrated?.stages, [], 'and on through version 1 to the current one');
    assert.equal(migrated?.recordVersion, RECORD_VERSION);
  });

  it('reads version 1 records (before stage outcomes) and refuses ones from a newer Takoss', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const { stageCount: _count, stages: _stages, ...v1 } = record('v1', 700);
    writeFileSync(path.join(dir, '000000000000700-v1.json'), JSON.stringify({ ...v1, recordVersion: 1 }));
    writeFileSync(path.join(dir, '000000000000800-future.json'), JSON.stringify({ ...record('future', 800), recordVersion: RECORD_VERSION + 1 }));
    const listing = await new HistoryStore(dir).list();
    assert.deepEqual(listing.records.map((r) => [r.id, r.recordVersion, r.stages.length]), [['v1', RECORD_VERSION, 0]]);
    assert.deepEqual(listing.unreadable, ['000000000000800-future.json']);
  });

  it('reads version 2 records (before projects) as generations of a project of their own, with their spec as the reviewed one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const { projectId: _project, kind: _kind, ...v2 } = record('v2', 900);
    writeFileSync(path.join(dir, '000000000000900-v2.json'), JSON.stringify({ ...v2, recordVersion: 2 }));
    const [migrated] = (await new HistoryStore(dir).list()).records;
    assert.equal(migrated?.recordVersion, RECORD_VERSION);
    assert.equal(migrated?.projectId, 'v2');
    assert.equal(migrated?.kind, 'generate');
    assert.equal(migrated?.previousRecordId, undefined);
    assert.equal(migrated && reviewedSpecOf(migrated), migrated?.spec);
  });

  it('keeps the reviewed spec and the project link of a record, and refuses a malformed link', async () => {
    const store = new HistoryStore(mkdtempSync(path.join(os.tmpdir(), 'takoss-history-')));
    const reviewed = { ...spec, title: 'Reviewed blog', entities: spec.entities.map((e) => ({ ...e, label: `${e.label} (edited)` })) };
    await store.save({ ...record('second', 2000), projectId: 'first', kind: 'update', previousRecordId: 'first', reviewedSpec: reviewed });
    const saved = await store.get('second');
    assert.ok(saved);
    assert.deepEqual([saved.projectId, saved.kind, saved.previousRecordId], ['first', 'update', 'first']);
    assert.deepEqual(reviewedSpecOf(saved), reviewed, 'the review edits come back as they were');
    assert.deepEqual(saved.spec, spec, 'beside the spec the run generated from');
    await assert.rejects(store.save({ ...record('x', 1), previousRecordId: '../other' }), /previousRecordId/);
    await assert.rejects(store.save({ ...record('y', 1), kind: 'rewrite' as 'update' }), /kind/);
  });

  it("keeps whether an update was applied (with its counts) or not, reads records without it, and refuses a malformed one", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir);
    const update = (id: string, createdAt: number): GenerationRecord => ({ ...record(id, createdAt), kind: 'update', projectId: 'first', previousRecordId: 'first' });
    await store.save(update('applied', 1000));
    await store.save(update('dropped', 2000));
    await store.save(update('undecided', 3000));
    await store.update('applied', (r) => ({ ...r, application: { applied: true, at: 1500, written: 7, merged: 2, conflicts: 1 } }));
    await store.update('dropped', (r) => ({ ...r, application: { applied: false, at: 2500, reason: 'cancelled' } }));
    const fresh = new HistoryStore(dir);
    assert.deepEqual((await fresh.get('applied'))?.application, { applied: true, at: 1500, written: 7, merged: 2, conflicts: 1 });
    assert.deepEqual((await fresh.get('dropped'))?.application, { applied: false, at: 2500, reason: 'cancelled' });
    const undecided = await fresh.get('undecided');
    assert.ok(undecided, 'a record without it (an older one, or one still previewed) is read');
    assert.equal(undecided.application, undefined);
    await assert.rejects(store.update('undecided', (r) => ({ ...r, application: { applied: true, at: 1, written: -1, merged: 0, conflicts: 0 } })));
    await assert.rejects(store.update('undecided', (r) => ({ ...r, application: { applied: false, at: 1, reason: 'forgotten' } as never })));
    writeFileSync(path.join(dir, '000000000004000-torn.json'), JSON.stringify({ ...update('torn', 4000), application: { applied: true, at: 1 } }));
    assert.equal(await fresh.get('torn'), undefined, 'an applied update without its counts is not a record');
  });

  it("keeps the reviewed spec beside the run's final one only when the run changed it (Claude's model), and only the first reviewed one", () => {
    const reviewed = { ...spec, title: 'Reviewed blog' };
    const claudes = { ...reviewed, entities: [...reviewed.entities, { ...reviewed.entities[0], name: 'Comment' }] };
    const started = { ...record('run', 1000), spec: reviewed };
    const changed = withFinalSpec(started, claudes);
    assert.equal(changed.spec, claudes);
    assert.equal(changed.reviewedSpec, reviewed);
    assert.equal(reviewedSpecOf(withFinalSpec(changed, { ...claudes, title: 'Again' })), reviewed, 'a later final spec never replaces the reviewed one');
    const same = withFinalSpec(started, JSON.parse(JSON.stringify(reviewed)));
    assert.equal(same.reviewedSpec, undefined, 'offline the run generates the reviewed spec: kept once');
    assert.deepEqual(reviewedSpecOf(same), reviewed);
  });

  it('links a run to the latest generation of its folder only when the folder already held files', () => {
    const at = (id: string, createdAt: number, folder: string, projectId = id) => ({ id, createdAt, folder, projectId });
    const records = [at('a1', 1000, '/ws/blog'), at('a2', 3000, '/ws/blog', 'a1'), at('b1', 2000, '/ws/shop')];
    assert.deepEqual(linkForFolder(records, '/ws/blog', true, 'new'), { projectId: 'a1', previousRecordId: 'a2' });
    assert.deepEqual(linkForFolder(records, '/ws/blog', false, 'new'), { projectId: 'new' }, 'an emptied folder starts a new project');
    assert.deepEqual(linkForFolder(records, '/ws/other', true, 'new'), { projectId: 'new' }, 'files Takoss never recorded');
    assert.deepEqual(linkForFolder([...records, at('new', 4000, '/ws/blog')], '/ws/blog', true, 'new'), { projectId: 'a1', previousRecordId: 'a2' }, 'never itself');
    const grouped = generationsByProject([...records, at('c1', 500, '/ws/blog')]);
    assert.deepEqual([...grouped].map(([project, generations]) => [project, generations.map((g) => g.id)]), [
      ['a1', ['a2', 'a1']],
      ['b1', ['b1']],
      ['c1', ['c1']],
    ]);
  });

  it('keeps each record\'s event log beside it, and deletes both', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir);
    const events = [{ type: 'warning' as const, message: 'hello', runId: 'with-log', seq: 0, at: 1 }];
    await store.save(record('with-log', 900), events);
    assert.deepEqual((await store.list()).records.map((r) => r.id), ['with-log'], 'the log is not listed as a record');
    assert.deepEqual(await store.events(record('with-log', 900)), events);
    assert.deepEqual(await store.events(record('none', 1)), []);
    await store.delete('with-log');
    assert.deepEqual(readdirSync(dir), []);
  });

  it('lists again cheaply but never stale: changes, deletions and damage by another window are seen', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const ours = new HistoryStore(dir);
    const theirs = new HistoryStore(dir);
    await ours.save(record('a', 1000));
    await ours.save(record('b', 2000));
    assert.deepEqual((await ours.list()).records.map((r) => r.id), ['b', 'a']);
    await theirs.update('a', (r) => ({ ...r, rating: { up: false, note: 'from the other window', at: 5 } }));
    await theirs.delete('b');
    await theirs.save(record('c', 3000));
    const listing = await ours.list();
    assert.deepEqual(listing.records.map((r) => r.id), ['c', 'a']);
    assert.equal(listing.records[1].rating?.note, 'from the other window');
    writeFileSync(path.join(dir, '000000000003000-c.json'), '{"damaged":');
    assert.deepEqual((await ours.list()).unreadable, ['000000000003000-c.json']);
  });

  it('two processes (two VS Code windows) writing at once lose nothing', async function () {
    // Two Node processes start (one loads the extractor): seconds on a loaded 2-core machine, more than mocha's 10 s default.
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const storeModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'history', 'store.js');
    const extractModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'extract', 'index.js');
    const script = (window: string) => `
      const { HistoryStore } = require(${JSON.stringify(storeModule)});
      const { extractSpec } = require(${JSON.stringify(extractModule)});
      const spec = extractSpec('Blog with auth and posts.');
      const store = new HistoryStore(${JSON.stringify(dir)});
      (async () => {
        for (let i = 0; i < 40; i++) {
          await store.save({ recordVersion: ${RECORD_VERSION}, stageCount: 1, stages: [], id: '${window}-' + i, projectId: '${window}-' + i, createdAt: Date.now(), requirements: 'x', spec, provider: 'offline',
            status: 'succeeded', folder: 'f', durationMs: 1, usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 }, files: [] });
        }
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const run = (window: string) =>
      new Promise<number>((resolve) => spawn(process.execPath, ['-e', script(window)], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
    assert.deepEqual(await Promise.all([run('a'), run('b')]), [0, 0]);
    const { records, unreadable } = await new HistoryStore(dir).list();
    assert.equal(records.length, 80, 'both windows’ records are there');
    assert.deepEqual(unreadable, []);
    assert.ok(!readdirSync(dir).some((name) => name.endsWith('.tmp')));
  });

  it('a rating and the end-of-run save at once both land (status and rating), whichever comes first', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir);
    for (const ratingFirst of [true, false]) {
      const id = `race-${ratingFirst}`;
      await store.save({ ...record(id, 1000), status: 'running', files: [] });
      const end = () => store.update(id, (r) => ({ ...r, status: 'succeeded', durationMs: 4200, files: record(id, 1000).files }), { events: [] });
      const rate = () => store.update(id, (r) => ({ ...r, rating: { up: true, note: 'good', at: 5 } }));
      await Promise.all(ratingFirst ? [rate(), end()] : [end(), rate()]);
      const saved = await new HistoryStore(dir).get(id);
      assert.equal(saved?.status, 'succeeded', 'the end of the run is not undone by the rating');
      assert.equal(saved?.rating?.note, 'good', 'the rating is not lost to the end of the run');
    }
  });

  it('concurrent changes of one record never lose one (each reads what the one before left)', async () => {
    const store = new HistoryStore(mkdtempSync(path.join(os.tmpdir(), 'takoss-history-')));
    await store.save({ ...record('counted', 1000), durationMs: 0 });
    // Two stores (two windows' views of one folder) and twenty changes at once.
    const other = new HistoryStore((store as unknown as { dir: string }).dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).update('counted', (r) => ({ ...r, durationMs: r.durationMs + 1 }))));
    assert.equal((await store.get('counted'))?.durationMs, 20);
    assert.equal(await store.update('missing', (r) => r), undefined);
  });

  it('two processes changing the same record at once lose nothing (the lock file)', async function () {
    // Two Node processes start (one loads the extractor): seconds on a loaded 2-core machine, more than mocha's 10 s default.
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    await new HistoryStore(dir).save({ ...record('shared', 1000), durationMs: 0, stageCount: 0 });
    const storeModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'history', 'store.js');
    const script = (field: 'durationMs' | 'stageCount') => `
      const { HistoryStore } = require(${JSON.stringify(storeModule)});
      const store = new HistoryStore(${JSON.stringify(dir)});
      (async () => {
        for (let i = 0; i < 25; i++) await store.update('shared', (r) => ({ ...r, ${field}: r.${field} + 1, rating: { up: true, note: '${field} ' + i, at: i } }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const run = (field: 'durationMs' | 'stageCount') =>
      new Promise<number>((resolve) => spawn(process.execPath, ['-e', script(field)], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
    assert.deepEqual(await Promise.all([run('durationMs'), run('stageCount')]), [0, 0]);
    const saved = await new HistoryStore(dir).get('shared');
    assert.equal(saved?.durationMs, 25, 'every change of one window');
    assert.equal(saved?.stageCount, 25, 'and of the other');
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.lock') || name.endsWith('.tmp')), [], 'no lock or temporary file left');
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir);
    await store.save(record('orphan', 1000));
    const lock = path.join(dir, '000000000001000-orphan.json.lock');
    writeFileSync(lock, '99999 long ago\n');
    const old = (Date.now() - STALE_LOCK_MS - 5000) / 1000;
    utimesSync(lock, old, old);
    await store.update('orphan', (r) => ({ ...r, rating: { up: false, at: 1 } }));
    assert.equal((await store.get('orphan'))?.rating?.up, false);
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.lock')), []);
  });

  it('takes over at once a fresh lock whose process on this machine died (a window that crashed while changing the record), and waits while it lives', async function () {
    this.timeout(30_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir);
    await store.save(record('crashed', 1000));
    const lock = path.join(dir, '000000000001000-crashed.json.lock');
    // A process that holds the lock and lives until killed.
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const gone = new Promise((resolve) => holder.on('exit', resolve));
    writeFileSync(lock, `${holder.pid} ${os.hostname()} ${new Date().toISOString()}\n`);
    let done = false;
    const started = Date.now();
    const change = store.update('crashed', (r) => ({ ...r, rating: { up: true, at: 2 } })).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(done, false, 'a live holder is waited for');
    holder.kill('SIGKILL');
    await gone;
    await change;
    assert.ok(Date.now() - started < STALE_LOCK_MS / 3, 'taken over without waiting for the lock to go stale');
    assert.equal((await store.get('crashed'))?.rating?.up, true);
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.lock')), []);
  });

  it('refuses an oversized record with a clear error; the store stays readable and the old record stays', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir);
    await store.save(record('kept', 1000));
    await store.save(record('grows', 2000));
    const huge = { ...record('grows', 2000), requirements: 'x'.repeat(MAX_RECORD_BYTES) };
    const refused = await store.save(huge).then(
      () => assert.fail('saved'),
      (error: unknown) => error,
    );
    assert.ok(refused instanceof HistoryRecordTooLargeError);
    assert.match(refused.message, /^Generation grows was not saved to the history: its record is 32\.0 MB, over the 32\.0 MB limit \(largest: requirements 32\.0 MB, spec 0\.0 MB\)\.$/);
    await assert.rejects(store.update('grows', (r) => ({ ...r, requirements: huge.requirements })), HistoryRecordTooLargeError);
    const listing = await store.list();
    assert.deepEqual(listing.records.map((r) => [r.id, r.requirements.length]), [['grows', 25], ['kept', 25]], 'the record as it was');
    assert.deepEqual(listing.unreadable, []);
    assert.deepEqual(readdirSync(dir).filter((name) => !/^\d{15}-(kept|grows)\.json$/.test(name)), [], 'no temporary or lock file');
  });

  it('leaves out an oversized event log (the record is saved), and never reads oversized files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const store = new HistoryStore(dir, { maxRecordBytes: 20_000, maxEventsBytes: 2_000 });
    const events = Array.from({ length: 50 }, (_, seq) => ({ type: 'warning' as const, message: 'a warning of some length', runId: 'logged', seq, at: seq }));
    const outcome = await store.save(record('logged', 1000), events);
    assert.match(outcome.eventsLeftOut ?? '', /its event log is 0\.0 MB, over the 0\.0 MB limit: the run cannot be replayed from the history/);
    assert.equal((await store.get('logged'))?.id, 'logged');
    assert.deepEqual(await store.events(record('logged', 1000)), []);
    // Files larger than the limits, written by something else, are reported, not read.
    writeFileSync(path.join(dir, '000000000002000-planted.json'), JSON.stringify({ ...record('planted', 2000), requirements: 'y'.repeat(30_000) }));
    writeFileSync(path.join(dir, '000000000001000-logged.events.json'), JSON.stringify([...events, ...events]));
    const listing = await store.list();
    assert.deepEqual(listing.records.map((r) => r.id), ['logged']);
    assert.deepEqual(listing.unreadable, ['000000000002000-planted.json']);
    assert.deepEqual(await store.events(record('logged', 1000)), []);
  });
});
