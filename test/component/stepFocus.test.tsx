// Keyboard users continue where the panel went (issue #17 item 2c): Ctrl+Enter in the requirements
// opens the review with its heading focused; Generate opens the run with its headline focused.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { WebviewToHost } from '../../src/model/protocol';
import { App } from '../../webview-ui/src/App';
import { fakeBridge, fireEvent, hostInfo, hostSends, innerControl, litSettled, renderUi, screen, typeInto } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');

describe('Focus follows the step (keyboard)', function () {
  this.timeout(40_000); // the whole panel of web components renders slowly in jsdom on a loaded machine

  it('Ctrl+Enter in the requirements: the review arrives with its heading focused; Generate: the run headline', async () => {
    const { bridge, api } = fakeBridge();
    await renderUi(<App bridge={bridge} />);
    await hostSends({ type: 'init', host: hostInfo() });
    const requirements = screen.getByTestId('requirements');
    await typeInto(requirements, 'Event booking: organizers create events.');
    fireEvent.keyDown(innerControl(requirements), { key: 'Enter', ctrlKey: true });
    await litSettled();
    const extract = api.posted.find((m): m is Extract<WebviewToHost, { type: 'extract' }> => (m as WebviewToHost).type === 'extract');
    assert.ok(extract, 'Ctrl+Enter asked the host to read the requirements');
    const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'events.json'), 'utf8')));
    await hostSends({ type: 'specReview', replyTo: extract.requestId, spec, problems: [], folder: 'event-booking', folderExists: false });
    assert.ok(screen.getByTestId('review-step'));
    assert.equal(document.activeElement, screen.getByTestId('review-heading'), 'focus is on the review heading, not on the body');

    fireEvent.click(screen.getByTestId('generate-button'));
    await litSettled();
    assert.ok(screen.getByTestId('run-panel'));
    assert.equal(document.activeElement, screen.getByTestId('run-headline'), 'focus is on the run headline');
  });
});
