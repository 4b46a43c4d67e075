// regExp (src/core/extract/regexps.ts) shares one expression per source and flags, and refuses
// the flags whose expressions keep state between calls.
import * as assert from 'node:assert/strict';
import { regExp } from '../../src/core/extract/regexps';

describe('extractor: shared expressions (regExp)', () => {
  it('gives the same object for the same source and flags, and answers as a new one would', () => {
    const a = regExp('^for (each|every) ([a-z]+)');
    assert.equal(regExp('^for (each|every) ([a-z]+)'), a);
    assert.notEqual(regExp('^for (each|every) ([a-z]+)', 'i'), a);
    assert.deepEqual([...(a.exec('for each member') ?? [])], ['for each member', 'each', 'member']);
    assert.deepEqual([...(a.exec('for every room') ?? [])], ['for every room', 'every', 'room']);
    assert.equal(a.exec('For each member'), null);
  });

  it('refuses g and y expressions', () => {
    assert.throws(() => regExp('a', 'g'));
    assert.throws(() => regExp('a', 'y'));
  });
});
