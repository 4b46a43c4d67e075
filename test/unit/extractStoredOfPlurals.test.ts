// "The system stores the citation count of peer-reviewed papers": values kept of records written as a
// bare plural (every record of that kind), read by storedFor.ts's weStoreOfEach.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { storedForList } from '../../src/core/extract/fields';
import type { SentenceInfo } from '../../src/core/extract/sentences';

function sentence(text: string): SentenceInfo {
  return { id: 0, text, plain: text.toLowerCase(), bullet: false, heading: false, optional: false };
}

const fieldsOf = (text: string, entity: string) => extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => f.name);

describe('values stored of a bare plural', () => {
  it('reads the values and the records they are kept of', () => {
    const garage = storedForList(sentence('We record the mileage and the fuel type of cars.'));
    assert.equal(garage?.subject, 'car');
    assert.deepEqual(garage?.items.map((i) => i.key), ['mileage', 'fuel type']);
    assert.deepEqual(fieldsOf('The garage repairs cars. We record the mileage of cars.', 'Car'), ['mileage']);
    assert.deepEqual(fieldsOf('Our gym has members. The app tracks the weight of members.', 'Member'), ['weight']);
    // (A kind of a record keeps its own name: the citation count is the peer-reviewed papers', not every paper's.)
    assert.equal(storedForList(sentence('The system stores the citation count of peer-reviewed papers and who reviewed the paper.'))?.subject, 'peer-reviewed paper');
    const bank = extractSpec('The bank keeps accounts. Each account has an owner name. An account is either a savings account or a current account. The system stores the interest rate of savings accounts.');
    assert.ok(bank.entities.flatMap((e) => e.fields.map((f) => f.name)).includes('interestRate'));
  });

  it('leaves counts, collections and wishes alone', () => {
    // (How many there are, a list of them, a summary one wants, a catalogue one keeps: no value of each.)
    for (const text of [
      'The system keeps track of the number of visitors.',
      'The app stores the list of books.',
      'I want a weekly email summary of unfilled shifts.',
      'We keep a catalogue of plants.',
      'We keep the schedule clean of unneeded activities.',
    ]) assert.equal(storedForList(sentence(text)), undefined, text);
  });
});
