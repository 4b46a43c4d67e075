// A long paste is read whole (issue #17 item 5): a 100 KB text is about 1,100 sentences, and a
// record named only near its end must be found. Only text past MAX_SENTENCES is left, with a warning.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { MAX_SENTENCES, splitSentences } from '../../src/core/extract/sentences';

/** `count` distinct requirement sentences that name no record. */
function filler(count: number): string {
  return Array.from({ length: count }, (_, i) => `The app must answer request ${i + 1} within ${(i % 9) + 1} seconds.`).join(' ');
}

const CAPPED = /^Only the first \d+ sentences were read/;

describe('extract: a long text is read whole', () => {
  it('reads a text of 1,200 sentences to its end: the record named last is found, with its fields', function () {
    this.timeout(60_000);
    const text = `Members book fitness classes. ${filler(1200)} A locker has a number, a size and a floor.`;
    assert.ok(text.length > 60_000);
    const spec = extractSpec(text);
    assert.equal(spec.warnings.find((w) => CAPPED.test(w)), undefined);
    const locker = spec.entities.find((e) => e.name === 'Locker');
    assert.ok(locker, spec.entities.map((e) => e.name).join(', '));
    for (const field of ['number', 'size', 'floor']) assert.ok(locker.fields.some((f) => f.name === field), field);
  });

  it('stops at MAX_SENTENCES and says so', () => {
    const text = Array.from({ length: MAX_SENTENCES + 5 }, (_, i) => `Rule ${i + 1} holds.`).join(' ');
    assert.ok(text.length < 100_000);
    const { sentences, warnings } = splitSentences(`${text} A locker has a number.`);
    assert.equal(sentences.length, MAX_SENTENCES);
    assert.ok(warnings.some((w) => CAPPED.test(w)), warnings.join(' | '));
  });

  it('holds the sentences of a 100 KB text of short sentences', () => {
    // The text itself is cut at 100,000 characters; the sentence cap must not cut it sooner.
    const text = Array.from({ length: 2000 }, (_, i) => `Rule ${i + 1} holds.`).join(' ');
    assert.ok(text.length < 100_000);
    const { warnings } = splitSentences(text);
    assert.equal(warnings.find((w) => CAPPED.test(w)), undefined);
  });
});
