// Entity shapes of things named once: a thing made, placed or submitted for someone (madeThings.ts), a
// single thing done to in relation to another (handledThings.ts), what a list holds (entities.ts listedOf);
// each test writes its own text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { madeForSomeone } from '../../src/core/extract/madeThings';
import { collectEvidence, phrasesIn } from '../../src/core/extract/entities';
import { splitSentences } from '../../src/core/extract/sentences';
import { tokenize } from '../../src/core/extract/lexicon';
import { handledThings } from '../../src/core/extract/handledThings';
import { analyze } from '../../src/core/extract/grammar';
import { storable } from '../../src/core/extract/nlpEvidence';

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

  it('"a locker is assigned to each member": a single thing done to in relation to another is a record', () => {
    // (Nobody signs in: people may be records, as in the text below.)
    const handled = (sentence: string) => handledThings({ ...analyze(sentence), peopleAreRecords: true }, storable).map((p) => p.key);
    assert.deepEqual(handled('A locker is assigned to each member.'), ['locker']);
    assert.deepEqual(handled('When possible, a spare racket is offered for the match.'), ['racket']);
    // "a delivery round for that week is planned": the phrase by the verb names no thing, the one before its preposition does.
    assert.deepEqual(handled('At the start of each week, a delivery round for that week is planned for each van.'), ['delivery round']);
    assert.ok(!handled('A track shot in a studio is played on the stations.').includes('track shot'));
    // Not "the" (a thing named before), not plural subjects, not "by" (who does it), not active clauses.
    assert.deepEqual(handled('The locker is assigned to each member.'), []);
    assert.deepEqual(handled('A locker is emptied by the caretaker.'), []);
    assert.deepEqual(handled('A member rents a locker for the season.'), []);
    const text = [
      'The gym keeps members and classes.',
      'Each member has a name and an email address.',
      'Each class has a title and a start time.',
      'A locker is assigned to each member for the season.',
    ].join('\n');
    const spec = extractSpec(text);
    assert.ok(names(text).includes('Locker'), names(text).join(', '));
    assert.ok(spec.relations.some((r) => [r.from, r.to].includes('Locker') && [r.from, r.to].includes('Member')), JSON.stringify(spec.relations));
  });

  it('"a history of previous orders": what a list holds is a record, adjectives between "of" and the thing skipped', () => {
    // Evidence one sentence gives a key, in a text of many sentences (where a known noun alone is weak).
    const given = (sentence: string, key: string) => {
      const filler = Array.from({ length: 11 }, (_, i) => `Line ${i + 1} says nothing much.`);
      const { sentences } = splitSentences([...filler, sentence].join('\n'));
      return collectEvidence(sentences).get(key)?.bySentence.get(sentences[sentences.length - 1].id) ?? 0;
    };
    assert.equal(given('The captain keeps a list of previous voyages.', 'voyage'), 2);
    assert.equal(given('As a buyer, I want to see a history of previous orders.', 'order'), 2);
    // Not a list: "the price of previous orders" only names orders.
    assert.ok(given('As a buyer, I want to see the price of previous orders.', 'order') < 2);
  });
});

describe('extract entities: a verb inside a word-list phrase ends its subject ("Staff add products")', () => {
  it('the words up to the verb the tagger reads are no modifier of the record after it', () => {
    assert.deepEqual(names('Shop. Staff add products. Customers order products.').filter((n) => n !== 'User' && n !== 'Order' && n !== 'OrderItem'), ['Product']);
    // A compound with no verb in it stays whole.
    assert.ok(names('Workshop. Mechanics fill in service records with a date and a mileage.').includes('ServiceRecord'));
  });
});
