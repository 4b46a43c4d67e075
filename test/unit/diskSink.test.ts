import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GeneratedFile } from '../../src/core/generator/fileSet';
import { confinedPath, TargetNotEmptyError, writeFilesToDisk } from '../../src/core/output/diskSink';

const file = (p: string, content = 'x', extra: Partial<GeneratedFile> = {}): GeneratedFile => ({
  path: p,
  content,
  layer: 'test',
  explanation: 'test file',
  serves: [],
  sources: [],
  ...extra,
});

describe('disk sink', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'takoss-sink-'));

  it('writes files into a new folder, creating parents', async () => {
    const target = path.join(base, 'fresh');
    const count = await writeFilesToDisk(target, [file('a/b/c.ts', 'export {};\n'), file('run.sh', '#!/bin/sh\n', { executable: true })]);
    assert.equal(count, 2);
    assert.equal(readFileSync(path.join(target, 'a', 'b', 'c.ts'), 'utf8'), 'export {};\n');
    assert.ok(statSync(path.join(target, 'run.sh')).mode & 0o100, 'executable bit set');
    assert.deepEqual(readdirSync(target).filter((name) => name.includes('.tmp')), [], 'no temp files left');
  });

  it('refuses a non-empty folder unless forced, and leaves its files alone', async () => {
    const target = path.join(base, 'busy');
    mkdirSync(target);
    writeFileSync(path.join(target, 'mine.txt'), 'user data');
    await assert.rejects(writeFilesToDisk(target, [file('mine.txt', 'overwritten')]), TargetNotEmptyError);
    assert.equal(readFileSync(path.join(target, 'mine.txt'), 'utf8'), 'user data');
    await writeFilesToDisk(target, [file('new.txt')], { force: true });
    assert.equal(readFileSync(path.join(target, 'mine.txt'), 'utf8'), 'user data');
  });

  it('rejects paths that leave the target', async () => {
    const target = path.join(base, 'confined');
    mkdirSync(target);
    for (const bad of ['../escape.txt', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', '', 'a//b', './a']) {
      await assert.rejects(confinedPath(target, bad), /Unsafe generated path/, bad);
    }
  });

  it('refuses to write through a symlink that points outside', async () => {
    const target = path.join(base, 'linked');
    const outside = path.join(base, 'outside');
    mkdirSync(target);
    mkdirSync(outside);
    symlinkSync(outside, path.join(target, 'link'));
    await assert.rejects(writeFilesToDisk(target, [file('link/evil.txt')], { force: true }), /leads outside/);
    assert.deepEqual(readdirSync(outside), []);
    symlinkSync(path.join(outside, 'f'), path.join(target, 'filelink'));
    await assert.rejects(writeFilesToDisk(target, [file('filelink')], { force: true }), /symbolic link/);
  });
});
