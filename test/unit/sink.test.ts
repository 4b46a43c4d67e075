import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GeneratedFile } from '../../src/core/generator/fileSet';
import { createDiskWriter, TargetNotEmptyError, writeFilesToDisk } from '../../src/core/output/diskSink';
import { nodeFileSystemPort } from '../../src/core/output/sink/nodePort';
import { sinkContract } from '../shared/sinkContract';

sinkContract('node:fs port', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'takoss-sink-'));
  return { port: nodeFileSystemPort(folder), folder, portUnder: (relative) => nodeFileSystemPort(path.join(folder, relative)), executableBits: true };
});

const file = (p: string, content = 'x', extra: Partial<GeneratedFile> = {}): GeneratedFile => ({
  path: p,
  content,
  layer: 'test',
  explanation: 'test file',
  serves: [],
  sources: [],
  ...extra,
});

describe('The CLI’s disk writer', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'takoss-disk-'));

  it('writes files into a new folder, creating parents', async () => {
    const target = path.join(base, 'fresh', 'project');
    const count = await writeFilesToDisk(target, [file('a/b/c.ts', 'export {};\n'), file('run.sh', '#!/bin/sh\n', { executable: true })]);
    assert.equal(count, 2);
    assert.equal(readFileSync(path.join(target, 'a', 'b', 'c.ts'), 'utf8'), 'export {};\n');
    assert.ok(statSync(path.join(target, 'run.sh')).mode & 0o100, 'executable bit set');
    assert.deepEqual(readdirSync(target).sort(), ['a', 'run.sh'], 'no temp files left');
  });

  it('refuses a non-empty folder unless forced, and leaves its files alone', async () => {
    const target = path.join(base, 'busy');
    mkdirSync(target);
    writeFileSync(path.join(target, 'mine.txt'), 'user data');
    await assert.rejects(writeFilesToDisk(target, [file('mine.txt', 'overwritten')]), TargetNotEmptyError);
    assert.equal(readFileSync(path.join(target, 'mine.txt'), 'utf8'), 'user data');
    await writeFilesToDisk(target, [file('new.txt')], { force: true });
    assert.equal(readFileSync(path.join(target, 'mine.txt'), 'utf8'), 'user data');
    // --force is the user's consent to replace what the project brings.
    await writeFilesToDisk(target, [file('mine.txt', 'generated')], { force: true });
    assert.equal(readFileSync(path.join(target, 'mine.txt'), 'utf8'), 'generated');
  });

  it('writes a file again (a repair) while it is as the run wrote it, and resolves to where it is', async () => {
    const target = path.join(base, 'repaired');
    const write = await createDiskWriter(target);
    assert.equal(await write(file('src/app.ts', 'one')), path.join(target, 'src', 'app.ts'));
    await write(file('src/app.ts', 'fixed'));
    assert.equal(readFileSync(path.join(target, 'src', 'app.ts'), 'utf8'), 'fixed');
  });
});
