// What the records are said to differ in is a value each one has (issue #11, explicit fields).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record taken from the text. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`) ?? [];

describe('extract fields: what the records differ in', () => {
  it('"several bakeries in different villages", "ferry routes with different harbours": each record has one such value', () => {
    assert.deepEqual(fieldsOf('A family runs several bakeries in different villages. Each bakery has a name.', 'Bakery'), ['name:string', 'village:string']);
    assert.deepEqual(fieldsOf('Ships sail on ferry routes with different harbours. Each ferry route has a number.', 'FerryRoute'), ['number:integer', 'harbour:string']);
  });

  it('a record it differs in is a link, not a value ("courses in different rooms" with Room a record); "various kinds of cakes" sorts things', () => {
    assert.deepEqual(fieldsOf('Teachers give courses in different rooms. Each course has a title. Each room has a number.', 'Course'), ['title:string']);
    assert.deepEqual(fieldsOf('The bakery sells various kinds of cakes. Each cake has a price.', 'Cake'), ['price:money']);
  });
});
