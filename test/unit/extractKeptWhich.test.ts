// An account kept of which thing goes with which: "the app records which tools are lent to which
// neighbour" names records at both ends, even where each is named only there (keptWhich.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: what an account is kept of ("records which X … which Y")', () => {
  it('"keeps track of what costumes are borrowed from which lender" makes costumes and lenders records', () => {
    const found = names('A theatre company stages plays. Each play has a title and a premiere date. For each play, the system keeps track of what costumes are borrowed from which lender. Rehearsals are planned by the stage manager.');
    assert.ok(found.includes('Costume') && found.includes('Lender'), found.join(', '));
  });

  it('"the register records which volunteer drives which van" makes the van a record', () => {
    const found = names('A charity delivers meals to elderly people. A meal has a menu and a delivery date. Each day the register records which volunteer drives which van. Volunteers have a name and a phone number.');
    assert.ok(found.includes('Van'), found.join(', '));
  });

  it('leaves an account that is not kept alone ("we keep losing track of which trailer …")', () => {
    const found = names('We rent out bikes to tourists. A bike has a frame number and a colour. At the moment we keep losing track of which trailer went where.');
    assert.deepEqual(found, ['Bike']);
  });
});
