// The three-way merge of an update, per file: the text merge (conflict markers, line endings, the
// trailing newline, a file the user emptied), the classification of every path of base ∪ theirs
// against the disk, and applying a plan (refusing a file changed after planning).
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeFileSystemPort } from '../../src/core/output/sink/nodePort';
import { Sink } from '../../src/core/output/sink/sink';
import { applyUpdate } from '../../src/core/update/apply';
import { mergeText } from '../../src/core/update/merge';
import { BASE_PATH, parseBase } from '../../src/core/update/memory';
import { planUpdate, type TheirsFile, type UpdateAction } from '../../src/core/update/plan';
import { summarizePlan } from '../../src/core/update/summary';

const lines = (...items: string[]) => items.map((item) => `${item}\n`).join('');

describe('mergeText: three-way merge of one file', () => {
  const base = lines('import a', '', 'function one() {', '  return 1;', '}', '', 'function two() {', '  return 2;', '}');

  it('merges changes to different regions cleanly', () => {
    const ours = base.replace('return 1;', 'return 1; // mine');
    const theirs = base.replace('return 2;', 'return 22;');
    assert.deepEqual(mergeText(base, ours, theirs), { clean: true, content: base.replace('return 1;', 'return 1; // mine').replace('return 2;', 'return 22;') });
  });

  it('writes both sides of a region both changed between labelled markers', () => {
    const ours = base.replace('return 1;', 'return 100;');
    const theirs = base.replace('return 1;', 'return -1;');
    const merged = mergeText(base, ours, theirs);
    assert.equal(merged.clean, false);
    assert.equal(merged.content, lines('import a', '', 'function one() {', '<<<<<<< yours', '  return 100;', '=======', '  return -1;', '>>>>>>> takoss', '}', '', 'function two() {', '  return 2;', '}'));
    assert.equal(merged.clean ? 0 : merged.conflicts, 1);
  });

  it('takes a change both sides made identically once (no false conflict)', () => {
    const both = base.replace('import a', 'import b');
    assert.deepEqual(mergeText(base, both, both), { clean: true, content: both });
  });

  it('merges a CRLF copy of the file by its lines and keeps CRLF', () => {
    const ours = base.replace('return 1;', 'return 1; // mine').replace(/\n/g, '\r\n');
    const theirs = base.replace('return 2;', 'return 22;');
    const merged = mergeText(base, ours, theirs);
    assert.deepEqual(merged, { clean: true, content: base.replace('return 1;', 'return 1; // mine').replace('return 2;', 'return 22;').replace(/\n/g, '\r\n') });
  });

  it('keeps a removed trailing newline when the generator changed something far from it', () => {
    const ours = base.slice(0, -1);
    const theirs = base.replace('import a', 'import z');
    assert.deepEqual(mergeText(base, ours, theirs), { clean: true, content: theirs.slice(0, -1) });
  });

  it('puts each marker on a line of its own when a conflicting side lacks the final newline', () => {
    const merged = mergeText('a\nb\n', 'a\nmine', 'a\ntheirs\n');
    assert.equal(merged.content, 'a\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> takoss\n');
  });

  it('a file the user emptied conflicts with a generator change (nothing is silently restored)', () => {
    const merged = mergeText(base, '', base.replace('return 2;', 'return 22;'));
    assert.equal(merged.clean, false);
    assert.ok(merged.content.startsWith('<<<<<<< yours\n=======\nimport a\n'), merged.content);
  });
});

