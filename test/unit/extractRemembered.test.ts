// The extractor's one bounded memo (remembered.ts), which five caches used to write out by hand.
import * as assert from 'node:assert/strict';
import { remembered } from '../../src/core/extract/remembered';

describe('extract: remembered', () => {
  it('computes each argument once, undefined answers included', () => {
    const asked: string[] = [];
    const lookup = remembered((key) => (asked.push(key), key === 'none' ? undefined : key.toUpperCase()), 10);
    assert.equal(lookup('a'), 'A');
    assert.equal(lookup('a'), 'A');
    assert.equal(lookup('none'), undefined);
    assert.equal(lookup('none'), undefined);
    assert.deepEqual(asked, ['a', 'none']);
  });

  it('keeps at most `limit` answers: a full memo starts again empty', () => {
    const asked: string[] = [];
    const lookup = remembered((key) => (asked.push(key), key.length), 2);
    lookup('a');
    lookup('bb');
    lookup('ccc'); // full: forgets a and bb
    lookup('ccc');
    lookup('a');
    assert.deepEqual(asked, ['a', 'bb', 'ccc', 'a']);
  });
});
