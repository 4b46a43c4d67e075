// Which candidate nouns become entities (chooseEntities.ts): each general pattern with its own
// small texts, written for these tests.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract/index';
import { headPointsBack } from '../../src/core/extract/chooseEntities';
import { recordsByStructure } from '../../src/core/extract/structuralRecords';
import { splitSentences } from '../../src/core/extract/sentences';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extract: choosing entities', () => {
  it('a bare head first written after the one compound it ends points back to it ("seat categories … each category")', () => {
    const spec = names('Shows are played in a theatre. Each show has a date. A theatre has several price categories. The name of each category is stored, and the surcharge that applies in this category. Each ticket is for a price category.');
    assert.ok(spec.includes('PriceCategory'), spec.join(', '));
    assert.ok(!spec.includes('Category'), spec.join(', '));
    assert.equal(headPointsBack('category', 'price category', 'a theatre has several price categories. the name of each category is stored'), true);
    // A head written before its compound names the general record; the compound is a kind of it.
    assert.equal(headPointsBack('account', 'savings account', 'each account has a number. savings accounts have an interest rate'), false);
    assert.equal(headPointsBack('room', 'meeting room', 'rooms have a capacity. members book meeting rooms'), false);
    // "a room" after the compound brings in rooms in general, it does not point back.
    assert.equal(headPointsBack('room', 'meeting room', 'members book meeting rooms. a room has a capacity'), false);
  });

  it('an adjective in -ly names a kind of generic head the text identifies ("a weekly price is identified by a date …"); an adverb does not', () => {
    const spec = names('A shop sells products. A product has a name and a size. A weekly price is identified by a date, the product and the shop.');
    assert.ok(spec.includes('WeeklyPrice'), spec.join(', '));
    const described = recordsByStructure(splitSentences('A monthly invoice consists of invoice lines. A newly price is identified by a code.').sentences);
    assert.deepEqual([...described], ['monthly invoice']);
  });

  it('"each use", "each step": counting a word that names no stored thing says how often, not what is kept', () => {
    const spec = names('Each station has a location. For each use of a charging station, the app stores the start time and the energy. Each driver books 20 uses of the charging service per year.');
    assert.ok(spec.includes('ChargingStation'), spec.join(', '));
    assert.ok(!spec.includes('Use'), spec.join(', '));
  });

  it('"guides, whose names, phone numbers and email addresses must be stored": values of the noun before "whose", not records', () => {
    const spec = extractSpec('Each trip has a date. Trips are sold through agents, whose names, phone numbers and email addresses must be stored.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(!names.includes('Address'), names.join(', '));
    assert.ok(spec.entities.find((e) => e.name === 'Agent')?.fields.some((f) => f.name === 'emailAddress'), JSON.stringify(spec.entities.map((e) => e.fields.map((f) => f.name))));
  });
});
