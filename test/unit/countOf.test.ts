// One counting helper for every message (host, CLI, webview): the review found five private copies.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { countOf } from '../../src/model/count';

const root = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('countOf', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    assert.equal(countOf(1, 'file'), '1 file');
    assert.equal(countOf(0, 'file'), '0 files');
    assert.equal(countOf(3, 'file'), '3 files');
    assert.equal(countOf(2, 'entry', 'entries'), '2 entries');
    assert.equal(countOf(1, 'file serves', 'files serve'), '1 file serves');
  });

  it('is the only counting helper: no module defines its own `plural(n, …)`', () => {
    const copies = [...sources(path.join(root, 'src')), ...sources(path.join(root, 'webview-ui', 'src'))].filter((file) =>
      /\bconst plural = \(\w+: number/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(copies.map((file) => path.relative(root, file)), []);
  });
});
