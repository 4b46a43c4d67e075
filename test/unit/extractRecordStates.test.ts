// States a record is said to reach become a value it stores (issue #11, explicit fields): steps of a
// lifecycle are its status, a condition that comes and goes a yes/no value.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type[:values]" of each field of one record taken from the text. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text)
    .entities.find((e) => e.name === entity)
    ?.fields.filter((f) => f.sources.length)
    .map((f) => [f.name, f.type, ...(f.enumValues ? [f.enumValues.join('|')] : [])].join(':')) ?? [];

describe('extract fields: the states a record reaches', () => {
  it('"a refund request is approved", "… can be rejected", "is marked as paid": the steps are the values of its status, in lifecycle order', () => {
    const text =
      'Guests send refund requests. Each refund request has an amount and a reason. A manager decides whether the refund request is approved. ' +
      'A refund request can also be rejected. Once the money is sent, the refund request is marked as "paid".';
    assert.deepEqual(fieldsOf(text, 'RefundRequest'), ['amount:money', 'reason:string', 'status:enum:approved|paid|rejected']);
  });

  it('"the locker is automatically blocked" is a condition that comes and goes: a yes/no value named after it', () => {
    assert.deepEqual(fieldsOf('Members rent lockers. Each locker has a number. When a rent is overdue, the locker is automatically blocked.', 'Locker'), ['number:integer', 'blocked:boolean']);
  });

  it('a state of something else ("is shipped to a customer", "that a parcel is approved by" without a record) adds nothing', () => {
    // A direction after the participle is an action on the record, not a state it stores.
    assert.deepEqual(fieldsOf('Shops sell lamps. Each lamp has a price. A lamp is shipped to a customer.', 'Lamp'), ['price:money']);
    // "so that available lamps …": a conjunction, not a determiner of the record.
    assert.deepEqual(fieldsOf('Shops sell lamps. Each lamp has a price. We check stock so that available lamps can be shipped quickly.', 'Lamp'), ['price:money']);
  });

  it('what a person marks a record as is a yes/no value: "define a route as seasonal, i.e. …", "mark a volunteer as inactive" (stored as active); not "as a captain" or "as unavailable"', () => {
    assert.deepEqual(fieldsOf('Each route has a name. The planner may also define a route as seasonal, i.e., it only runs in summer.', 'Route'), ['name:string', 'seasonal:boolean']);
    assert.deepEqual(fieldsOf('Volunteers work shifts. Each volunteer has a name and a phone. A coordinator can mark a volunteer as inactive so that they can no longer sign up.', 'Volunteer'), ['name:string', 'phone:string', 'active:boolean']);
    // A role is no value; availability follows from other records (a period unavailable for one teacher).
    assert.deepEqual(fieldsOf('Each route has a name. The planner may mark a route as a favourite route.', 'Route'), ['name:string']);
    assert.deepEqual(fieldsOf('Each room has a number. A teacher can mark a room as unavailable, with a reason.', 'Room'), ['number:integer']);
  });

  it('more steps of a lifecycle: "the report is reviewed by a doctor, and then the report is sent" is a status (reviewed, sent)', () => {
    assert.deepEqual(fieldsOf('Labs write reports. Each report has a title. The report is reviewed by a doctor, and then the report is sent.', 'Report'), ['title:string', 'status:enum:reviewed|sent']);
  });
});
