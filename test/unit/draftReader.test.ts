// Reading a long draft ahead (issue #17 item 5): while the user is still on the form, the host tags
// the text's sentences, so the extraction that follows "Review the data model" finds them all read
// and gives the same spec as without.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { DraftReader } from '../../src/core/extract/draftReader';
import { textsParsed } from '../../src/core/extract/nlp';
import { forgetAnswers } from '../../src/core/extract/remembered';
import { READ_AHEAD_MIN_CHARS, parseWebviewToHost } from '../../src/model/protocol';

const PARTS = ['Harbour rentals', '', 'Sailors sign in. A dinghy has a name, a sail number (unique) and a length in metres.'];
for (let i = 1; i <= 50; i++) PARTS.push(`Sailors rent dinghy ${i} for a morning at berth ${i + 3} and bring it back before ${i + 8} o'clock.`);
const LONG = PARTS.join('\n');

describe('DraftReader: a long draft read ahead', function () {
  this.timeout(60_000);
  let reader: DraftReader;
  beforeEach(() => {
    forgetAnswers();
    // (A turn of the event loop after every step, so a newer draft or a stop comes in between, however fast the machine.)
    reader = new DraftReader(0);
  });
  afterEach(() => reader.dispose());

  it('reads the whole text, after which the extraction tags nothing and gives the spec it gives without', async () => {
    assert.ok(LONG.length >= READ_AHEAD_MIN_CHARS);
    const without = extractSpec(LONG);
    forgetAnswers();
    assert.equal(await reader.read(LONG), true);
    const before = textsParsed();
    const spec = extractSpec(LONG);
    assert.equal(textsParsed() - before, 0, 'every text the passes ask about was tagged ahead');
    assert.deepEqual(spec, without);
  });

  it('does not read a short text (it is read at once when asked for)', async () => {
    const before = textsParsed();
    assert.equal(await reader.read('Sailors rent dinghies.'), false);
    assert.equal(textsParsed(), before);
  });

  it('a newer draft stops the older one, and stop() or dispose() stop reading', async () => {
    const older = reader.read(LONG);
    const newer = reader.read(`${LONG}\nSailors may rent at most two dinghies at once.`);
    assert.deepEqual(await Promise.all([older, newer]), [false, true]);
    forgetAnswers();
    const stopped = reader.read(LONG);
    reader.stop();
    assert.equal(await stopped, false);
    const disposed = reader.read(LONG);
    reader.dispose();
    assert.equal(await disposed, false);
    assert.equal(await reader.read(LONG), false, 'a disposed reader reads nothing');
  });

  it('an edit re-reads only what changed', async () => {
    assert.equal(await reader.read(LONG), true);
    const before = textsParsed();
    assert.equal(await reader.read(`${LONG}\nA dinghy must be back before sunset.`), true);
    const parsed = textsParsed() - before;
    assert.ok(parsed > 0 && parsed <= 8, `the new sentence and its words only (${parsed} texts tagged)`);
  });

  it('the readAhead message is validated like every other (text only, at most 200,000 characters)', () => {
    assert.ok(parseWebviewToHost({ type: 'readAhead', requirements: LONG }).ok);
    assert.ok(!parseWebviewToHost({ type: 'readAhead', requirements: 'x'.repeat(200_001) }).ok);
    assert.ok(!parseWebviewToHost({ type: 'readAhead', requirements: 42 }).ok);
  });
});
