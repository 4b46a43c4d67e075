// "Savers open deposits with a building society", "shops place orders with a wholesaler": what one
// opens, holds or places with another party belongs to that party (verbLinks.ts heldWith); a list of
// values after "with" ("places an order with an order date, a delivery date …") is no party. Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extract: things opened, held or placed "with" a party', () => {
  it('belong to that party', () => {
    const found = links('Pension tracker. Savers open pensions with a provider. Each pension has a number and a value. Each provider has a name.');
    assert.ok(found.includes('Pension->Provider'), found.join(', '));
    const orders = links('Florist stock. Shops place orders with a wholesaler. Each order has a date and a total. Each wholesaler has a name.');
    assert.ok(orders.includes('Order->Wholesaler'), orders.join(', '));
  });
});
