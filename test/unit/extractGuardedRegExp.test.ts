// The pre-check of a guarded pattern (src/core/extract/guardedRegExp.ts) must never skip a text the
// pattern matches: the words it tests first are worked out from the pattern's parse tree, and every
// way a pattern can do without a word must leave that word out of the pre-check.
import * as assert from 'node:assert/strict';
import { guarded, guardedPatterns, requiredWords } from '../../src/core/extract/guardedRegExp';

const sorted = (words: readonly string[] | undefined) => (words ? [...words].sort() : words);

describe('guarded regular expressions: the words every match contains', () => {
  it('reads a literal run after a lazy phrase', () => {
    assert.deepEqual(requiredWords(/\b(?:(?:a|an|the)\s+)?([a-z][a-z -]{1,30}?)\s+in the past\b/), ['in the past']);
  });

  it('takes one word of an alternation that every match needs', () => {
    assert.deepEqual(sorted(requiredWords(/\s+(?:that|which)\s+(?:has|have)\s+(started|begun|ended)\b/)), ['begun', 'ended', 'started']);
  });

  it('joins known strings across a group ("can(?:not|\'t)")', () => {
    assert.deepEqual(sorted(requiredWords(/\bcan(?:not|'t) be\b/)), ["can't be", 'cannot be']);
  });

  it('needs nothing from an optional part, an alternative that may be empty, or a look-around', () => {
    assert.equal(requiredWords(/\b(?:started)?\s*x\b/), undefined);
    assert.equal(requiredWords(/\b(?:started|)\s+x/), undefined);
    assert.equal(requiredWords(/\bx(?=started)/), undefined);
    assert.equal(requiredWords(/(?<!started)\s+x/), undefined);
    assert.equal(requiredWords(/(started){0,2}x/), undefined);
  });

  it('keeps what a repeated part needs at least once', () => {
    assert.deepEqual(requiredWords(/(?:past\s+)+x/), ['past']);
    assert.deepEqual(requiredWords(/(?:\s+past){2,}/), ['past']);
  });

  it('expands a small character class and gives up on a wide or negated one', () => {
    assert.deepEqual(sorted(requiredWords(/colou?r[sz]ed/)), ['colorsed', 'colorzed', 'coloursed', 'colourzed']);
    assert.deepEqual(sorted(requiredWords(/organi[sz]ed\b/)), ['organised', 'organized']);
    assert.equal(requiredWords(/[a-z]+ed/), undefined);
    assert.deepEqual(requiredWords(/[^x]+ordered/), ['ordered']);
  });

  it('skips words too short to be worth a test', () => {
    assert.equal(requiredWords(/\b(?:a|an)\s+\w+/), undefined);
    assert.equal(requiredWords(/\bis\b/), undefined);
  });

  it('lower-cases for a case-insensitive pattern, and gives up under u with i', () => {
    assert.deepEqual(requiredWords(/\bDestroy\b/i), ['destroy']);
    assert.equal(guarded(/\bDestroy\b/i).test('We DESTROY it'), true);
    assert.equal(requiredWords(/\bKelvin\b/iu), undefined);
  });

  it('gives up on a back-reference but keeps the literal beside it', () => {
    assert.deepEqual(requiredWords(/(\w+) again \1/), [' again ']);
  });

  it('refuses a g or y pattern, whose state a skipped call would not keep', () => {
    assert.throws(() => guarded(/past/g), /no g or y/);
    assert.throws(() => guarded(/past/y), /no g or y/);
  });

  it('answers as the pattern does, with or without the words', () => {
    const started = guarded(/\b([a-z][a-z -]{1,30}?)\s+(?:that|which)\s+has\s+(?:already\s+)?(started|begun)\b/);
    assert.deepEqual(started.needs && [...started.needs].sort(), ['begun', 'started']);
    assert.equal(started.exec('nobody can book a class that has already started')?.[1], 'nobody can book a class');
    assert.equal(started.exec('nobody can book a class that is full'), null);
    assert.equal(started.test('a class which has begun'), true);
  });

  it('never skips a text any guarded pattern of the extractor matches', () => {
    // Load the extractor so that its modules guard their patterns, then try each on texts made
    // of its own words and of rule sentences.
    require('../../src/core/extract/index');
    const patterns = guardedPatterns();
    assert.ok(patterns.length >= 10, `only ${patterns.length} guarded patterns registered`);
    const sentences = [
      'Nobody can book a class that has already started.',
      'A booking cannot be cancelled less than 2 hours before the class starts.',
      'Only the owner may edit a post; others cannot change it after it has been published.',
      'An invoice can be edited only while it is still a draft and must not be in the past.',
      'Each member can borrow at most 5 books at a time, and the due date must be after the loan date.',
      'The rating is between 1 and 5. Tasks assigned to them can be closed by the assignee alone.',
      'Products past their best-before date cannot be put in a parcel.',
      'A request is read-only once it is approved. The manager is responsible for approving requests.',
    ];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const pattern of patterns) {
      const words = [...(pattern.needs ?? []), 'the', 'a', 'class', 'cannot', 'be', 'booked', 'is', 'after', 'before', 'only'];
      const texts = [...sentences, ...sentences.map((s) => s.toLowerCase())];
      for (let i = 0; i < 40; i++) texts.push(Array.from({ length: 4 + Math.floor(random() * 10) }, () => words[Math.floor(random() * words.length)]).join(' '));
      for (const text of texts) assert.equal(pattern.test(text), pattern.original.test(text), `/${pattern.source}/ on "${text}"`);
    }
  });
});
