// Entity evidence from values known of a thing, counted parts and information kept about things
// (clauseEvidence.ts); each test writes its own text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';
import { countedParts, informationAbout, valuesKeptOf } from '../../src/core/extract/clauseEvidence';
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
});
