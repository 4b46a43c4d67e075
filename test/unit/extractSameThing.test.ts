// Two words for one thing in one text ("customers" here, "clients" there) are one record, named as
// the text names it most often (sameThing.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: one thing named with two words', () => {
  it('"customers" once and "clients" three times is one Client record', () => {
    const found = names('A print shop takes orders from its customers. Each order has a due date and a price. The shop keeps a card for every client with a name and a phone number. Clients can have many orders. A client may also leave a complaint with a text and a date.');
    assert.ok(found.includes('Client') && !found.includes('Customer'), found.join(', '));
  });

  it('keeps two different words apart ("customers" and "suppliers")', () => {
    const found = names('A shop buys goods from suppliers and sells them to customers. A supplier has a name and an address. A customer has a name and an email. Each order has a date and a total.');
    assert.ok(found.includes('Customer') && found.includes('Supplier'), found.join(', '));
  });
});
