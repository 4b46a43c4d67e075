// A condition put before the main clause ("When an invoice gets status overdue, …", "If a tenant
// still needs a parking spot, …") says when the main clause holds, not what a record keeps: its
// values are no fields; the records it names are still linked.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The field names of an entity that come from the text (none when the entity is missing). */
function fieldsOf(text: string, entity: string): string[] {
  return extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources?.length).map((f) => f.name) ?? [];
}

describe('extract fields: the values of a fronted condition are no fields', () => {
  it('"When a room has a broken heater, …", "When a player gets a red card, …", "Once a bike has a flat tyre, …": nothing the record keeps', () => {
    assert.deepEqual(fieldsOf('Each room has a number, a floor and a price. When a room has a broken heater, the staff fix it.', 'Room'), ['number', 'floor', 'price']);
    assert.deepEqual(fieldsOf('Players join teams. When a player gets a red card, the referee sends him off.', 'Player'), []);
    assert.deepEqual(fieldsOf('Mechanics repair bikes. Once a bike has a flat tyre, the mechanic repairs it.', 'Bike'), []);
  });

  it('"When an invoice gets status overdue, all reminders … are sent": the condition ends at its comma', () => {
    const fields = extractSpec('Each invoice has a number and an amount. When an invoice gets status overdue, all reminders for that invoice are sent again.').entities.flatMap((e) => e.fields.map((f) => f.name));
    assert.ok(!fields.some((f) => /overdue|reminder/i.test(f)), fields.join(', '));
    const tenant = extractSpec('Tenants rent flats. If a tenant still needs a parking spot, the manager assigns one.').entities.flatMap((e) => e.fields.map((f) => f.name));
    assert.ok(!tenant.some((f) => /parking|assigns/i.test(f)), tenant.join(', '));
  });

  it('a record the condition names is still linked ("If a member already has a book, …")', () => {
    const spec = extractSpec('Members borrow books. If a member already has a book, the library refuses another loan.');
    assert.ok(spec.relations.some((r) => r.to === 'Book' && /book/i.test(r.name)), JSON.stringify(spec.relations));
  });

  it('near misses: a "with" list of a condition, and a list of the main clause after a lead-in without a comma', () => {
    assert.deepEqual(fieldsOf('Guests stay in rooms. When a guest checks in with a passport number and a car plate, the desk gives them a key.', 'Guest'), ['passportNumber', 'carPlate']);
    assert.deepEqual(
      fieldsOf('When a car comes in we open a service record for it with the arrival date, the mileage and the total price.', 'ServiceRecord'),
      ['arrivalDate', 'mileage', 'totalPrice'],
    );
    assert.deepEqual(fieldsOf('When the season starts, each team has a name, a coach and a home ground.', 'Team'), ['name', 'coach', 'homeGround']);
  });
});
