// Uniqueness written as two records that may not share a day or a place ("no 2 concerts on the same
// date", "a pupil can't have two driving lessons on the same day") (issue #11: such a sentence was
// mapped by its record and the rule dropped silently). Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { accountSentences } from '../../src/model/project/accounting';

/** The status of the sentence that starts with `start`, and the rules made from it. */
function outcome(text: string, start: string): { status: string; rules: string[] } {
  const spec = extractSpec(text);
  const account = accountSentences(spec).find((a) => a.text.startsWith(start));
  assert.ok(account, `no sentence starts with "${start}"`);
  return { status: account.status, rules: spec.rules.filter((r) => r.sources.includes(account.id)).map((r) => `${r.kind} ${r.entity}${'fields' in r && r.fields ? ` ${r.fields.join('+')}` : ''}`) };
}

describe('extract rules: no two records on the same day (issue #11)', () => {
  const shows = 'The theatre stages shows. A show has a title, a date, a night and a venue. ';

  it('"no 2 shows on the same date", "no 2 shows same date", "two shows can\'t be on the same date": the date is unique', () => {
    assert.deepEqual(outcome(`${shows}No 2 shows on the same date.`, 'No 2').rules, ['unique Show date']);
    assert.deepEqual(outcome(`${shows}No 2 shows same date.`, 'No 2').rules, ['unique Show date']);
    assert.deepEqual(outcome(`${shows}Two shows can't be on the same date.`, 'Two').rules, ['unique Show date']);
    assert.ok(extractSpec(`${shows}No 2 shows on the same date.`).entities.find((e) => e.name === 'Show')?.fields.find((f) => f.name === 'date')?.unique);
  });

  it('every "the same …" is part of the uniqueness ("no two shows at the same venue on the same night")', () => {
    assert.deepEqual(outcome(`${shows}No two shows at the same venue on the same night.`, 'No two').rules, ['unique Show venue+night']);
  });

  it('"a pupil can\'t have two driving lessons on the same day": unique per pupil and date', () => {
    const text = 'Pupils book driving lessons with an instructor. A driving lesson has a pupil, a date and a start time. A pupil can\'t have two driving lessons on the same day.';
    assert.deepEqual(outcome(text, 'A pupil can').rules, ['unique DrivingLesson pupil+date']);
  });

  it('a record that is not stored, or no day to compare, is listed', () => {
    const text = `${shows}There are never two parades on the same date.`;
    assert.equal(outcome(text, 'There are').status, 'notUnderstood');
    const noDate = 'Clubs hold meetings. A meeting has a topic and a room. No two meetings on the same day.';
    assert.deepEqual(outcome(noDate, 'No two'), { status: 'notUnderstood', rules: [] });
    assert.match(extractSpec(noDate).notUnderstood.map((n) => n.reason).join(' '), /no field or link for "day"/);
  });

  it('"at the same time" is not a uniqueness of the day', () => {
    assert.deepEqual(outcome(`${shows}No two shows at the same time.`, 'No two').rules, []);
  });
});
