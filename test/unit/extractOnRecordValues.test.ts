// What is given, shown or printed on a record is one of its values (issue #11, explicit fields).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record taken from the text. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`) ?? [];

describe('extract fields: values given or printed on a record', () => {
  it('"on each ticket the seat number is printed", "on the monthly statement discounts are given depending on …"', () => {
    assert.deepEqual(fieldsOf('Visitors buy tickets. A ticket has a price. On each ticket the seat number is printed.', 'Ticket'), ['price:money', 'seatNumber:string']);
    assert.deepEqual(fieldsOf('Members receive statements. A statement has a month. On the monthly statement discounts are given depending on the points of the member.', 'Statement'), ['month:string', 'discounts:string']);
    assert.deepEqual(fieldsOf('The vet issues certificates. A certificate has an issue date. On a certificate, the breed and the owner name are shown.', 'Certificate'), ['issueDate:date', 'breed:string', 'ownerName:string']);
  });

  it('no record after "on"/"in": "on the website prices are shown", "in the evening incidents are listed"', () => {
    assert.deepEqual(fieldsOf('The shop sells lamps. A lamp has a colour. On the website prices are shown in euros.', 'Lamp'), ['colour:string']);
    assert.deepEqual(fieldsOf('Nurses log incidents. An incident has a title. In the evening incidents are listed.', 'Incident'), ['title:string']);
  });
});
