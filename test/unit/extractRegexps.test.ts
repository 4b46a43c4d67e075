// regExp (src/core/extract/regexps.ts) shares one expression per source and flags, and refuses
// the flags whose expressions keep state between calls.
import * as assert from 'node:assert/strict';
import { pattern, regExp } from '../../src/core/extract/regexps';

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

  it('pattern`…`: one expression per template in the code while its values stay the same, a new one when they change', () => {
    const lead = (rest: string): RegExp => pattern`^for (?:each|every) ([a-z]+),? ${rest}`;
    const KEEP = '(?:we keep|we store)';
    const first = lead(KEEP);
    assert.equal(lead(KEEP), first);
    assert.equal(lead(`(?:we ${'keep'}|we store)`), first, 'equal values (another string object) give the same expression');
    assert.deepEqual([...(first.exec('for each member, we keep') ?? [])], ['for each member, we keep', 'member']);
    const other = lead('we note');
    assert.notEqual(other, first);
    assert.equal(other.exec('for each member we keep'), null);
    assert.deepEqual([...(other.exec('for every dog we note') ?? [])], ['for every dog we note', 'dog']);
    // The escapes of the template read as in a plain template literal: \\b is a word boundary.
    const bounded = (): RegExp => pattern`\\bcat\\b`;
    assert.equal(bounded().test('a cat sat'), true);
    assert.equal(bounded().test('concatenate'), false);
  });
});
