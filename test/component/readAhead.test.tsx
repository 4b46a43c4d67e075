// A long text on the form is sent to the host for reading ahead (issue #17 item 5): once, a moment
// after it stops changing; a short text, the review step and a host not yet connected get nothing.
import * as assert from 'node:assert/strict';
import type { WebviewToHost } from '../../src/model/protocol';
import { READ_AHEAD_MIN_CHARS } from '../../src/model/protocol';
import { App } from '../../webview-ui/src/App';
import { READ_AHEAD_DELAY_MS } from '../../webview-ui/src/readAhead';
import { fakeBridge, hostInfo, hostSends, invalidPosts, renderUi, screen, typeInto } from './helpers';

const LONG = Array.from({ length: 60 }, (_, i) => `Volunteers sign up for beach clean-up ${i + 1} and bring their own gloves.`).join(' ');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type ReadAhead = Extract<WebviewToHost, { type: 'readAhead' }>;

describe('Reading a long draft ahead (describe step)', function () {
  this.timeout(60_000);
  async function form() {
    const { bridge, api } = fakeBridge();
    await renderUi(<App bridge={bridge} />);
    return { api, sent: () => api.posted.filter((m): m is ReadAhead => (m as WebviewToHost).type === 'readAhead') };
  }

  it('sends a long text once, after it stops changing', async () => {
    assert.ok(LONG.length >= READ_AHEAD_MIN_CHARS);
    const { api, sent } = await form();
    await hostSends({ type: 'init', host: hostInfo() });
    await typeInto(screen.getByTestId('requirements'), LONG.slice(0, -20));
    await pause(READ_AHEAD_DELAY_MS / 4);
    await typeInto(screen.getByTestId('requirements'), LONG);
    assert.deepEqual(sent(), [], 'nothing while the text still changes');
    await pause(READ_AHEAD_DELAY_MS * 2);
    assert.deepEqual(sent(), [{ type: 'readAhead', requirements: LONG }], 'the text as it stands, once');
    assert.deepEqual(invalidPosts(api), []);
  });

  it('sends nothing for a short text, or before the host is connected', async () => {
    const { sent } = await form();
    await typeInto(screen.getByTestId('requirements'), LONG);
    await pause(READ_AHEAD_DELAY_MS * 2);
    assert.deepEqual(sent(), [], 'no host yet');
    await hostSends({ type: 'init', host: hostInfo() });
    await pause(READ_AHEAD_DELAY_MS * 2);
    assert.equal(sent().length, 1, 'sent once the host is there');
    await typeInto(screen.getByTestId('requirements'), 'Volunteers sign up for clean-ups.');
    await pause(READ_AHEAD_DELAY_MS * 2);
    assert.equal(sent().length, 1, 'a short text is read when asked for');
  });
});
