import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type GenerationRecord, HistoryStore, RECORD_VERSION } from '../../src/core/history/store';
import { extractSpec } from '../../src/core/spec/extract';

const spec = extractSpec('Blog with auth and posts.');
const record = (id: string, createdAt: number): GenerationRecord => ({
  recordVersion: RECORD_VERSION,
  id,
  createdAt,
  requirements: 'Blog with auth and posts.',
  spec,
  provider: 'offline',
  status: 'succeeded',
  folder: 'blog',
  durationMs: 1200,
  usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 },
  files: [{ path: 'README.md', sha256: 'a'.repeat(64), bytes: 10 }],
  stageCount: 12,
  stages: [],
});

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

  it('two processes (two VS Code windows) writing at once lose nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-'));
    const storeModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'history', 'store.js');
    const extractModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'spec', 'extract', 'index.js');
    const script = (window: string) => `
      const { HistoryStore } = require(${JSON.stringify(storeModule)});
      const { extractSpec } = require(${JSON.stringify(extractModule)});
      const spec = extractSpec('Blog with auth and posts.');
      const store = new HistoryStore(${JSON.stringify(dir)});
      (async () => {
        for (let i = 0; i < 40; i++) {
          await store.save({ recordVersion: ${RECORD_VERSION}, stageCount: 1, stages: [], id: '${window}-' + i, createdAt: Date.now(), requirements: 'x', spec, provider: 'offline',
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
});
