// A thing values are written down in is a record: "the hours and the price are recorded in a job
// log" (clauseEvidence keptIn, recordCues valuesWrittenIn).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: what values are recorded in', () => {
  it('"… are recorded in a repair diary" makes the diary a record, kept although no field list names its values', () => {
    const found = names('A garage repairs cars. A car has a plate and a brand. A mechanic has a name and a phone number. Whenever a mechanic repairs a car, the hours worked and the agreed price are recorded in a repair diary.');
    assert.ok(found.includes('RepairDiary'), found.join(', '));
  });

  it('leaves the database, the system and things written in "the" one place alone', () => {
    const found = names('A garage repairs cars. A car has a plate and a brand. A mechanic has a name and a phone number. All repairs are stored in the database. The hours are recorded in a spreadsheet. Prices are kept in the price book.');
    assert.ok(!found.includes('Database') && !found.includes('Spreadsheet') && !found.includes('PriceBook'), found.join(', '));
  });
});
