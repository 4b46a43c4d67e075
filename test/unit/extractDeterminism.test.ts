// The extractor remembers what it learnt of words and sentences between calls (tags, singulars,
// mentions). A text's spec must not depend on that: the same text gives the same spec whatever was
// read before it, and the second time as the first (a reader that changed a shared, cached answer
// once made a flag's name differ between the two).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractSpec } from '../../src/core/extract';

const requirementsDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'requirements');

function texts(): string[] {
  const all = readdirSync(requirementsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(requirementsDir, f), 'utf8'));
  for (const line of readFileSync(path.join(requirementsDir, 'gold', 'dev.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    all.push((JSON.parse(line) as { requirements: string }).requirements);
  }
  // A yes/no question whose reader once changed a shared reading.
  all.push('Each marina has a name and an address. It also has a number of berths, each of which is identified by a number. It is also noted whether or not it is a deep-water visitor berth.');
  return all;
}

describe('extract: the same text gives the same spec, whatever was read before', () => {
  it('in order, then again in reverse order', function () {
    this.timeout(120_000);
    const all = texts();
    assert.ok(all.length >= 30, `${all.length} texts`);
    const forward = all.map((text) => JSON.stringify(extractSpec(text)));
    const backward = [...all].reverse().map((text) => JSON.stringify(extractSpec(text))).reverse();
    const differing = all.map((text, i) => (forward[i] === backward[i] ? undefined : text.slice(0, 60))).filter(Boolean);
    assert.deepEqual(differing, []);
  });
});
