import * as assert from 'node:assert/strict';
import { applyRunEvent } from '../../src/model/run/runState';
import { ExecutionTree } from '../../webview-ui/src/tree/ExecutionTree';
import { fireEvent, litSettled, mixedRun, renderUi, runEvents, screen, stage, within } from './helpers';

/** The drawn node of each stage: its status attribute, class and the meta line under the title. */
function drawnNodes() {
  return Object.fromEntries(
    screen.getAllByTestId('tree-node').map((node) => [
      node.dataset.stage,
      {
        status: node.dataset.status,
        statusClass: node.classList.contains(node.dataset.status ?? '-'),
        title: node.querySelector('.tree-node-title')?.textContent,
        meta: node.querySelector('.tree-node-meta')?.textContent,
      },
    ]),
  );
}

describe('ExecutionTree', () => {
  it('draws one node per stage with its status, attempts, duration and tokens', async () => {
    await renderUi(<ExecutionTree state={mixedRun().state} />);
    assert.deepEqual(drawnNodes(), {
      requirements: { status: 'succeeded', statusClass: true, title: 'Read requirements', meta: 'succeeded · 1.2 s · 1234 tok' },
      domain: { status: 'succeeded', statusClass: true, title: 'Domain model', meta: 'succeeded · 2 attempts · 800 ms' },
      schema: { status: 'failed', statusClass: true, title: 'Database schema', meta: 'failed · 350 ms' },
      api: { status: 'retrying', statusClass: true, title: 'API routes', meta: 'retrying' },
      frontend: { status: 'running', statusClass: true, title: 'Frontend pages', meta: 'running' },
      tests: { status: 'skipped', statusClass: true, title: 'Tests', meta: 'skipped' },
      docs: { status: 'queued', statusClass: true, title: 'API docs', meta: 'queued' },
      readme: { status: 'pending', statusClass: true, title: 'README', meta: 'pending' },
    });
  });

  it('places each stage below the stages it depends on', async () => {
    await renderUi(<ExecutionTree state={mixedRun().state} />);
    // React Flow positions each node with a translate(x, y) on its wrapper.
    const y = (id: string) => {
      const wrapper = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
      const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px/.exec(wrapper?.style.transform ?? '');
      assert.ok(match, `node ${id} has a position`);
      return Number(match[2]);
    };
    assert.ok(y('requirements') < y('domain'));
    assert.equal(y('schema'), y('api'));
    assert.ok(y('domain') < y('schema'));
    assert.ok(y('docs') < y('readme'));
  });

  it('updates a node in place when its stage changes', async () => {
    const view = await renderUi(<ExecutionTree state={mixedRun().state} />);
    const later = mixedRun([{ type: 'stageFinished', stageId: 'frontend', durationMs: 4321, attempts: 1 }]);
    view.rerender(<ExecutionTree state={later.state} />);
    await litSettled();
    assert.equal(drawnNodes().frontend.meta, 'succeeded · 4.3 s');
    assert.equal(drawnNodes().api.meta, 'retrying');
  });

  it('shows the details of a clicked stage, with its error', async () => {
    await renderUi(<ExecutionTree state={mixedRun().state} />);
    assert.equal(screen.queryByTestId('stage-details'), null);
    const schema = screen.getAllByTestId('tree-node').find((node) => node.dataset.stage === 'schema');
    assert.ok(schema);
    fireEvent.click(schema);
    await litSettled();
    const details = within(screen.getByTestId('stage-details'));
    assert.equal(details.getByRole('heading').textContent, 'Database schema');
    assert.equal(details.getByText('Error').nextElementSibling?.textContent, 'relation Post.author has no target');
    assert.equal(details.getByText('Duration').nextElementSibling?.textContent, '350 ms');
  });

  it('shows which prompt variant a Claude stage used, why learning chose it, and how the answer turned out', async () => {
    const { state } = mixedRun([
      {
        type: 'promptChosen',
        stageId: 'domain',
        variant: 'stepwise',
        promptVersion: 1,
        model: 'claude-sonnet-5-5',
        reason: 'stepwise: 18 of 20 clean (sampled 0.88) vs direct 9 of 20 clean (sampled 0.41)',
      },
      { type: 'promptOutcome', stageId: 'domain', variant: 'stepwise', model: 'claude-sonnet-5-5', valid: false, repaired: true, latencyMs: 3100 },
    ]);
    await renderUi(<ExecutionTree state={state} />);
    const domain = screen.getAllByTestId('tree-node').find((node) => node.dataset.stage === 'domain');
    assert.ok(domain);
    fireEvent.click(domain);
    await litSettled();
    assert.equal(screen.getByTestId('stage-variant').textContent, 'stepwise · claude-sonnet-5-5 · invalid answer: deterministic result kept');
    assert.match(screen.getByTestId('stage-variant-reason').textContent ?? '', /^stepwise: 18 of 20 clean .* vs direct 9 of 20 clean/);
  });

  it('opens the details of a stage from the keyboard: focus its node, press Enter', async () => {
    await renderUi(<ExecutionTree state={mixedRun().state} />);
    const wrapper = document.querySelector<HTMLElement>('.react-flow__node[data-id="api"]');
    assert.ok(wrapper, 'the node is drawn');
    assert.equal(wrapper.tabIndex, 0, 'nodes are in the tab order');
    assert.match(wrapper.getAttribute('aria-label') ?? '', /: retrying$/, 'a screen reader hears the stage and its status');
    wrapper.focus();
    fireEvent.keyDown(wrapper, { key: 'Enter' });
    await litSettled();
    assert.match(within(screen.getByTestId('stage-details')).getByRole('heading').textContent ?? '', /API/);
  });

  it('redraws from scratch for a new run, all stages pending', async () => {
    const view = await renderUi(<ExecutionTree state={mixedRun().state} />);
    const [started] = runEvents('run-2', [{ type: 'runStarted', concurrency: 2, stages: [stage('a', 'A'), stage('b', 'B', 'a')] }]);
    view.rerender(<ExecutionTree state={applyRunEvent(mixedRun().state, started)} />);
    await litSettled();
    assert.deepEqual(
      screen.getAllByTestId('tree-node').map((node) => `${node.dataset.stage}:${node.dataset.status}`),
      ['a:pending', 'b:pending'],
    );
  });
});
