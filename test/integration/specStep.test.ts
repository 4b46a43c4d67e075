// The review's host side: an extract request is answered with its review once, and a request
// cancelled on the way (while reading, at the forecast, or while the review is computed) gets none.
// A long draft is extracted ahead in the worker thread (the default extractor, out/'s worker script).
import * as assert from 'node:assert/strict';
import type { HostToWebview } from '../../src/model/protocol';
import type { GenerationHistory } from '../../src/vscode/history/GenerationHistory';
import { forgetAnswers } from '../../src/core/extract/remembered';
import { SpecStep } from '../../src/vscode/generation/specStep';
import { SettingsWatcher } from '../../src/vscode/settings';
import { quietLog } from './helpers';

const REQUIREMENTS = 'Event booking: organizers create events. Attendees register for events.';

describe('SpecStep: requirements to the review, and cancelling it', function () {
  this.timeout(60_000);
  let settings: SettingsWatcher;
  let step: SpecStep;
  let posted: HostToWebview[];
  /** Called with each message the step posts (after it is recorded). */
  let onPost: (message: HostToWebview) => void;
  /** Called when the review asks for the past runs' outcomes (it is about to compute the forecast). */
  let onOutcomes: () => void;

  beforeEach(() => {
    posted = [];
    onPost = () => undefined;
    onOutcomes = () => undefined;
    settings = new SettingsWatcher(quietLog);
    const history = { runOutcomes: async () => (onOutcomes(), []), outcomes: async () => [] } as unknown as GenerationHistory;
    step = new SpecStep(quietLog, settings, { get: async () => undefined }, async (message) => (posted.push(message), onPost(message), true), history);
  });
  afterEach(() => {
    step.dispose();
    settings.dispose();
  });

  const reviews = () => posted.filter((message) => message.type === 'specReview');

  it('answers an extract with one review, after saying it computes the forecast', async () => {
    await step.extract('read-1', REQUIREMENTS, undefined, 'offline');
    const forecast = posted.findIndex((message) => message.type === 'extractProgress' && message.step === 'forecast');
    assert.ok(forecast >= 0);
    assert.equal(reviews().length, 1);
    assert.ok(posted.indexOf(reviews()[0]) > forecast);
    assert.equal(reviews()[0].type === 'specReview' && reviews()[0].replyTo, 'read-1');
  });

  it('cancelled when the forecast step starts, or while the review is computed: no review is posted', async () => {
    onPost = (message) => message.type === 'extractProgress' && message.step === 'forecast' && step.cancelExtract('read-2');
    await step.extract('read-2', REQUIREMENTS, undefined, 'offline');
    onPost = () => undefined;
    onOutcomes = () => step.cancelExtract('read-3');
    await step.extract('read-3', REQUIREMENTS, undefined, 'offline');
    assert.deepEqual(reviews(), []);
    assert.equal(step.cancelExtract('read-3'), false, 'the finished request is forgotten');
  });

  it('a re-check (review) answers unless its signal was aborted', async () => {
    await step.extract('read-4', REQUIREMENTS, undefined, 'offline');
    const spec = reviews()[0].type === 'specReview' ? reviews()[0].spec : undefined;
    assert.ok(spec);
    const aborted = new AbortController();
    aborted.abort();
    await step.review('check-1', spec, 'offline', aborted.signal);
    await step.review('check-2', spec, 'offline');
    assert.deepEqual(reviews().map((message) => message.type === 'specReview' && message.replyTo), ['read-4', 'check-2']);
  });

  const longDraft = () =>
    ['Boatyard', ...Array.from({ length: 60 }, (_, i) => `Owners book slipway ${i + 1} for hull cleaning on day ${i + 2}, and staff confirm each booking.`)].join('\n');

  it('reads a long draft ahead; the extract of it that follows is answered as usual', async () => {
    forgetAnswers();
    assert.equal(await step.readAhead(longDraft()), true);
    await step.extract('read-5', longDraft(), undefined, 'offline');
    assert.equal(reviews().length, 1);
  });

  it('an extract started while the draft is still extracted ahead joins it: answered once, from one extraction', async () => {
    forgetAnswers();
    const ahead = step.readAhead(longDraft());
    await step.extract('read-6', longDraft(), 'Slipway Planner', 'offline');
    assert.equal(await ahead, true);
    const answered = reviews();
    assert.deepEqual(answered.map((message) => message.type === 'specReview' && message.replyTo), ['read-6']);
    assert.equal(answered[0].type === 'specReview' && answered[0].spec.title, 'Slipway Planner', 'the name given with the request, not the one read from the draft');
  });

  it('a newer draft stops the extraction of the older one', async () => {
    const older = step.readAhead(longDraft());
    const newer = step.readAhead(`${longDraft()}
Owners pay for each booking.`);
    assert.equal(await older, false);
    assert.equal(await newer, true);
  });
});
