// Field shapes of the public-gold work, second round (#11, fields): one test per general pattern,
// each with its own small texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The field names of an entity that come from the text (none when the entity is missing). */
function fieldsOf(text: string, entity: string): string[] {
  return extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources?.length).map((f) => f.name) ?? [];
}

describe('extract fields: values people must give', () => {
  it('"hosts must give a nickname and a short bio", "…, write a bio, and indicate their rate": each verb gives one more value', () => {
    assert.deepEqual(fieldsOf('A festival books hosts for its stages. Hosts must give a nickname and a short bio.', 'Host'), ['nickname', 'bio']);
    const text = 'A festival books hosts for its stages. Every host must enter a nickname, write a short bio, and indicate their hourly rate.';
    assert.deepEqual(fieldsOf(text, 'Host'), ['nickname', 'bio', 'hourlyRate']);
    // ("can give a talk and a workshop" are things they do, not values they have.)
    assert.deepEqual(fieldsOf('A festival books hosts for its stages. Hosts can give a talk and a workshop.', 'Host'), []);
  });

  it('"When hosts sign up, they need to provide …", "when people … become members, they …": the lead-in clause says who gives them', () => {
    assert.deepEqual(fieldsOf('A festival books hosts for its stages. When hosts sign up, they need to provide a nickname and a phone number.', 'Host'), ['nickname', 'phoneNumber']);
    const become = 'A club lends boats to members. When people join the club and become members, they have to indicate their birthday and fill in their name and address.';
    assert.deepEqual(fieldsOf(become, 'Member'), ['birthday', 'name', 'address']);
  });
});
