import * as assert from 'node:assert/strict';
import { RunEvent, type RunEventInput } from '../../src/model/run/events';
import { markInterrupted, replayRun, type RunState } from '../../src/model/run/runState';
import { RunPanel } from '../../webview-ui/src/RunPanel';
import type { RunView } from '../../webview-ui/src/useRun';
import { fakeBridge, fireEvent, hostSends, litSettled, mixedRun, renderUi, screen, stage, usage } from './helpers';

async function renderPanel(state: RunState, view: Partial<RunView> = {}) {
  const { bridge, api } = fakeBridge();
  const calls: string[] = [];
  await renderUi(
    <RunPanel
      bridge={bridge}
      view={{ phase: 'running', runId: 'run-1', folder: 'blog', warnings: [], state, ...view }}
      onCancel={() => calls.push('cancel')}
      onNew={() => calls.push('new')}
      onResume={(runId) => calls.push(`resume ${runId}`)}
    />,
  );
  return { api, calls };
}

/** stage id -> [status attribute, status label, detail line] as listed under the tree. */
function listedStages(): Record<string, [string?, string?, string?]> {
  const items = [...screen.getByTestId('stage-list').querySelectorAll<HTMLElement>('li[data-stage]')];
  return Object.fromEntries(
    items.map((item) => [
      item.dataset.stage,
      [item.dataset.status, item.querySelector('.stage-status')?.textContent ?? undefined, item.querySelector('.stage-detail')?.textContent ?? undefined],
    ]),
  );
}

describe('RunPanel', () => {
  it('lists every stage with its status label and detail', async () => {
    await renderPanel(mixedRun().state);
    assert.deepEqual(listedStages(), {
      requirements: ['succeeded', 'done', ''],
      domain: ['succeeded', 'done', '3 entities'],
      schema: ['failed', 'failed', 'relation Post.author has no target'],
      api: ['retrying', 'retrying', ''],
      frontend: ['running', 'running', 'pages 2/5'],
      tests: ['skipped', 'skipped', 'Database schema failed'],
      docs: ['queued', 'queued', ''],
      readme: ['pending', 'waiting', ''],
    });
    // The same run is drawn as the execution tree above the list.
    assert.equal(screen.getAllByTestId('tree-node').length, 8);
  });

  it('shows the run in progress with its totals and a cancel button', async () => {
    const { calls } = await renderPanel(mixedRun().state);
    assert.equal(screen.getByTestId('run-panel').dataset.status, 'running');
    assert.equal(screen.getByTestId('run-headline').textContent, 'Generating into blog…');
    assert.equal(screen.getByTestId('run-meta').textContent, '8 stages · 0 files · 1,234 tokens (0 from cache) · $0.0123');
    assert.equal(screen.queryByTestId('new-button'), null);
    fireEvent.click(screen.getByTestId('cancel-button'));
    assert.deepEqual(calls, ['cancel']);
  });

  it('shows a finished run with its failed stages and a New project button', async () => {
    const { state } = mixedRun([
      {
        type: 'runFinished',
        summary: {
          status: 'partial',
          stages: { total: 8, succeeded: 2, failed: 1, skipped: 1, cancelled: 4, degraded: 0 },
          files: 0,
          durationMs: 12_345,
          usage: usage(1000, 234, 0.0123),
        },
      },
    ]);
    const { calls } = await renderPanel(state, { phase: 'finished' });
    assert.equal(screen.getByTestId('run-panel').dataset.status, 'partial');
    // The schema failed and the tests were skipped because of it.
    assert.equal(screen.getByTestId('run-headline').textContent, 'Generated blog with 1 stage failed, 1 stage skipped because of it');
    // The run's wall-clock time from its events (runStarted to runFinished, 100 ms apart here), not the summary's own figure.
    assert.equal(state.durationMs, 1800);
    assert.match(screen.getByTestId('run-meta').textContent ?? '', / · 1\.8 s$/);
    assert.equal(screen.queryByTestId('cancel-button'), null);
    fireEvent.click(screen.getByTestId('new-button'));
    assert.deepEqual(calls, ['new']);
  });
});

