// Two plurals joined by a slash ("drills/exercises") are alternatives, not one word (nlp.ts cleanForTagging).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

describe('extractor: plurals joined by a slash', () => {
  it('are read as two words, so no record is named after the glued pair', () => {
    const words = tagSentence('As a coach, I want to schedule drills/exercises for a team.').map((t) => t.w);
    assert.ok(words.includes('drills') && words.includes('exercises'), words.join(' '));
    assert.ok(!words.some((w) => w.includes('drillsexercises')), words.join(' '));
    // A slash between singular values stays as written ("date/time").
    assert.ok(!tagSentence('The start date/time is stored.').some((t) => t.w === 'or'));
    const text = [
      'As a coach, I want to schedule drills/exercises for a team, so that I can track each team\'s progress.',
      'As a coach, I want to delete drills/exercises I scheduled.',
      'As a coach, I want to register players with a name and a shirt number.',
      'Each team has a name and a league.',
    ].join('\n');
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(!names.some((n) => /drills/i.test(n)), names.join(', '));
    assert.ok(names.includes('Player') && names.includes('Team'), names.join(', '));
  });
});
