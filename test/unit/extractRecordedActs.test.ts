// "Coaches log attendance at training sessions": a verb of recording whose object names an act (a
// noun a transaction verb makes: attendance, booking, loan…) keeps a record of that act, which belongs
// to who records it and to what it happened at (recordedActs.ts). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: acts that people record ("mark attendance at rehearsals")', () => {
  it('are records linked to the recorder and to where the act happened', () => {
    const spec = extractSpec('Youth orchestra. Players log attendance at concerts. Each concert has a date and a venue. Each player has a name and an instrument.');
    const links = spec.relations.map((r) => `${r.from}->${r.to}`);
    assert.ok(spec.entities.some((e) => e.name === 'Attendance'), spec.entities.map((e) => e.name).join(', '));
    assert.ok(links.includes('Attendance->Player') && links.includes('Attendance->Concert'), links.join(', '));
    assert.ok(!links.includes('Player->Concert'), links.join(', '));
  });
});
