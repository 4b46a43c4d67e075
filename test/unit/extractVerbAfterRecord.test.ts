// A record's verb read as the head of a compound ("a screenplay comes from …") is not a record
// (chooseEntities.ts verbAfterRecord, used when compounds are merged into their heads).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { verbAfterRecord } from '../../src/core/extract/chooseEntities';

const records = new Set(['screenplay', 'student', 'tutor', 'fuel', 'customer']);
const isRecord = (word: string) => records.has(word);
const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: a record\'s verb is not a record', () => {
  it('a verb only ever written as "<one record> <verb>s" is the record acting', () => {
    assert.ok(verbAfterRecord('come', 'a screenwriter creates several screenplays, and a screenplay comes from exactly one screenwriter.', isRecord));
    assert.ok(verbAfterRecord('cancel', 'if the student cancels less than 24 hours before, 75% is paid. if the tutor cancels within 24 hours, …', isRecord));
  });

  it('a head also named as a thing, or a compound in its singular form, stays', () => {
    assert.ok(!verbAfterRecord('review', 'customers write reviews. the customer reviews are shown on the page.', isRecord));
    assert.ok(!verbAfterRecord('purchase', 'a fuel purchase is identified by an id.', isRecord));
    assert.ok(!verbAfterRecord('cancel', 'a student cancels a lesson. the cancels are listed.', isRecord));
  });

  it('leaves no record named after the verb in a spec', () => {
    const found = names('Films are shot on film sets. The name and most successful film of a screenwriter are stored. A screenwriter creates several screenplays, and a screenplay comes from exactly one screenwriter. The title and plot of each screenplay are known.');
    assert.ok(found.includes('Screenplay') && found.includes('Screenwriter'), found.join(', '));
    assert.ok(!found.includes('Come') && !found.includes('ScreenplayCome'), found.join(', '));
  });
});
