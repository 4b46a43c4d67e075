// Entity shapes of things named once: a thing made, placed or submitted for someone (madeThings.ts);
// each test writes its own text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { madeForSomeone } from '../../src/core/extract/madeThings';
import { phrasesIn } from '../../src/core/extract/entities';
import { tokenize } from '../../src/core/extract/lexicon';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);
const made = (sentence: string) => {
  const tokens = tokenize(sentence);
  return madeForSomeone(tokens, phrasesIn(tokens)).map((p) => p.key);
};

describe('extractor: things named once that are records all the same', () => {
  it('"submit a repair request for a flat": what is made for something is a record', () => {
    assert.deepEqual(made('a tenant can submit a repair request for a flat'), ['repair request']);
    assert.deepEqual(made('the landlord makes a formal offer to the tenant'), ['offer']);
    // Acts, plural doings and things with nothing after them are not.
    assert.deepEqual(made('a tenant can make a decision about a flat'), []);
    assert.deepEqual(made('tenants make changes to a flat'), []);
    assert.deepEqual(made('the tenant makes a repair request'), []);
    const text = [
      'The agency keeps landlords, tenants and flats.',
      'Each landlord has a name and a phone number.',
      'Each tenant has a name and an email address.',
      'Flats have an address and a monthly rent.',
      'A tenant can submit a repair request for a flat.',
    ].join('\n');
    const spec = extractSpec(text);
    assert.ok(names(text).includes('RepairRequest'), names(text).join(', '));
    assert.ok(spec.relations.some((r) => [r.from, r.to].includes('RepairRequest') && [r.from, r.to].includes('Flat')), JSON.stringify(spec.relations));
  });
});
