// Multiplicity statements name two records: "A pupil is always in exactly one study group", "A study
// group is assigned to exactly one classroom" (linkedToOne.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: "exactly one" links two records', () => {
  it('both ends of "X is (assigned) to exactly one Y" are records, whatever the verb', () => {
    const found = names('A school has pupils and teachers. A pupil is always in exactly one study group. A study group is assigned to exactly one classroom.');
    assert.ok(found.includes('StudyGroup') && found.includes('Classroom'), found.join(', '));
    const plural = names('A lab employs researchers. Researchers belong to exactly one lab team. A researcher has a name and an email.');
    assert.ok(plural.includes('LabTeam'), plural.join(', '));
  });

  it('a passive whose agent is counted as one names a record the subject belongs to ("is taught by one lecturer")', () => {
    const spec = extractSpec('Workshops have a title and a date. Each workshop is led by one facilitator.');
    assert.ok(spec.entities.some((e) => e.name === 'Facilitator'), spec.entities.map((e) => e.name).join(', '));
    assert.ok(spec.relations.some((r) => r.from === 'Workshop' && r.to === 'Facilitator'), JSON.stringify(spec.relations));
    // ("is run by one of the staff" counts no record; "by one" after no passive is no agent.)
    const other = names('Workshops have a title and a date. Each workshop is run by one of the staff. Members pay by one card.');
    assert.ok(!other.includes('Staff') && !other.includes('Card'), other.join(', '));
  });

  it('leaves what a record has, values and sentences not opened by the thing alone', () => {
    // "has exactly one category label" may be a value; an hour is a unit; "the board" is one thing, not one of many.
    const found = names('Members write posts. A post has exactly one category label. Each session lasts at most one hour. The board approves exactly one budget plan.');
    assert.ok(!found.includes('CategoryLabel') && !found.includes('Hour') && !found.includes('BudgetPlan') && !found.includes('Board'), found.join(', '));
  });
});
