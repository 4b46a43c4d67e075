// Knowing when something happens to a record is a date-time the record holds (issue #11, explicit fields).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record taken from the text. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`) ?? [];

describe('extract fields: the moments the text asks to keep', () => {
  it('"record when invoices are paid and archived", "log when each parcel is picked up": the moment of each state', () => {
    assert.deepEqual(fieldsOf('Accountants handle invoices. An invoice has an amount. We must record when invoices are paid and archived.', 'Invoice'), ['amount:money', 'paidAt:datetime', 'archivedAt:datetime']);
    assert.deepEqual(fieldsOf('Couriers carry parcels. A parcel has a weight. The app logs when each parcel is picked up.', 'Parcel'), ['weight:decimal', 'pickedUpAt:datetime']);
  });

  it('"know when the technician starts and finishes the repair": the record\'s start and end times', () => {
    assert.deepEqual(fieldsOf('Technicians carry out repairs. A repair has a cost. The manager wants to know when the technician starts and finishes the repair.', 'Repair'), ['cost:money', 'startTime:datetime', 'endTime:datetime']);
    assert.deepEqual(fieldsOf('Pupils sit exams. An exam has a subject. The school records when the pupil begins the exam.', 'Exam'), ['subject:string', 'startTime:datetime']);
  });

  it('not a moment of a record: "know when I should start packing an order", "see when a product will be available"', () => {
    assert.deepEqual(fieldsOf('Shops sell products. A product has a price. I want to know when I should start packing an order. Customers want to see when a product will be available again.', 'Product'), ['price:money']);
    assert.deepEqual(fieldsOf('Gardeners tend plots. A plot has a size. Gardeners record when it rains and when the plot is dry.', 'Plot'), ['size:string']);
  });

  it('"keep track of the addresses where the orders are delivered": the place of what happens to the record is its value', () => {
    // (Being delivered is also a state the order reaches: its status is read too.)
    assert.ok(fieldsOf('Shops receive orders. An order has a total. We keep track of the addresses where the orders are delivered.', 'Order').includes('deliveryAddress:string'));
    assert.ok(fieldsOf('Sellers send parcels. A parcel has a weight. The app stores the city to which each parcel is shipped.', 'Parcel').includes('shippingCity:string'));
    assert.deepEqual(fieldsOf('Volunteers plant trees. A tree has a species. We note the spot where each tree is planted.', 'Tree'), ['species:string', 'plantingSpot:string']);
  });

  it('"keep track of … the addresses where the orders are delivered": a value word placed so is no record of its own', () => {
    const names = (text: string) => extractSpec(text).entities.map((e) => e.name);
    const cafes = 'Bakeries deliver bread to cafes. A cafe has a name. Cafes place orders. An order has a total. We want to start keeping track of both the cafe\'s billing address and the addresses where the orders are delivered.';
    assert.ok(!names(cafes).includes('Address'));
    assert.ok(fieldsOf(cafes, 'Order').includes('deliveryAddress:string'));
    assert.ok(fieldsOf(cafes, 'Cafe').includes('billingAddress:string'));
    const trees = 'Volunteers plant trees. A tree has a species. We keep track of the locations where the trees are planted.';
    assert.ok(!names(trees).includes('Location'));
    assert.ok(fieldsOf(trees, 'Tree').includes('plantingLocation:string'));
    // (Places that are not values may be records: warehouses, barns.)
    assert.ok(names('Farmers sell crops. A crop has a name. We keep track of the barns where the crops are stored. Each barn has a capacity.').includes('Barn'));
    assert.ok(names('Shops receive goods. A good has a weight. The app tracks the warehouses where the goods are stored. A warehouse has a city.').includes('Warehouse'));
  });

  it('no place kept: "packed in the warehouse where the goods are stored", "the room where the party was held was cold"', () => {
    assert.deepEqual(fieldsOf('Shops receive orders. An order has a total. Orders are packed in the warehouse where the goods are stored.', 'Order'), ['total:money']);
    assert.deepEqual(fieldsOf('Hosts plan parties. A party has a date. The room where the party was held was cold.', 'Party'), ['date:date']);
  });
});
