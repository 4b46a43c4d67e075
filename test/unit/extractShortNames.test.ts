// A record named once by a compound and then by its head ("blog posts … A post has a title") is one
// record, and a list's subject that lost a generic modifier ("A time entry has a date, …") is the
// record the compound names.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const shape = (text: string) => extractSpec(text).entities.map((e) => `${e.name}(${e.fields.map((f) => f.name).join(',')})`);

describe('extract: a record named by a compound and by its head', () => {
  it('makes one record of "blog posts" then "a post has …"', () => {
    // (Users who write posts sign in, so the author is the user who wrote it: a link, not a field.)
    assert.deepEqual(shape('Users write blog posts. A post has a title, a body and an author.'), ['User(name)', 'Post(title,body)']);
    const orders = shape('Customers place purchase orders. An order has a date and a total.');
    assert.ok(orders.includes('Order(date,total)') && !orders.some((e) => e.startsWith('PurchaseOrder')), orders.join(' '));
  });

  it('keeps a kind named after its general record, and one given values of its own', () => {
    const sessions = shape('Trainers give sessions. A session has a date and a room. Group sessions have a type.');
    assert.ok(sessions.some((e) => e.startsWith('GroupSession')), sessions.join(' '));
    const sensors = shape('The company makes temperature sensors. Temperature sensors have a valid range. A sensor has a vendor and a unit.');
    assert.ok(sensors.some((e) => e.startsWith('TemperatureSensor')), sensors.join(' '));
  });

  it('gives the fields of "a time entry has …" to TimeEntry', () => {
    const found = shape('Freelancers track time on projects. A time entry has a date, hours and a description. Clients receive invoices for projects.');
    assert.ok(found.includes('TimeEntry(date,hours,description)'), found.join(' '));
  });
});
