// Still more shapes that state a record's values: "name: values" in a bracket ("deals (stage: lead,
// qualified, won, lost)") and values split by slashes after a colon ("stage: lead/qualified/won/lost").
// Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The sourced fields of one entity as "field(values)". */
function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.filter((f) => f.sources.length).map((f) => `${f.name}${f.enumValues ? `(${f.enumValues.join('|')})` : ''}`);
}

describe('extract fields: "name: values" inside a bracket, and values split by slashes after a colon', () => {
  it('a bracket holding "condition: a, b, c" is one field of the record before it, with those values', () => {
    const text = 'Bike co-op: members (name, email), bikes (condition: new, good, worn, broken)';
    assert.deepEqual(fieldsOf(text, 'Bike'), ['condition(new|good|worn|broken)']);
    assert.deepEqual(fieldsOf(text, 'Member'), ['name', 'email']);
  });

  it('after other fields in the bracket too, also with "or" before the last value', () => {
    assert.deepEqual(fieldsOf('Bike co-op: members (name, email), bikes (frame size, condition: new, good or worn)', 'Bike'), ['frameSize', 'condition(new|good|worn)']);
    assert.deepEqual(fieldsOf('The shop keeps plants (name, price, size: small, medium, large).', 'Plant'), ['name', 'price', 'size(small|medium|large)']);
  });

  it('a type or a flag after the colon is no value ("type: string, size" are two fields)', () => {
    assert.deepEqual(fieldsOf('The shop keeps plants (name, type: string, size).', 'Plant').map((f) => f.replace(/\(.*$/, '')), ['name', 'type', 'size']);
    assert.ok(!fieldsOf('The shop keeps plants (name, type: string, size).', 'Plant').some((f) => f.includes('(')), 'no values');
  });

  it('"status: open/closed": values split by slashes, after the list\'s last item, in its middle or in a bracket', () => {
    assert.deepEqual(fieldsOf('Volunteers fix bikes. A repair has a note and a status: open/waiting/done.', 'Repair'), ['note', 'status(open|waiting|done)']);
    assert.deepEqual(fieldsOf('Repairs: note, status: open/waiting/done, due date', 'Repair'), ['note', 'status(open|waiting|done)', 'dueDate']);
    assert.deepEqual(fieldsOf('Bike shop app: customers (name, phone), repairs (note, status: open/waiting/done)', 'Repair'), ['note', 'status(open|waiting|done)']);
    assert.deepEqual(fieldsOf('Volunteers fix bikes. Each repair has a status: open/done and a due date.', 'Repair'), ['status(open|done)', 'dueDate']);
  });
});

describe('extract fields: "report a problem with my plot, with a description and a photo"', () => {
  it('the second "with" list describes the record just made, not the thing it is about', () => {
    const spec = extractSpec('Anglers rent boats. As an angler I want to report a fault with my boat, with a description and a photo.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Fault')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['description', 'photo']);
    assert.ok(!spec.entities.find((e) => e.name === 'Boat')?.fields.some((f) => f.sources.length), 'the boat gets no values');
    assert.ok(spec.relations.some((r) => r.from === 'Fault' && r.to === 'Boat'), 'the fault is about the boat');
  });

  it('also after "about" ("file a complaint about their flat, with a date and a text")', () => {
    const spec = extractSpec('Tenants rent flats. Tenants can file a complaint about their flat, with a date and a text.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Complaint')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date', 'text']);
    assert.ok(!spec.entities.find((e) => e.name === 'Flat')?.fields.some((f) => f.sources.length), 'the flat gets no values');
  });
});
