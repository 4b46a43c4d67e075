// Entity evidence from values known of a thing, counted parts and information kept about things
// (clauseEvidence.ts); each test writes its own text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';
import { collectionMembers, countedParts, informationAbout, madeBySomeone, sortedIntoKinds, valuesKeptOf } from '../../src/core/extract/clauseEvidence';
import { sortedIntoKindsOf } from '../../src/core/extract/recordCues';
import { storable } from '../../src/core/extract/nlpEvidence';

type Reader = typeof countedParts;
/** Keys a reader credits in one sentence, with their scores. */
function credited(read: Reader, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  read(analyze(text), storable, (key, score) => (out[key] = (out[key] ?? 0) + score));
  return out;
}
const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: records named by known values, counted parts and information kept', () => {
  it('what values are known of is a record ("the length and price of a boat trip are known")', () => {
    assert.deepEqual(credited(valuesKeptOf, 'The length and price of a boat trip are known.'), { 'boat trip': 3 });
    assert.deepEqual(credited(valuesKeptOf, 'The length of the trip is long.'), {});
    // With a modal before "be" ("must be known", "has to be recorded"), and any determiner.
    assert.deepEqual(credited(valuesKeptOf, 'Some guests get a voucher; the amount of this voucher must be known.'), { voucher: 3 });
    assert.deepEqual(credited(valuesKeptOf, 'The weight of each parcel has to be recorded.'), { parcel: 3 });
    assert.deepEqual(credited(valuesKeptOf, 'The length of the trip must be short.'), {});
  });

  it('the things a kept group is made of are records ("a deck of 32 quiz cards", "a fleet of delivery vans")', () => {
    assert.deepEqual(credited(collectionMembers, 'The host defines a deck of 40 quiz cards.'), { 'quiz card': 2 });
    assert.deepEqual(credited(collectionMembers, 'The depot keeps a fleet of delivery vans.'), { 'delivery van': 2 });
    assert.deepEqual(credited(collectionMembers, 'Each seller picks from the catalogue of garden chairs.'), { 'garden chair': 2 });
    // ("a series of desired exhibition items": a participle joined to the name is left out.)
    assert.deepEqual(credited(collectionMembers, 'First a series of desired exhibition items is defined.'), { 'exhibition item': 2 });
    // One thing after "of", a count, or no group word: no rows.
    assert.deepEqual(credited(collectionMembers, 'The crew cleans the deck of the ship.'), {});
    assert.deepEqual(credited(collectionMembers, 'The depot has a number of vans.'), {});
    assert.deepEqual(credited(collectionMembers, 'The depot keeps a list of vans.'), {});
  });

  it('many of a thing a record has are records ("any number of ferries", "several cabins")', () => {
    assert.deepEqual(credited(countedParts, 'The shipping line has any number of ferries.'), { ferry: 2 });
    assert.deepEqual(credited(countedParts, 'Each ferry has several cabins and a name.'), { cabin: 2 });
    assert.deepEqual(credited(countedParts, 'Each ferry has cabins.'), {});
    // A count kept as a value, a bare numeral: no rows.
    assert.deepEqual(credited(countedParts, 'A town has a specific number of residents.'), {});
    assert.deepEqual(credited(countedParts, 'A player has three lives.'), {});
    assert.deepEqual(credited(countedParts, 'Robots have several sensors of type int.'), {});
    // ("a number of slots" stays a count unless the slots are records: fields.ts decides.)
    assert.deepEqual(credited(countedParts, 'A shelf has a number of slots.'), {});
  });

  it('what stored information is about is a record ("information regarding harbours and ferries")', () => {
    assert.deepEqual(credited(informationAbout, 'The system stores information regarding harbours and ferries.'), { harbour: 3, ferry: 3 });
  });

  it('finds the records of a description written with these patterns', () => {
    const found = names('Every harbour has a name. Each harbour offers boat trips, and the length and price of a boat trip are known. The shipping line has several ferries.');
    for (const name of ['Harbour', 'BoatTrip', 'Ferry']) assert.ok(found.includes(name), `${name} in ${found.join(', ')}`);
  });

  it('a thing sorted into several kinds is a record ("various types of mooring contracts"), not "all kinds of reasons"', () => {
    assert.deepEqual(credited(sortedIntoKinds, 'The marina offers various types of harbour permits.'), { 'harbour permit': 2 });
    assert.deepEqual(credited(sortedIntoKinds, 'There are two kinds of berths.'), { berth: 2 });
    assert.deepEqual(credited(sortedIntoKinds, 'A trip may be cancelled for all kinds of reasons.'), {});
    assert.deepEqual(credited(sortedIntoKinds, 'The type of berth is shown.'), {});
    assert.ok(sortedIntoKindsOf('mooring permit', 'the marina offers various types of mooring permits.'));
    assert.ok(!sortedIntoKindsOf('reason', 'a trip may be cancelled for all kinds of reasons.'));
    // Kept in a longer text although no field of it was read.
    const found = names('A marina rents out berths to boat owners and offers its owners various types of mooring contracts. Each boat has a name and a length. Each berth has a number and a width. Owners pay an invoice every month. Each invoice has an amount and a due date. The office is open on weekdays.');
    assert.ok(found.includes('Contract'), found.join(', '));
    assert.ok(!found.includes('Office') && !found.includes('Weekday'), found.join(', '));
  });

  it('a thing someone makes is a record ("the estimate made by another surveyor", "a quote is drafted by a clerk")', () => {
    assert.deepEqual(credited(madeBySomeone, 'The chief surveyor must approve the estimate made by another surveyor.'), { estimate: 2 });
    assert.deepEqual(credited(madeBySomeone, 'After the visit, a quote is drafted by a clerk.'), { quote: 2 });
    // Plural, without a determiner, or not by someone: no cue here.
    assert.deepEqual(credited(madeBySomeone, 'Estimates made by surveyors are checked.'), {});
    assert.deepEqual(credited(madeBySomeone, 'The estimate made sense.'), {});
  });
});
