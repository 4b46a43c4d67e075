import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localFileWriter } from '../../src/core/output/localWriter';

const file = (p: string, content = 'x', executable = false) => ({ path: p, content, layer: 't', explanation: 't', serves: [], sources: [], executable });

describe('local file writer (file: folders)', () => {
  it('writes whole files, never replaces one unless allowed, leaves no temporary files', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'takoss-local-'));
    const write = localFileWriter(root, { replaceable: new Set(['b.txt']) });
    await write(file('a/b/c.txt', 'hello'));
    await write(file('b.txt', 'first'));
    await write(file('run.sh', '#!/bin/sh\n', true));
    await assert.rejects(write(file('a/b/c.txt', 'again')), /already exists; Takoss does not replace it/);
    assert.equal(readFileSync(path.join(root, 'a/b/c.txt'), 'utf8'), 'hello');
    await write(file('b.txt', 'second'));
    assert.equal(readFileSync(path.join(root, 'b.txt'), 'utf8'), 'second', 'a replaceable file is replaced');
    assert.ok(statSync(path.join(root, 'run.sh')).mode & 0o100, 'executable');
    assert.deepEqual(readdirSync(path.join(root, 'a/b')), ['c.txt']);
    assert.ok(!readdirSync(root).some((name) => name.endsWith('.tmp')));
  });

  it('refuses symbolic links on the way, unsafe paths and oversized files', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'takoss-local-'));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'takoss-outside-'));
    symlinkSync(outside, path.join(root, 'link'));
    const write = localFileWriter(root);
    await assert.rejects(write(file('link/x.txt')), /link is a symbolic link/);
    await assert.rejects(write(file('../x.txt')), /Unsafe/);
    await assert.rejects(write(file('big.txt', 'x'.repeat(3 * 1024 * 1024))), /over the .*-byte limit/);
    assert.deepEqual(readdirSync(outside), []);
  });
});
