// Whose fields a sentence lists, and how they are named: "the same X", lists after "consist of
// Ys with …", values "of the Xs" after a list, plural owners with plural values.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { findFieldLists } from '../../src/core/extract/fields';
import { splitSentences } from '../../src/core/extract/sentences';

function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`);
}

const listed = (text: string) => findFieldLists(splitSentences(text).sentences[0], false).map((l) => `${l.subject} <- ${l.items.map((i) => i.words.join(' ')).join(', ')}`);

describe('extract fields: owners and names', () => {
  it('"two boats may have the same name" names the boat\'s name, not a field "same name"', () => {
    assert.deepEqual(fieldsOf('A harbour registers ships. Each ship has a length in metres. Two ships may have the same name.', 'Ship').map((f) => f.split(':')[0]), ['length', 'name']);
  });

  it('"Xs consist of Ys with a and b": the list is the Ys\', one of each per Y', () => {
    const text = 'Depots consist of mechanics with first and last names. Each depot has its own address.';
    assert.deepEqual(fieldsOf(text, 'Mechanic'), ['firstName:string', 'lastName:string']);
    assert.deepEqual(fieldsOf(text, 'Depot'), ['address:string']);
    // Records listed after the values are parts of the whole, like the mechanics.
    const spec = extractSpec('Depots consist of mechanics with first and last names and trucks. Each depot has its own address. Each truck has a plate number.');
    assert.deepEqual(spec.relations.map((r) => `${r.from} -> ${r.to}`).sort(), ['Mechanic -> Depot', 'Truck -> Depot']);
    // A review of a book is still the review's subject.
    assert.deepEqual(fieldsOf('A review of a book has a rating and a comment. Books have a title.', 'Review').map((f) => f.split(':')[0]), ['rating', 'comment']);
  });

  it('a list before "of the Xs are known" is read whole, not cut at its first comma as a lead-in', () => {
    assert.deepEqual(listed('The title, start and end dates of the courses are known.'), ['course <- title, start date, end date']);
    // A lead-in clause before the list still goes.
    assert.deepEqual(listed('In the case of a group, the size and the leader of the group are recorded.'), ['group <- size, leader']);
  });

  it('plural owners with plural values have one of each; a plural among singulars stays a list', () => {
    assert.deepEqual(fieldsOf('The names and phone numbers of the members are known. Members join clubs.', 'Member'), ['name:string', 'phoneNumber:string']);
    assert.ok(fieldsOf('Recipes have a title and ingredients. Cooks write recipes.', 'Recipe').some((f) => f.startsWith('ingredients')));
  });

  it('values kept in a later clause (", and the …", ", whereby the …") are read too', () => {
    assert.deepEqual(listed('Each ferry is identified by a code, and the system also records the capacity and the length of the ferry.'), ['ferry <- code', 'ferry <- capacity, length']);
    assert.deepEqual(listed('Walks are offered in a park, and the duration and distance of a walk are known.'), ['walk <- duration, distance']);
    assert.deepEqual(listed('Volunteers help at events for some hours, whereby the title and date of the events are known.'), ['event <- title, date']);
    assert.deepEqual(fieldsOf('Walks are offered in a park, and the duration and distance of a walk are known. Parks have a name.', 'Walk').map((f) => f.split(':')[0]), ['duration', 'distance']);
  });

  it('values given by example after a word for values ("details, such as …", "features, like …") are the values', () => {
    assert.deepEqual(listed('Each rental of a bike has further details, such as the agreed price for that bike and a return date.'), ['rental <- agreed price, return date']);
    assert.deepEqual(listed('This shop records several features, like the opening hour and the closing hour.'), ['shop <- opening hour, closing hour']);
    assert.deepEqual(listed('Also, author information will be added, including date of birth, name and a website.'), ['author <- date of birth, name, website']);
    assert.deepEqual(listed('When joining, the member will be requested some personal data such as home address and working hours.'), ['member <- home address, working hours']);
    // Without a word for values, "such as" still gives examples, not fields.
    assert.deepEqual(listed('A shop sells products such as bread and milk.'), []);
  });
});