describe('RunPanel: status and time as the run state computes them', () => {
  /** A finished run: its one stage took 200 ms; then verification (if asked) and `after` (git's result) at the given times. */
  function finishedRun(verification: RunEventInput, after: [number, RunEventInput][] = []): RunState {
    const timed: [number, RunEventInput][] = [
      [0, { type: 'runStarted', concurrency: 2, stages: [stage('gen', 'Generate'), stage('verification', 'Verification', 'gen')] }],
      [5, { type: 'stageStarted', stageId: 'gen', attempt: 1 }],
      [150, { type: 'fileProduced', stageId: 'gen', path: 'README.md', bytes: 10, sha256: 'a'.repeat(64) }],
      [180, { type: 'stageFinished', stageId: 'gen', durationMs: 175, attempts: 1 }],
      [190, verification],
      [200, { type: 'runFinished', summary: { status: 'partial', stages: { total: 2, succeeded: 1, failed: 0, skipped: 1, cancelled: 0, degraded: 0 }, files: 1, durationMs: 200, usage: usage(0, 0) } }],
      ...after,
    ];
    return replayRun(timed.map(([ms, input], seq) => RunEvent.parse({ ...input, runId: 'run-1', seq, at: 1_700_000_000_000 + ms })));
  }
  const notRequested: RunEventInput = { type: 'stageSkipped', stageId: 'verification', reason: 'Verification was not requested for this run', leftOut: true };

  it('a run without verification succeeded: no "some stages skipped"', async () => {
    await renderPanel(finishedRun(notRequested), { phase: 'finished' });
    assert.equal(screen.getByTestId('run-panel').dataset.status, 'succeeded');
    assert.equal(screen.getByTestId('run-headline').textContent, 'Generated blog');
    assert.match(screen.getByTestId('run-meta').textContent ?? '', / · 200 ms$/);
  });

  it('a run ends with git\'s result: 3.3 s, not the 0.2 s its stages took; the result is shown', async () => {
    const state = finishedRun(notRequested, [[3300, { type: 'gitResult', outcome: 'committed', detail: 'committed abc1234: Generated by Takoss from: a blog', commit: 'abc1234' }]]);
    await renderPanel(state, { phase: 'finished' });
    assert.match(screen.getByTestId('run-meta').textContent ?? '', / · 3\.3 s$/);
    assert.equal(screen.getByTestId('git-result').textContent, 'git: committed abc1234: Generated by Takoss from: a blog');
  });

  it('shows each verification step as it ended, with the first errors of a failed one', async () => {
    const state = finishedRun({ type: 'verificationStep', stageId: 'verification', step: 'test', ok: false, durationMs: 2500, firstErrors: ['FAIL posts.test.ts > lists posts'] }, [
      [3000, { type: 'gitResult', outcome: 'failed', detail: 'git is not installed' }],
    ]);
    await renderPanel(state, { phase: 'finished' });
    const [only] = screen.getAllByTestId('verification-step');
    assert.equal(only.dataset.ok, 'false');
    assert.equal(only.textContent, 'Verification: test failed in 2.5 sFAIL posts.test.ts > lists posts');
    assert.equal(screen.getByTestId('git-result').textContent, 'git: not committed — git is not installed');
  });
});