describe('planUpdate and applyUpdate', () => {
  let dir: string;
  let sink: Sink;
  const on = (file: string) => path.join(dir, ...file.split('/'));
  const put = (file: string, content: string) => {
    mkdirSync(path.dirname(on(file)), { recursive: true });
    writeFileSync(on(file), content);
  };
  const theirs = (entries: Record<string, string>): TheirsFile[] => Object.entries(entries).map(([p, content]) => ({ path: p, content, layer: 'test' }));
  const actions = (plan: { files: { path: string; action: UpdateAction }[] }) => Object.fromEntries(plan.files.filter((f) => f.path !== BASE_PATH).map((f) => [f.path, f.action]));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-update-'));
    sink = new Sink(nodeFileSystemPort(dir));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('classifies every path of base ∪ theirs and leaves files the user added unread and untouched', async () => {
    const base = new Map(Object.entries({
      'same.ts': 'same\n',
      'untouched.ts': 'v1\n',
      'edited.ts': lines('a', 'b', 'c', 'd', 'e'),
      'both.ts': lines('a', 'b', 'c', 'd', 'e'),
      'clash.ts': 'x = 1\n',
      'mine-only.ts': 'gen\n',
      'deleted.ts': 'gone\n',
      'old.ts': 'old\n',
      'old-edited.ts': 'old\n',
      'crlf.ts': 'one\ntwo\n',
    }));
    for (const [p, content] of base) if (p !== 'deleted.ts') put(p, content);
    put('edited.ts', lines('a', 'B', 'c', 'd', 'e'));
    put('both.ts', lines('A', 'b', 'c', 'd', 'e'));
    put('clash.ts', 'x = 2\n');
    put('mine-only.ts', 'mine\n');
    put('old-edited.ts', 'old, mine\n');
    put('crlf.ts', 'one\r\ntwo\r\n');
    put('at-new-path.ts', 'my own\n');
    put('notes/mine.md', 'never read');
    const plan = await planUpdate({
      sink,
      base,
      theirs: theirs({
        'same.ts': 'same\n',
        'untouched.ts': 'v2\n',
        'edited.ts': lines('a', 'b', 'c', 'd', 'e'),
        'both.ts': lines('a', 'b', 'c', 'd', 'E'),
        'clash.ts': 'x = 3\n',
        'mine-only.ts': 'gen\n',
        'deleted.ts': 'gone, v2\n',
        'crlf.ts': 'one\ntwo\nthree\n',
        'new.ts': 'new\n',
        'at-new-path.ts': 'generated\n',
        '.takoss/manifest.json': '{}\n',
      }),
    });
    assert.deepEqual(actions(plan), {
      '.takoss/manifest.json': 'memory',
      'at-new-path.ts': 'conflict',
      'both.ts': 'merged',
      'clash.ts': 'conflict',
      'crlf.ts': 'updated',
      'deleted.ts': 'userDeleted',
      'edited.ts': 'kept',
      'mine-only.ts': 'kept',
      'new.ts': 'added',
      'old-edited.ts': 'keptNoLongerGenerated',
      'old.ts': 'removed',
      'same.ts': 'unchanged',
      'untouched.ts': 'updated',
    });
    assert.equal(plan.files.at(-1)?.path, BASE_PATH, 'the base is written last');
    assert.ok(!plan.files.some((f) => f.path.startsWith('notes/')));
    const summary = summarizePlan(plan);
    assert.deepEqual(summary.files.conflict, ['at-new-path.ts', 'clash.ts']);
    assert.equal(summary.counts.added, 1);
    assert.ok(summary.lines.some((line) => /^CONFLICTING.*: 2 files$/.test(line)), summary.lines.join('\n'));

    const applied = await applyUpdate(plan, sink);
    assert.deepEqual(applied.refused, []);
    const read = (p: string) => readFileSync(on(p), 'utf8');
    assert.equal(read('untouched.ts'), 'v2\n');
    assert.equal(read('edited.ts'), lines('a', 'B', 'c', 'd', 'e'));
    assert.equal(read('both.ts'), lines('A', 'b', 'c', 'd', 'E'));
    assert.equal(read('clash.ts'), '<<<<<<< yours\nx = 2\n=======\nx = 3\n>>>>>>> takoss\n');
    assert.equal(read('at-new-path.ts'), '<<<<<<< yours\nmy own\n=======\ngenerated\n>>>>>>> takoss\n');
    assert.equal(read('crlf.ts'), 'one\r\ntwo\r\nthree\r\n', 'the user’s line endings stay');
    assert.equal(read('new.ts'), 'new\n');
    assert.equal(existsSync(on('deleted.ts')), false, 'stays deleted');
    assert.equal(existsSync(on('old.ts')), false);
    assert.equal(read('old-edited.ts'), 'old, mine\n');
    assert.equal(read('notes/mine.md'), 'never read');
    // The next base is what Takoss generated now.
    const next = parseBase(read(BASE_PATH));
    assert.equal(next.get('clash.ts'), 'x = 3\n');
    assert.equal(next.has('old-edited.ts'), false, 'a file no longer generated is the user’s now');
  });

  it('refuses to replace a file changed after planning, and keeps its old base so the next update merges it again', async () => {
    const base = new Map([['a.ts', 'v1\n'], ['b.ts', 'v1\n'], ['gone.ts', 'old\n']]);
    for (const [p, content] of base) put(p, content);
    const plan = await planUpdate({ sink, base, theirs: theirs({ 'a.ts': 'v2\n', 'b.ts': 'v2\n' }) });
    assert.deepEqual(actions(plan), { 'a.ts': 'updated', 'b.ts': 'updated', 'gone.ts': 'removed' });
    put('a.ts', 'edited after the preview\n');
    put('gone.ts', 'edited too\n');
    const applied = await applyUpdate(plan, sink);
    assert.deepEqual(applied.refused.map((entry) => entry.path), ['a.ts', 'gone.ts']);
    assert.match(applied.refused[0].reason, /changed since/);
    assert.equal(readFileSync(on('a.ts'), 'utf8'), 'edited after the preview\n');
    assert.equal(readFileSync(on('gone.ts'), 'utf8'), 'edited too\n');
    assert.equal(readFileSync(on('b.ts'), 'utf8'), 'v2\n');
    const next = parseBase(readFileSync(on(BASE_PATH), 'utf8'));
    assert.deepEqual([...next], [['a.ts', 'v1\n'], ['b.ts', 'v2\n'], ['gone.ts', 'old\n']]);
  });

  it('refuses to create a file that appeared after planning', async () => {
    const plan = await planUpdate({ sink, base: new Map(), theirs: theirs({ 'new.ts': 'generated\n' }) });
    put('new.ts', 'mine, written meanwhile\n');
    const applied = await applyUpdate(plan, sink);
    assert.deepEqual(applied.refused.map((entry) => entry.path), ['new.ts']);
    assert.equal(readFileSync(on('new.ts'), 'utf8'), 'mine, written meanwhile\n');
    assert.equal(parseBase(readFileSync(on(BASE_PATH), 'utf8')).has('new.ts'), false);
  });

  it('leaves a symbolic link and a file that is not text as they are, and says so', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'takoss-outside-'));
    try {
      writeFileSync(path.join(outside, 'target.ts'), 'v1\n');
      symlinkSync(path.join(outside, 'target.ts'), on('linked.ts'));
      put('binary.ts', '');
      writeFileSync(on('binary.ts'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
      const base = new Map([['linked.ts', 'v1\n'], ['binary.ts', 'v1\n']]);
      const plan = await planUpdate({ sink, base, theirs: theirs({ 'linked.ts': 'v2\n', 'binary.ts': 'v2\n' }) });
      assert.deepEqual(actions(plan), { 'binary.ts': 'kept', 'linked.ts': 'kept' });
      assert.match(plan.files[0].note ?? '', /not UTF-8/);
      assert.match(plan.files[1].note ?? '', /symbolic link/);
      await applyUpdate(plan, sink);
      assert.equal(readFileSync(path.join(outside, 'target.ts'), 'utf8'), 'v1\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
