// A noun with two everyday meanings gets the default fields of the one the text means (nounSenses.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fieldsOf = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name)?.fields.map((f) => f.name) ?? [];

describe('extractor: the sense of a ticket', () => {
  it('a ticket bought, sold or for something at a time is an admission ticket (a code, a price), not a support ticket', () => {
    assert.deepEqual(fieldsOf('Customers buy tickets for shows. Each show has a title, a date and a venue.', 'Ticket'), ['code', 'price']);
    assert.deepEqual(fieldsOf('The theatre box office sells tickets to walk-in visitors.', 'Ticket'), ['code', 'price']);
    assert.deepEqual(fieldsOf('Every ticket is for one crossing. A crossing has a departure time and a ferry name.', 'Ticket'), ['code', 'price']);
  });

  it('a ticket raised, assigned or resolved keeps the support sense, even when something is bought', () => {
    assert.ok(fieldsOf('Tenants open tickets when the heating fails. Caretakers resolve tickets.', 'Ticket').includes('status'));
    assert.ok(fieldsOf('Shoppers buy gift cards. Shoppers raise a ticket when a card does not work; staff close tickets.', 'Ticket').includes('status'));
  });
});
