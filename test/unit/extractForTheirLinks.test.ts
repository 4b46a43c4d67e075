// "Send invoices to the customers for their orders": what "their"/"its" names is the noun before's own,
// so it belongs to that noun (orders of the customers), not that noun to it; and past the people a thing
// goes to, "for …" still says what the thing is for (an invoice for an order).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string): string[] => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extract links: for their own', () => {
  it('"X for their Y": Y belongs to X; a thing sent to people for Y is for Y', () => {
    const invoices = links('Invoices have a number. Orders have a date. Customers have a name. You want to send invoices to your customers for their orders.');
    assert.ok(invoices.includes('Order->Customer'));
    assert.ok(!invoices.includes('Customer->Order'));
    assert.ok(invoices.includes('Invoice->Order'));
    const grades = links('Each grade has a value. Each essay has a title. Students have a name. Teachers give grades to the students for their essays.');
    assert.ok(grades.includes('Essay->Student') && grades.includes('Grade->Essay') && !grades.includes('Student->Essay'));
    const letters = links('Each letter has a date. Each pet has a name. Owners have a name and a phone. The clinic sends letters to the owners for their pets.');
    assert.ok(letters.includes('Pet->Owner') && letters.includes('Letter->Pet') && !letters.includes('Owner->Pet'));
  });

  it('a thing booked for someone\'s own, or a plain "for", is read as before', () => {
    const trainer = links('Each trainer has a name. Each dog has a name. Owners have a name. Owners book a trainer for their dogs.');
    assert.ok(!trainer.includes('Trainer->Dog') && !trainer.includes('Dog->Trainer'));
    // (After a thing, "their" is someone else's: the photos stay the albums'.)
    const photos = links('Each photo has a caption. Each album has a title. Members upload the photos of their albums.');
    assert.ok(photos.includes('Photo->Album') && !photos.includes('Album->Photo'));
    assert.ok(links('Each ticket has a price. Each flight has a number. The ticket for each flight is stored.').includes('Ticket->Flight'));
  });
});
