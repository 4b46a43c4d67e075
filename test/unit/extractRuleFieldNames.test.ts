// A rule that adds the field it is about names it from a span of its sentence; the span must read as
// a field's name the way a list item does (fieldItem's name check), or no field is added.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { namesAField } from '../../src/core/extract/fieldItem';

function fieldNames(text: string): string[] {
  return extractSpec(text).entities.flatMap((e) => e.fields.map((f) => `${e.name}.${f.name}`));
}

describe('extract rules: fields named from rule spans', () => {
  it('a name keeps all its words when read as an item; clause spans and lone participles name no field', () => {
    for (const name of [['booking', 'number'], ['vendor-id'], ['max', 'cards'], ['finished', 'at'], ['email']]) assert.ok(namesAField(name), name.join(' '));
    for (const span of [['number', 'such', 'as'], ['of', 'the', 'booking', 'information'], ['start', 'of', 'the'], ['offer', 'expires', '24', 'hours'], ['considered'], ['assumed']]) {
      assert.ok(!namesAField(span), span.join(' '));
    }
  });

  it('a uniqueness or date-order rule adds no field named from a clause span', () => {
    const unique = fieldNames('A lab has rooms. Within a lab, each room has a unique number such as 1, 2, 3, etc.');
    assert.ok(!unique.some((f) => /SuchAs/.test(f)), unique.join(', '));
    const pizzas = fieldNames('A pizza has a name and a price. While two pizzas may have the same name, they are different and thus should be considered unique.');
    assert.ok(!pizzas.some((f) => /considered/i.test(f)), pizzas.join(', '));
    const shows = fieldNames('A show has a title and a start time. The offer expires 24 hours before the start of the show.');
    assert.ok(!shows.some((f) => /offerExpires|startOfThe/.test(f)), shows.join(', '));
  });
});
