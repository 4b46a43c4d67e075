// "Customers order products": the order is a record of its own, with lines that point at the products.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: what people order', () => {
  it('makes an order, owned by the customer, with lines that point at the products', () => {
    const spec = extractSpec('Shop. Customers sign in and order products. A product has a name and a price.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('Order') && names.includes('OrderItem'), names.join(' '));
    assert.ok(spec.relations.some((r) => r.from === 'OrderItem' && r.to === 'Product'), JSON.stringify(spec.relations));
    assert.ok(spec.relations.some((r) => r.from === 'Order' && r.to === 'User'), JSON.stringify(spec.relations));
  });

  it('an order said to be of exactly one product gets no lines: it points at the product itself', () => {
    const spec = extractSpec('A bakery sells products. A product has a name and a price. Customers place orders. Each order refers to exactly one product. An order has a date and a quantity.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('Order') && !names.includes('OrderItem'), names.join(' '));
    assert.ok(spec.relations.some((r) => r.from === 'Order' && r.to === 'Product'), JSON.stringify(spec.relations));
  });

  it('"the products of each order" is carried by the order lines: no product belongs to a single order', () => {
    const spec = extractSpec('A bakery app. As a baker, I want to see the products of each order, so that I can bake them in time. As a customer, I want to place an order. A product has a name and a price.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('OrderItem'), names.join(' '));
    assert.ok(spec.relations.some((r) => r.from === 'OrderItem' && r.to === 'Product'), JSON.stringify(spec.relations));
    assert.ok(!spec.relations.some((r) => r.from === 'Product' && r.to === 'Order'), JSON.stringify(spec.relations));
  });
});
