import * as assert from 'node:assert/strict';
import { impliedDateOrders, meaningMin, mustHaveText, withMeaningDefaults, withMeaningMin } from '../../src/core/generator/fieldMeaning';
import { Entity, Field, ProjectSpec, type FieldType } from '../../src/model/project/projectSpec';

const field = (name: string, type: FieldType, extra: Partial<Field> = {}): Field => Field.parse({ name, label: extra.label ?? name, type, ...extra });
const entity = (fields: Field[]): Entity => Entity.parse({ name: 'Thing', label: 'Thing', pluralLabel: 'Things', fields });

describe('field meaning: validation defaults', () => {
  it('gives counts, amounts, durations and measures a minimum of 0', () => {
    for (const name of ['cookingTime', 'durationMinutes', 'quantity', 'itemCount', 'unitPrice', 'deliveryFee', 'totalAmount', 'servings', 'weightKg', 'age']) {
      assert.equal(meaningMin(field(name, 'integer')), 0, name);
    }
    assert.equal(meaningMin(field('distance', 'decimal')), 0);
    // Money is an amount whatever it is called; the label counts as much as the name.
    assert.equal(meaningMin(field('charged', 'money')), 0);
    assert.equal(meaningMin(field('x', 'integer', { label: 'Number of guests' })), 0);
  });

  it('makes capacities and limits at least 1 (0 for decimals, which have no next step)', () => {
    for (const name of ['capacity', 'seats', 'maxGuests', 'roomLimit', 'slotsPerDay']) assert.equal(meaningMin(field(name, 'integer')), 1, name);
    assert.equal(meaningMin(field('tankCapacity', 'decimal')), 0);
  });

  it('guesses nothing for signed quantities, other numbers and non-number fields', () => {
    for (const name of ['balance', 'priceChange', 'temperature', 'scoreDelta', 'latitude', 'floor', 'priority', 'rating']) {
      assert.equal(meaningMin(field(name, name === 'balance' ? 'money' : 'integer')), undefined, name);
    }
    assert.equal(meaningMin(field('price', 'string')), undefined);
    assert.equal(meaningMin(field('count', 'text')), undefined);
  });

  it('keeps what the spec states: its min, or a max below the default', () => {
    assert.equal(withMeaningMin(field('capacity', 'integer', { min: 0 })).min, 0);
    assert.equal(withMeaningMin(field('capacity', 'integer', { max: 200 })).min, 1);
    assert.equal(withMeaningMin(field('fee', 'money', { max: -1 })).min, undefined);
    assert.equal(withMeaningMin(field('fee', 'money', { min: -5 })).min, -5);
  });

  it('needs text in required text fields only', () => {
    assert.equal(mustHaveText(field('title', 'string', { required: true })), true);
    assert.equal(mustHaveText(field('body', 'text', { required: true })), true);
    assert.equal(mustHaveText(field('note', 'text')), false);
    assert.equal(mustHaveText(field('email', 'email', { required: true })), false);
  });
});

describe('field meaning: implied date orders', () => {
  it('orders end after start when the other words match, or after the only start', () => {
    const thing = entity([field('startDate', 'date'), field('endDate', 'date'), field('startTime', 'datetime'), field('endTime', 'datetime')]);
    assert.deepEqual(
      impliedDateOrders(thing, []).map((r) => [r.earlier, r.later, r.allowEqual]),
      [['startDate', 'endDate', true], ['startTime', 'endTime', false]],
    );
    const trip = entity([field('beginsAt', 'datetime'), field('finishedAt', 'datetime'), field('dueOn', 'date')]);
    assert.deepEqual(impliedDateOrders(trip, []).map((r) => `${r.earlier}<${r.later}`), ['beginsAt<finishedAt', 'beginsAt<dueOn']);
    assert.deepEqual(impliedDateOrders(entity([field('validFrom', 'date'), field('validUntil', 'date')]), []).map((r) => r.later), ['validUntil']);
    assert.deepEqual(impliedDateOrders(entity([field('checkInDate', 'date'), field('checkOutDate', 'date')]), []).map((r) => r.earlier), ['checkInDate']);
  });

  it('adds nothing the spec already orders, without a start, or when the start is ambiguous', () => {
    const thing = entity([field('startsAt', 'datetime'), field('endsAt', 'datetime')]);
    const stated = ProjectSpec.shape.rules.parse([{ kind: 'dateOrder', entity: 'Thing', earlier: 'startsAt', later: 'endsAt' }]);
    assert.deepEqual(impliedDateOrders(thing, stated), []);
    assert.deepEqual(impliedDateOrders(entity([field('dueDate', 'date'), field('returnedAt', 'datetime')]), []), []);
    assert.deepEqual(impliedDateOrders(entity([field('startA', 'date'), field('openedOn', 'date'), field('endB', 'date')]), []), []);
    // Only date and date-time fields take part.
    assert.deepEqual(impliedDateOrders(entity([field('startsAt', 'datetime'), field('endNote', 'string')]), []), []);
  });

  it('applies both to a spec once (the result is unchanged by a second pass)', () => {
    const spec = ProjectSpec.parse({
      name: 'app',
      title: 'App',
      requirements: { text: '', sentences: [] },
      auth: { kind: 'none' },
      entities: [{ name: 'Stay', label: 'Stay', pluralLabel: 'Stays', fields: [field('checkin', 'date', { sources: [1] }), field('checkout', 'date', { sources: [2] }), field('guests', 'integer')] }],
    });
    const read = withMeaningDefaults(spec);
    assert.deepEqual(read.rules, [{ kind: 'dateOrder', entity: 'Stay', earlier: 'checkin', later: 'checkout', allowEqual: true, sources: [1, 2] }]);
    assert.equal(read.entities[0].fields[2].min, 0);
    assert.deepEqual(withMeaningDefaults(read), read);
    assert.equal(spec.rules.length, 0, 'the stated spec is not changed');
  });
});