describe('RunPanel: an unfinished run', () => {
  const cancelled = () =>
    mixedRun([
      { type: 'fileProduced', stageId: 'requirements', path: 'README.md', bytes: 10, sha256: 'a'.repeat(64) },
      { type: 'fileProduced', stageId: 'domain', path: 'backend/src/db/schema.ts', bytes: 20, sha256: 'b'.repeat(64) },
      {
        type: 'runFinished',
        summary: { status: 'cancelled', durationMs: 2000, files: 2, stages: { total: 8, succeeded: 2, failed: 1, skipped: 1, cancelled: 4, degraded: 0 }, usage: usage(1000, 234, 0.0123) },
      },
    ]).state;

  it('asks whether to keep the partial project or remove exactly its files', async () => {
    const { api } = await renderPanel(cancelled(), { phase: 'finished' });
    assert.match(screen.getByTestId('incomplete-notice').textContent ?? '', /2 files are in blog, marked as incomplete/);
    fireEvent.click(screen.getByTestId('remove-partial'));
    const request = api.posted.find((m) => (m as { type: string }).type === 'discardRun') as { requestId: string; runId: string } | undefined;
    assert.equal(request?.runId, 'run-1');
    await hostSends({ type: 'runDiscarded', replyTo: request?.requestId, removed: 2 });
    assert.match(screen.getByTestId('incomplete-removed').textContent ?? '', /Removed the 2 files this run wrote to blog/);
  });

  it('names the files it kept because they changed since the run', async () => {
    const { api } = await renderPanel(cancelled(), { phase: 'finished' });
    fireEvent.click(screen.getByTestId('remove-partial'));
    const request = api.posted.find((m) => (m as { type: string }).type === 'discardRun') as { requestId: string } | undefined;
    await hostSends({ type: 'runDiscarded', replyTo: request?.requestId, removed: 1, kept: ['README.md'] });
    assert.match(screen.getByTestId('incomplete-removed').textContent ?? '', /Removed the 1 file this run wrote to blog\. Kept 1 file changed since the run: README\.md\./);
  });

  it('declined in the host\'s confirmation: nothing changed, the choice is offered again', async () => {
    const { api } = await renderPanel(cancelled(), { phase: 'finished' });
    fireEvent.click(screen.getByTestId('remove-partial'));
    const request = api.posted.find((m) => (m as { type: string }).type === 'discardRun') as { requestId: string } | undefined;
    await hostSends({ type: 'runDiscarded', replyTo: request?.requestId, removed: 0, declined: true });
    assert.equal(screen.queryByTestId('incomplete-removed'), null);
    assert.ok(screen.getByTestId('incomplete-notice'));
    assert.equal(screen.getByTestId('remove-partial').hasAttribute('disabled'), false, 'Remove can be chosen again');
  });

  it('an interrupted run (window reload) offers Resume, and says why a resume was refused', async () => {
    const { calls } = await renderPanel(markInterrupted(mixedRun().state), { phase: 'finished', interrupted: true, refusal: 'The journal of this run is gone' });
    assert.match(screen.getByTestId('run-headline').textContent ?? '', /Interrupted/);
    fireEvent.click(screen.getByTestId('resume-button'));
    assert.deepEqual(calls, ['resume run-1']);
    assert.match(screen.getByTestId('resume-refused').textContent ?? '', /journal of this run is gone/);
  });

  it('a run that was not interrupted has no Resume', async () => {
    await renderPanel(cancelled(), { phase: 'finished' });
    assert.equal(screen.queryByTestId('resume-button'), null);
  });

  it('asks right under the headline, in view and focused, when the run stops (not below the stages and the result)', async () => {
    const { bridge } = fakeBridge();
    const panel = (view: Partial<RunView>) => <RunPanel bridge={bridge} view={{ phase: 'running', runId: 'run-1', folder: 'blog', warnings: [], state: mixedRun().state, ...view }} onCancel={() => undefined} onNew={() => undefined} />;
    const { rerender } = await renderUi(panel({}));
    assert.equal(screen.queryByTestId('incomplete-notice'), null);
    rerender(panel({ phase: 'finished', state: cancelled() }));
    await litSettled();
    const notice = screen.getByTestId('incomplete-notice');
    assert.equal(screen.getByTestId('run-headline').closest('.run-head')?.nextElementSibling, notice, 'the choice comes right after the headline');
    assert.ok(notice.compareDocumentPosition(screen.getByTestId('stage-list')) & Node.DOCUMENT_POSITION_FOLLOWING, 'before the stages');
    assert.equal(document.activeElement, notice, 'focused: Tab reaches Keep / Remove next');
  });

  it('keeps it when asked', async () => {
    await renderPanel(cancelled(), { phase: 'finished' });
    fireEvent.click(screen.getByTestId('keep-partial'));
    assert.equal(screen.queryByTestId('incomplete-notice'), null);
  });
});
