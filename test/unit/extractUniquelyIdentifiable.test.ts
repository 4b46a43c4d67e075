// "Each order is uniquely identifiable": a record the text says can be told apart, with no value named,
// gets a unique number (explicit fields; a uniqueness rule on it).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record taken from the text, "!" after a unique one. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}${f.unique ? '!' : ''}`) ?? [];
const uniqueRules = (text: string): string[] =>
  extractSpec(text).rules.flatMap((r) => (r.kind === 'unique' ? [`${r.entity}(${r.fields.join(',')})`] : []));

describe('extract fields: a record said to be uniquely identifiable', () => {
  it('"each order is uniquely identifiable", "every book must be uniquely identifiable": a unique number', () => {
    const orders = 'Customers place orders. An order has a date. Each order is uniquely identifiable and refers to exactly one product.';
    assert.deepEqual(fieldsOf(orders, 'Order'), ['date:date', 'number:string!']);
    assert.deepEqual(uniqueRules(orders), ['Order(number)']);
    assert.deepEqual(fieldsOf('Libraries lend books. A book has a title. Every book must be uniquely identifiable.', 'Book'), ['title:string', 'number:string!']);
    assert.deepEqual(fieldsOf('Warehouses store pallets. A pallet has a weight. All pallets should be uniquely identifiable, and each pallet has a colour.', 'Pallet'), ['weight:decimal', 'colour:string', 'number:string!']);
  });

  it('a record with a unique value of its own is told apart by it', () => {
    const parcels = 'Couriers deliver parcels. A parcel has a weight and a unique barcode. Each parcel is uniquely identifiable.';
    assert.deepEqual(fieldsOf(parcels, 'Parcel'), ['weight:decimal', 'barcode:string!']);
    assert.deepEqual(uniqueRules(parcels), ['Parcel(barcode)']);
  });

  it('no number: identified by a value, within a scope, or a person', () => {
    assert.deepEqual(fieldsOf('Shops sell products. Each product is uniquely identified by its name.', 'Product'), ['name:string!']);
    assert.deepEqual(fieldsOf('Clubs hold matches. A match has a date. Matches need to be uniquely identified in the league.', 'Match'), ['date:date']);
    assert.deepEqual(fieldsOf('Patients visit doctors. A patient has a name. Every patient must be uniquely identifiable.', 'Patient'), ['name:string']);
  });
});
