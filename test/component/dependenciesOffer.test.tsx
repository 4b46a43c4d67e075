// The result view offers "Install dependencies" only while the generated project has no
// node_modules (its files show "Cannot find module" until then), says what it runs, shows the
// install in progress and how it ended; in Restricted Mode it says why it is not offered instead.
import * as assert from 'node:assert/strict';
import type { DependencyFacts, InstallResult, WebviewToHost } from '../../src/model/protocol';
import { replayRun } from '../../src/model/run/runState';
import { ResultView } from '../../webview-ui/src/result/ResultView';
import { act, type FakeVsCodeApi, fakeBridge, hostInfo, hostSends, invalidPosts, litSettled, renderUi, runEvents, screen, stage } from './helpers';

const RUN = 'run-9';
const COMMAND = 'npm install --ignore-scripts';
const RESTRICTED = 'Restricted Mode: Takoss never runs npm in an untrusted workspace, so it does not offer to install the dependencies. To install them, trust the workspace (Manage Workspace Trust), or run npm install yourself.';

const state = replayRun(
  runEvents(RUN, [
    { type: 'runStarted', concurrency: 1, stages: [stage('project', 'Project')] },
    { type: 'fileProduced', stageId: 'project', path: 'package.json', bytes: 10, sha256: 'b'.repeat(64) },
  ]),
);

type Posted<T extends WebviewToHost['type']> = Extract<WebviewToHost, { type: T }>;
const posted = <T extends WebviewToHost['type']>(api: FakeVsCodeApi, type: T) => api.posted.filter((m): m is Posted<T> => (m as WebviewToHost).type === type);

function lastRequestId(api: FakeVsCodeApi, type: 'checkDependencies' | 'installDependencies'): string {
  const requests = posted(api, type);
  const last = requests[requests.length - 1];
  assert.ok(last, `${type} was posted`);
  assert.equal(last.runId, RUN);
  return last.requestId;
}

const facts = (state: DependencyFacts['state'], reason?: string): DependencyFacts => ({ state, command: COMMAND, ...(reason ? { reason } : {}) });

async function answerStatus(api: FakeVsCodeApi, status: DependencyFacts) {
  await hostSends({ type: 'dependencyStatus', replyTo: lastRequestId(api, 'checkDependencies'), runId: RUN, status });
}

async function answerInstall(api: FakeVsCodeApi, result: InstallResult) {
  await hostSends({ type: 'dependenciesInstalled', replyTo: lastRequestId(api, 'installDependencies'), runId: RUN, ...result });
}

/** The result view, with the host's answer to its dependency check. */
async function resultWith(status: DependencyFacts) {
  const { bridge, api } = fakeBridge();
  await renderUi(<ResultView bridge={bridge} runId={RUN} state={state} />);
  await answerStatus(api, status);
  return api;
}

async function click(element: HTMLElement) {
  await act(async () => element.click());
  await litSettled();
}

describe('ResultView: Install dependencies', () => {
  it('missing node_modules: offered, saying what it runs; the click is only a request (the host asks), then in progress, then done', async () => {
    const api = await resultWith(facts('missing'));
    const offer = screen.getByTestId('dependencies');
    assert.equal(offer.dataset.state, 'missing');
    assert.match(offer.textContent ?? '', /Cannot find module/);
    assert.match(screen.getByTestId('install-command').textContent ?? '', /Runs npm install --ignore-scripts in the project’s folder, after you confirm\. Install scripts do not run/);
    const button = screen.getByTestId('install-dependencies') as HTMLElement & { disabled: boolean };
    assert.equal(button.textContent, 'Install dependencies');
    await click(button);
    assert.equal(posted(api, 'installDependencies').length, 1, 'one request to the host');
    assert.equal(screen.getByTestId('dependencies').dataset.state, 'installing');
    assert.equal(button.disabled, true, 'no second install while one runs');
    assert.equal(button.textContent, 'Installing…');
    assert.match(screen.getByTestId('install-command').textContent ?? '', /Running npm install --ignore-scripts .*Takoss log; cancel from the progress notification/);
    await answerInstall(api, { outcome: 'installed', message: 'Installed the dependencies of blog (12 s): the "Cannot find module" errors go away.', status: facts('installed') });
    assert.equal(screen.queryByTestId('install-dependencies'), null, 'nothing left to install');
    const line = screen.getByTestId('install-result');
    assert.equal(line.dataset.outcome, 'installed');
    assert.equal(line.getAttribute('role'), 'status');
    assert.match(line.textContent ?? '', /Installed the dependencies of blog/);
    assert.deepEqual(invalidPosts(api), []);
  });

  it('node_modules already there: nothing is shown', async () => {
    await resultWith(facts('installed'));
    assert.equal(screen.queryByTestId('dependencies'), null);
    assert.equal(screen.queryByTestId('install-dependencies'), null);
  });

  it('Restricted Mode: no button; it says why and how to trust the workspace', async () => {
    await resultWith(facts('restricted', RESTRICTED));
    assert.equal(screen.getByTestId('dependencies').dataset.state, 'restricted');
    assert.equal(screen.queryByTestId('install-dependencies'), null, 'not offered in an untrusted workspace');
    assert.match(screen.getByTestId('dependencies-restricted').textContent ?? '', /Restricted Mode.*Manage Workspace Trust/);
  });

  it('trusted later: the view asks again when the host info changes, and then offers it', async () => {
    const api = await resultWith(facts('restricted', RESTRICTED));
    await hostSends({ type: 'hostInfo', host: hostInfo({ workspaceTrusted: true }) });
    assert.equal(posted(api, 'checkDependencies').length, 2, 'asked again');
    await answerStatus(api, facts('missing'));
    assert.ok(screen.getByTestId('install-dependencies'));
    assert.equal(screen.queryByTestId('dependencies-restricted'), null);
  });

  it('an install already going on (from the notification): shown in progress, no second one', async () => {
    await resultWith(facts('installing'));
    const button = screen.getByTestId('install-dependencies') as HTMLElement & { disabled: boolean };
    assert.equal(button.disabled, true);
    assert.equal(screen.getByTestId('dependencies').dataset.state, 'installing');
  });

  it('failed: the error in words, "Show Log", and "Install again" (node_modules may be half there)', async () => {
    const api = await resultWith(facts('missing'));
    await click(screen.getByTestId('install-dependencies'));
    await answerInstall(api, { outcome: 'failed', message: 'Installing the dependencies of blog failed: npm ERR! code E404', status: facts('installed') });
    const line = screen.getByTestId('install-result');
    assert.equal(line.dataset.outcome, 'failed');
    assert.equal(line.getAttribute('role'), 'alert');
    assert.match(line.textContent ?? '', /failed: npm ERR! code E404/);
    assert.equal(screen.getByTestId('install-dependencies').textContent, 'Install again');
    await click(screen.getByTestId('install-show-log'));
    assert.deepEqual(posted(api, 'showLog'), [{ type: 'showLog' }]);
    assert.deepEqual(invalidPosts(api), []);
  });

  it('declined in the host’s question: still offered, and it says nothing was installed', async () => {
    const api = await resultWith(facts('missing'));
    await click(screen.getByTestId('install-dependencies'));
    await answerInstall(api, { outcome: 'declined', message: 'You declined: nothing was installed.', status: facts('missing') });
    assert.equal(screen.getByTestId('install-dependencies').textContent, 'Install dependencies');
    assert.match(screen.getByTestId('install-result').textContent ?? '', /nothing was installed/);
  });
});
