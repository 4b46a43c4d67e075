// Two lines of quick notes without full stops, each a statement of its own, are two sentences
// (noteLines.ts twoNoteLines, used by sentences.ts splitNoteParagraphs); prose pasted with a hard
// wrap stays one sentence. Lines of our own.
import * as assert from 'node:assert/strict';
import { splitSentences } from '../../src/core/extract/sentences';

const split = (text: string) => splitSentences(text).sentences.map((s) => s.text);

describe('extract: two lines of notes', () => {
  it('are two sentences when each reads as a statement', () => {
    assert.deepEqual(split('tenants pay rent by transfer\nrepairs only when the landlord agrees'), ['tenants pay rent by transfer', 'repairs only when the landlord agrees']);
    assert.deepEqual(split('riders hire a horse\nthe stable checks every hire'), ['riders hire a horse', 'the stable checks every hire']);
  });

  it('stay one sentence when the first line is cut mid-phrase or the second carries it on', () => {
    assert.equal(split('Each lesson has a start and an end\ntime that must be after the start').length, 1);
    assert.equal(split('Riders can hire horses for an hour or a day and the\nstable staff check each hire').length, 1);
    assert.equal(split('riders hire horses for a day\nor for a whole week at a discount').length, 1);
  });

  it('stay one sentence when a long first line was wrapped by an editor', () => {
    assert.equal(split('Our riding school keeps horses, ponies and the tack that goes with them\nriders book lessons online').length, 1);
  });
});
