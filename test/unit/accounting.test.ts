import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { accountSentences, everythingImplemented, needsAttention, summarizeAccounts } from '../../src/model/project/accounting';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { leftOutHeadline, sentenceLabel, understand, UNACCOUNTED_REASON } from '../../src/model/project/understanding';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

describe('accounting: every requirement sentence accounted for', () => {
  it('gives each sentence a status, the elements citing it and the reasons for what was left out', () => {
    const accounts = accountSentences(load('fleet'));
    assert.deepEqual(
      accounts.map((a) => a.status),
      ['context', 'mapped', 'notUnderstood', 'partial', 'notUnderstood', 'notUnderstood', 'unaccounted', 'ignored'],
    );
    assert.deepEqual(accounts[1].elements, ['entity Trip', 'field Trip.date', 'field Trip.distance']);
    assert.deepEqual(accounts[3].elements, ['field Trip.fuelUsed']);
    assert.deepEqual(accounts[3].reasons, ['Takoss does not generate scheduled e-mails.']);
    assert.deepEqual(accounts[2].reasons, ['"vehicle" is not an entity of the model.']);
    assert.deepEqual(accounts[6], { id: 6, text: 'The app should feel friendly.', status: 'unaccounted', elements: [], reasons: [] });
  });

  it('a sentence with an entity but a clause that was not understood is partial', () => {
    const spec = load('fleet');
    const clause = { text: 'with a date and a distance', reason: 'distance units were not understood', sources: [1], suggestions: [] };
    const accounts = accountSentences({ ...spec, notUnderstood: [...spec.notUnderstood, clause] });
    assert.equal(accounts[1].status, 'partial');
    assert.deepEqual(accounts[1].reasons, ['distance units were not understood']);
    assert.ok(accounts[1].elements.includes('entity Trip'));
  });

  it('a sentence recognised but not built, with no element, is notImplemented; ignoring wins over everything', () => {
    const spec = load('fleet');
    const unbuilt = { ...spec, unimplemented: [...spec.unimplemented, { text: 'friendly', reason: 'a feeling is not generated', sources: [6] }] };
    assert.equal(accountSentences(unbuilt)[6].status, 'notImplemented');
    assert.equal(accountSentences({ ...spec, ignoredSentences: [1, 3] })[1].status, 'ignored');
    assert.equal(accountSentences({ ...spec, ignoredSentences: [1, 3] })[3].status, 'ignored');
  });

  it('summarizes, picks what needs attention, and reports the silent drop', () => {
    const accounts = accountSentences(load('fleet'));
    assert.deepEqual(summarizeAccounts(accounts), {
      sentences: 8,
      mapped: 1,
      partial: 1,
      notImplemented: 0,
      notUnderstood: 3,
      ignored: 1,
      context: 1,
      unaccounted: 1,
    });
    assert.deepEqual(
      needsAttention(accounts).map((a) => [a.id, a.status]),
      [
        [2, 'notUnderstood'],
        [3, 'partial'],
        [4, 'notUnderstood'],
        [5, 'notUnderstood'],
        [6, 'unaccounted'],
      ],
    );
    assert.equal(everythingImplemented(accounts), false);
  });

  it('everything is implemented only when every sentence is mapped, a heading or ignored', () => {
    const spec = load('fleet');
    const clean = { ...spec, notUnderstood: [], unimplemented: [], ignoredSentences: [2, 3, 4, 5, 6, 7] };
    assert.equal(everythingImplemented(accountSentences(clean)), true);
    assert.equal(everythingImplemented(accountSentences({ ...clean, ignoredSentences: [2, 3, 4, 5, 7] })), false, 'sentence 7 is unaccounted');
  });
});

describe('understanding: what was left out, said once for every reader', () => {
  it('lists not-understood items (then silent drops) and not-implemented items, without ignored sentences', () => {
    const result = understand(load('fleet'));
    assert.deepEqual(
      result.notUnderstood.map((item) => [item.text, item.sentences, item.index]),
      [
        ['Each trip uses a vehicle.', [2], 0],
        ['A driver logs at most one trip per day.', [4], 1],
        ['Trips have a note.', [5], 2],
        ['The app should feel friendly.', [6], undefined],
      ],
    );
    assert.equal(result.notUnderstood[3].reason, UNACCOUNTED_REASON);
    assert.deepEqual(result.notUnderstood[0].suggestions, ['Add Vehicle as an entity']);
    assert.deepEqual(result.notUnderstood[1].suggestions, ['Add rule: the date is unique among trips']);
    assert.deepEqual(result.notUnderstood[2].suggestions, ['Add field note (text) to Trip']);
    assert.deepEqual(result.notImplemented, [{ text: 'the manager gets a weekly e-mail report', reason: 'Takoss does not generate scheduled e-mails.', sentences: [3] }]);
    assert.equal(result.complete, false);
    assert.equal(leftOutHeadline(result), '4 sentences not understood, 1 not implemented');
    assert.equal(sentenceLabel([2]), 'sentence 3');
    assert.equal(sentenceLabel([2, 4]), 'sentences 3, 5');
  });

  it('drops items whose sentences are all ignored, and finds the non-English warning', () => {
    const spec = load('fleet');
    const result = understand({ ...spec, ignoredSentences: [2, 3, 6, 7], warnings: ['Something else', 'Only English requirements are understood; this text looks like German.'] });
    assert.deepEqual(
      result.notUnderstood.map((item) => item.text),
      ['A driver logs at most one trip per day.', 'Trips have a note.'],
    );
    assert.deepEqual(result.notImplemented, []);
    assert.equal(leftOutHeadline(result), '2 sentences not understood');
    assert.match(result.languageWarning ?? '', /^Only English/);
    const done = understand({ ...spec, notUnderstood: [], unimplemented: [], ignoredSentences: [2, 3, 4, 5, 6, 7] });
    assert.equal(done.complete, true);
    assert.equal(leftOutHeadline(done), '');
  });
});
