// "store the repair shop (name and address are known)", "other player attributes (identified by a
// name and a value)": a bracket that says in so many words that it gives a thing's own values makes
// the thing a record with those values (and a link from the record whose list names it), even when
// its head is a word the word lists keep out ("shop", "attribute") and even inside another list.
// A bracket of possible values ("(small, medium, large)") or of examples stays what it was.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { valuesInBrackets } from '../../src/core/extract/fieldItems';

const entity = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name);
const fieldsOf = (text: string, name: string) => entity(text, name)?.fields.map((f) => f.name) ?? [];

describe('extract: a thing given its own values in brackets', () => {
  it('reads the words that say a bracket lists values, and nothing else', () => {
    assert.equal(valuesInBrackets('name and address are known'), 'name and address');
    assert.equal(valuesInBrackets('identified by a name and a value'), 'a name and a value');
    assert.equal(valuesInBrackets('incl. company name and address'), 'company name and address');
    assert.equal(valuesInBrackets('its title is stored'), 'title');
    assert.equal(valuesInBrackets('small, medium, large'), undefined);
    assert.equal(valuesInBrackets('e.g. yoga, pilates'), undefined);
    assert.equal(valuesInBrackets('about 20 minutes'), undefined);
  });

  it('"I want to store the repair shop (name and address are known), …": a record of its own, linked', () => {
    const text = 'Vehicles sometimes need repairs. For each repair I want to store the repair shop (name and address are known), the mechanic, and the cost of the repair.';
    assert.deepEqual(fieldsOf(text, 'RepairShop').sort(), ['address', 'name']);
    const spec = extractSpec(text);
    assert.ok(spec.relations.some((r) => r.from === 'Repair' && r.to === 'RepairShop'), JSON.stringify(spec.relations));
    assert.ok(!fieldsOf(text, 'Repair').includes('repairShop'));
  });

  it('the values joined after that record stay the record\'s own ("…, the mechanic who took the vehicle to the repair shop, and the duration and cost of the repair")', () => {
    const text = 'Vehicles sometimes need repairs. For each repair I want to store the repair shop (name and address are known), the mechanic who took the vehicle to the repair shop, and the duration and cost of the repair.';
    const fields = fieldsOf(text, 'Repair');
    assert.ok(fields.includes('duration') && fields.includes('cost'), fields.join(', '));
  });

  it('"other player attributes (identified by a name and a value)" inside a longer list', () => {
    const text = 'Scouts watch players. The head coach defines player profiles, which include target positions, and other player attributes (identified by a name and a value).';
    assert.deepEqual(fieldsOf(text, 'PlayerAttribute').sort(), ['name', 'value']);
  });

  it('"the supplier (name and phone number are recorded)" in a bakery\'s orders', () => {
    const text = 'The bakery orders flour. Each order has a date, a quantity and the supplier (name and phone number are recorded).';
    assert.deepEqual(fieldsOf(text, 'Supplier').sort(), ['name', 'phoneNumber']);
  });

  it('"a print shop (address and opening hours are stored)" for a campaign', () => {
    const text = 'Volunteers plan campaigns. For each campaign we keep the title, the budget and the print shop (address and opening hours are stored).';
    assert.ok(entity(text, 'PrintShop'), extractSpec(text).entities.map((e) => e.name).join(', '));
    assert.deepEqual(fieldsOf(text, 'PrintShop').sort(), ['address', 'openingHours']);
  });

  it('near misses: a bracket of possible values or of examples makes no record', () => {
    const sizes = 'Customers order pizzas. Each pizza has a name, a price and a size (small, medium, large).';
    assert.ok(!entity(sizes, 'Size'));
    const examples = 'Members join classes. Each class has a title, a room and a style (e.g. yoga, pilates).';
    assert.ok(!entity(examples, 'Style'));
  });

  it('near miss: a bracket about a single value gives no record ("a duration (in minutes)")', () => {
    const text = 'Trainers run sessions. Each session has a date and a duration (in minutes).';
    assert.ok(!entity(text, 'Duration'));
    assert.ok(fieldsOf(text, 'Session').includes('duration'));
  });
});
