import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES, MAX_GENERATED_FILE_BYTES } from '../../src/core/generator/fileSet';
import { localFileWriter } from '../../src/core/output/localWriter';

const file = (p: string, content = 'x', executable = false, layer = 't') => ({ path: p, content, layer, explanation: 't', serves: [], sources: [], executable });

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
    assert.deepEqual(readdirSync(outside), []);
  });

  it('caps files a model may write at 2 MB, and the generator’s own files (which grow with the spec) far higher', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'takoss-local-'));
    const write = localFileWriter(root);
    const over2Mb = 'x'.repeat(MAX_FILE_BYTES + 1);
    const limit = new RegExp(`over the ${MAX_FILE_BYTES}-byte limit`);
    // Claude's pages and rules modules, its new rules tests, and any test file a repair may edit.
    await assert.rejects(write(file('frontend/src/pages/books.tsx', over2Mb, false, 'frontend/pages')), limit);
    await assert.rejects(write(file('backend/src/rules/books.ts', over2Mb, false, 'backend/rules')), limit);
    await assert.rejects(write(file('backend/test/books.rules.test.ts', over2Mb, false, 'backend/tests')), limit);
    await assert.rejects(write(file('frontend/src/test/books.test.tsx', over2Mb, false, 'frontend/tests')), limit);
    // The deterministic openapi.json of a large spec.
    await write(file('backend/openapi.json', over2Mb, false, 'backend/openapi'));
    assert.equal(statSync(path.join(root, 'backend/openapi.json')).size, MAX_FILE_BYTES + 1);
    await assert.rejects(write(file('backend/src/db/seed.ts', 'x'.repeat(MAX_GENERATED_FILE_BYTES + 1), false, 'backend/seed')), new RegExp(`over the ${MAX_GENERATED_FILE_BYTES}-byte limit`));
    assert.deepEqual(readdirSync(root), ['backend'], 'nothing refused was written');
    assert.deepEqual(readdirSync(path.join(root, 'backend')), ['openapi.json']);
  });
});
