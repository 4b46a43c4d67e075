// A long paste (issue #17 item 5): while the host reads, the panel shows what it is doing with the
// host's own counts ("Reading sentence 121 of 400"), and Cancel stops the host and gives the form back.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { WebviewToHost } from '../../src/model/protocol';
import { App } from '../../webview-ui/src/App';
import { fakeBridge, fireEvent, hostInfo, hostSends, invalidPosts, type LitElementLike, litSettled, renderUi, screen, typeInto } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const clinicSpec = () => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'clinic.json'), 'utf8')));
type ExtractRequest = Extract<WebviewToHost, { type: 'extract' }>;

async function startReading() {
  const { bridge, api } = fakeBridge();
  await renderUi(<App bridge={bridge} />);
  await hostSends({ type: 'init', host: hostInfo() });
  await typeInto(screen.getByTestId('requirements'), 'Patients book appointments with doctors.');
  fireEvent.click(screen.getByTestId('review-button'));
  await litSettled();
  const request = api.posted.find((m): m is ExtractRequest => (m as WebviewToHost).type === 'extract');
  assert.ok(request, 'the form asked the host to read the text');
  const progress = (step: string, done = 0, total = 0) => hostSends({ type: 'extractProgress', requestId: request.requestId, step, done, total });
  return { api, request, progress, text: () => screen.getByTestId('reading-progress-text').textContent };
}

describe('Reading progress (describe step)', function () {
  // The first render of the whole panel is slow on a loaded machine.
  this.timeout(60_000);
  it("shows the host's step and sentence count while it reads, then the review", async () => {
    const { request, progress, text } = await startReading();
    assert.equal(text(), 'Sending the requirements to Takoss…');
    await progress('reading', 120, 1100);
    assert.equal(text(), 'Reading sentence 121 of 1,100');
    const bar = screen.getByTestId('reading-progress').querySelector('vscode-progress-bar') as LitElementLike & { indeterminate: boolean; max: number; value?: number };
    assert.deepEqual([bar.indeterminate, bar.value, bar.max], [false, 120, 1100], 'the bar fills with the sentences read');
    await progress('model');
    assert.match(text() ?? '', /^Building the data model/);
    assert.equal(bar.indeterminate, true);
    await progress('forecast');
    assert.match(text() ?? '', /^Forecasting the run/);
    // Another request's progress is not this one's.
    await hostSends({ type: 'extractProgress', requestId: 'other-request', step: 'reading', done: 1, total: 2 });
    assert.match(text() ?? '', /^Forecasting the run/);
    const spec = clinicSpec();
    await hostSends({ type: 'specReview', replyTo: request.requestId, spec, problems: [], folder: spec.name, folderExists: false });
    await screen.findByTestId('review-step');
    assert.equal(screen.queryByTestId('reading-progress'), null, 'the progress goes away with the review');
  });

  it('Cancel tells the host to stop, gives the form back with the text, and shows no error', async () => {
    const { api, request, progress } = await startReading();
    await progress('reading', 3, 400);
    fireEvent.click(screen.getByTestId('reading-cancel'));
    await litSettled();
    const cancel = api.posted.at(-1) as WebviewToHost;
    assert.deepEqual(cancel, { type: 'cancelExtract', requestId: request.requestId });
    assert.equal(screen.queryByTestId('reading-progress'), null);
    assert.equal(screen.queryByTestId('review-error'), null, 'a cancel is not an error');
    assert.equal((screen.getByTestId('review-button') as LitElementLike).disabled, false, 'the form can be sent again');
    assert.equal((screen.getByTestId('requirements') as LitElementLike).value, 'Patients book appointments with doctors.');
    // A late answer to the cancelled request does not open the review.
    const spec = clinicSpec();
    await hostSends({ type: 'specReview', replyTo: request.requestId, spec, problems: [], folder: spec.name, folderExists: false });
    assert.equal(screen.queryByTestId('review-step'), null);
    assert.deepEqual(invalidPosts(api), []);
  });
});
