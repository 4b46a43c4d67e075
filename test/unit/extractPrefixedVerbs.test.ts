// "pre-order a meal", "re-book a slot": a verb with a prefix and a hyphen is read as that verb (nlpCorrections.ts retagPrefixedVerbs).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: a hyphenated prefix before a verb', () => {
  it('"As a camper I want to pre-order a breakfast basket": the basket is ordered, as with "order"', () => {
    const found = names('As a camper I want to pre-order a breakfast basket for tomorrow.');
    assert.ok(found.includes('BreakfastBasket') && found.includes('Order'), found.join(', '));
  });

  it('a prefixed word before a noun that is no verb slot stays as it was ("the pre-order window")', () => {
    assert.ok(!names('The pre-order window closes at noon. Campers order breakfast baskets.').includes('Window'));
  });
});
