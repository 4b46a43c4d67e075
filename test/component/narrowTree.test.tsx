import * as assert from 'node:assert/strict';
import { ExecutionTree } from '../../webview-ui/src/tree/ExecutionTree';
import { treeLayoutFor } from '../../webview-ui/src/tree/usePanelWidth';
import { act, fireEvent, litSettled, mixedRun, renderUi, screen } from './helpers';

// Issue #17 item 3: in a narrow panel the stage details must not squeeze the graph, the minimap must
// not cover anything, and the graph must open at a zoom where its text can be read.

function resizePanel(width: number): void {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  act(() => {
    window.dispatchEvent(new window.Event('resize'));
  });
}

/** The canvas reports this size (jsdom does no layout); undone by the returned function. */
function canvasSize(width: number, height: number): () => void {
  const proto = window.HTMLElement.prototype;
  const sized = (axis: 'clientWidth' | 'clientHeight', value: number) =>
    Object.defineProperty(proto, axis, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('tree-canvas') ? value : 0;
      },
    });
  sized('clientWidth', width);
  sized('clientHeight', height);
  return () => {
    delete (proto as unknown as Record<string, unknown>).clientWidth;
    delete (proto as unknown as Record<string, unknown>).clientHeight;
  };
}

function openStageDetails(stageId: string): void {
  const node = screen.getAllByTestId('tree-node').find((n) => n.dataset.stage === stageId);
  assert.ok(node, `node ${stageId}`);
  fireEvent.click(node);
}

describe('ExecutionTree in a narrow panel', () => {
  const initialWidth = window.innerWidth;
  afterEach(() => resizePanel(initialWidth));

  it('chooses where the details go and whether the minimap shows by the panel width', () => {
    assert.deepEqual(treeLayoutFor(1200), { details: 'beside', minimap: true });
    assert.deepEqual(treeLayoutFor(700), { details: 'below', minimap: true });
    assert.deepEqual(treeLayoutFor(600), { details: 'below', minimap: false });
    assert.deepEqual(treeLayoutFor(420), { details: 'below', minimap: false });
  });

  it('puts the details beside the graph in a wide panel and under it once the panel narrows', async () => {
    resizePanel(1200);
    await renderUi(<ExecutionTree state={mixedRun().state} />);
    openStageDetails('schema');
    await litSettled();
    const tree = screen.getByTestId('execution-tree');
    assert.equal(tree.dataset.details, 'beside');
    assert.ok(tree.classList.contains('details-beside'));
    assert.ok(document.querySelector('.react-flow__minimap'), 'a wide panel has the minimap');
    resizePanel(500);
    assert.equal(tree.dataset.details, 'below');
    assert.ok(tree.classList.contains('details-below'));
    assert.equal(document.querySelector('.react-flow__minimap'), null, 'no minimap in a narrow panel');
    assert.ok(screen.getByTestId('stage-details'), 'the details stay open');
  });

  it('keeps the attribution out of the corners of the minimap and the controls', async () => {
    resizePanel(1200);
    await renderUi(<ExecutionTree state={mixedRun().state} />);
    const corner = (selector: string) => {
      const panel = document.querySelector(selector);
      assert.ok(panel, selector);
      return ['top', 'bottom', 'left', 'right'].filter((side) => panel.classList.contains(side)).join('-');
    };
    const attribution = corner('.react-flow__attribution');
    assert.notEqual(attribution, corner('.react-flow__minimap'));
    assert.notEqual(attribution, corner('.react-flow__controls'));
  });

  it('opens a graph too big for the canvas at a readable zoom, showing its top, not a fitted miniature', async () => {
    const restore = canvasSize(500, 300);
    try {
      await renderUi(<ExecutionTree state={mixedRun().state} />);
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(transform);
      assert.ok(match, `the viewport has a transform: ${transform}`);
      const [x, y, zoom] = match.slice(1).map(Number);
      // Three 200 px nodes side by side and five layers do not fit in 500 x 300 px: fitting would give ~0.58.
      assert.equal(zoom, 0.95, 'node text (12 px) reads at 11 px or more');
      assert.equal(y, 12, 'the first stage at the top');
      assert.ok(x < 0, `centred across, the sides for panning (x ${x})`);
    } finally {
      restore();
    }
  });
});
