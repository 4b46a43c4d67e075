// Nouns a cue made candidates that the text shows are not records (notRecords.ts).
import * as assert from 'node:assert/strict';
import { notARecord } from '../../src/core/extract/notRecords';
import { splitSentences } from '../../src/core/extract/sentences';
import { extractSpec } from '../../src/core/extract';

const sentences = (text: string) => splitSentences(text).sentences;

describe('extractor: nouns that are not records', () => {
  it('a report the app prints or sends is output, unless the text says it is stored', () => {
    assert.ok(notARecord('report', sentences('Each month we print a report for the board with the total hours.')));
    assert.ok(notARecord('summary', sentences('The app emails a weekly summary to each coach.')));
    assert.ok(!notARecord('report', sentences('Inspectors send reports to the office. The reports are stored for ten years.')));
    assert.ok(!notARecord('report', sentences('Each inspector writes a report with a date and a verdict.')));
  });

  it('keeps the records and leaves the printed report out of the spec', () => {
    const spec = extractSpec('Volunteers sign up for shifts. Each shift has a date, a start time and an end time. Each volunteer has a name and a phone number. Every month we print a report with the total hours and the number of shifts.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('Shift') && !names.includes('Report'), names.join(', '));
  });
});
