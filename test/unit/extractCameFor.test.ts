// "Owners take their cats to the clinic for a check-up", "guests are booked into a cabin for a
// retreat": people who come, or bring something, for one occurrence each get an occurrence of their
// own, which belongs to them and to what they bring or where it happens (cameFor.ts). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extract: people who come or bring something "for a …"', () => {
  it('own the occurrence, which also belongs to what they bring', () => {
    const found = links('Watch shop. Collectors bring their watches to the shop for a valuation. A valuation has a date and a fee. Each watch has a serial number. Each collector has a name and a phone.');
    assert.ok(found.includes('Valuation->Collector'), found.join(', '));
    assert.ok(found.includes('Valuation->Watch'), found.join(', '));
    assert.ok(!found.includes('Collector->Valuation'), found.join(', '));
  });

  it('but a thing sent, or taken with no place, for a record is that record\'s, never the other way round', () => {
    const sent = links('Print shop. Customers place orders. Staff send an invoice to a customer for an order. An invoice has an amount and a due date.');
    assert.ok(!sent.includes('Order->Invoice'), sent.join(', '));
    const paid = links('Cafe. Guests place orders. Staff take a payment for an order. A payment has an amount and a method.');
    assert.ok(!paid.includes('Order->Payment'), paid.join(', '));
    const taken = links('Watch shop. Collectors take their watches to the shop for a valuation. A valuation has a date and a fee. Each watch has a serial number. Each collector has a name and a phone.');
    assert.ok(taken.includes('Valuation->Watch') && taken.includes('Valuation->Collector'), `taken somewhere: ${taken.join(', ')}`);
  });

  it('and to where it takes place, not the people to the place', () => {
    const found = links('Retreat centre. Guests are admitted to a cabin for a retreat. Each retreat has a start date and an end date. Each cabin has a name.');
    assert.ok(found.includes('Retreat->Guest'), found.join(', '));
    assert.ok(found.includes('Retreat->Cabin'), found.join(', '));
    assert.ok(!found.includes('Guest->Cabin') && !found.includes('Cabin->Retreat'), found.join(', '));
  });
});
