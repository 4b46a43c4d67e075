// A generic word given a list of values is a record: "Tool: name, category, condition", and a
// markdown table whose second column holds the fields (colonValueRecords.ts, tables.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tableToSentences } from '../../src/core/extract/tables';

const entity = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name);

describe('extractor: a generic word given a list of values', () => {
  it('"Tool: name, category, condition" makes Tool a record, and a loan of a tool links to it', () => {
    const text = 'Tool library\nTool: name, category, condition\nLoan: borrower, tool, due date';
    assert.deepEqual(entity(text, 'Tool')?.fields.map((f) => f.name), ['name', 'category', 'condition']);
    assert.ok(extractSpec(text).relations.some((r) => r.from === 'Loan' && r.to === 'Tool'));
    const salon = 'Our hair salon takes bookings. Service: name, price, duration. Stylists take appointments for a service.';
    assert.ok(entity(salon, 'Service'), 'no Service');
  });

  it('items that are no values, a screen or a heading word keep the word out', () => {
    const names = extractSpec('Tools: VS Code, git, docker. Pages: home, about, contact. Screen: name, title, colour. Gardeners log harvests with a crop and a weight.').entities.map((e) => e.name);
    assert.deepEqual(names.filter((n) => ['Tool', 'Page', 'Screen'].includes(n)), []);
    const numbers = extractSpec('# Numbers\nStudents: name, school year, parent email.').entities.map((e) => e.name);
    assert.ok(!numbers.includes('Number'), numbers.join(', '));
  });
});

describe('extractor: a markdown table of records with a fields column', () => {
  it('"| Tool | Fields |": a second column of fields says each row names a record', () => {
    assert.deepEqual(tableToSentences(['| Record type | Fields |', '|---|---|', '| Bike | frame size, colour |', '| Repair | bike, date, price |'], undefined), ['Bike: frame size, colour', 'Repair: bike, date, price']);
    const spec = extractSpec('| Bike shop | Fields |\n|---|---|\n| Bike | frame size, colour |\n| Repair | bike, date, price |');
    assert.deepEqual(spec.entities.map((e) => e.name).sort(), ['Bike', 'Repair']);
    // A table of a record's fields stays one field list.
    assert.equal(tableToSentences(['| Field | Type |', '|---|---|', '| name | text |'], 'Pets')?.length, 1);
  });
});
