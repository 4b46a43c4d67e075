// Verbs that name a row ("follow", "vote", "rate"): evidence only when they act on people or many things.
import * as assert from 'node:assert/strict';
import { collectEvidence } from '../../src/core/extract/entities';
import { splitSentences } from '../../src/core/extract/sentences';

const evidenceFor = (text: string, key: string) => collectEvidence(splitSentences(text).sentences).get(key)?.score ?? 0;

describe('extractor: verbs that name a row', () => {
  it('counts "follow other users", "vote on items", "rate a recipe"', () => {
    assert.ok(evidenceFor('Readers can follow other readers.', 'follow') >= 2);
    assert.ok(evidenceFor('Members can vote on proposals.', 'vote') >= 2);
    assert.ok(evidenceFor('Cooks can rate a recipe.', 'rating') >= 2);
  });

  it('not "follow the client\'s case", "rules they have to follow" or "follow me"', () => {
    assert.equal(evidenceFor('An agent is assigned to follow the client’s case.', 'follow'), 0);
    assert.equal(evidenceFor('Staff write rules that campers have to follow.', 'follow'), 0);
    assert.equal(evidenceFor('Fans can follow me for updates.', 'follow'), 0);
  });
});
