import * as assert from 'node:assert/strict';
import { assignLayers, countCrossings, graphExtent, layoutGraph, openingViewport } from '../../webview-ui/src/tree/layout';

const node = (id: string, ...dependsOn: string[]) => ({ id, dependsOn });

describe('execution tree layout', () => {
  it('puts each stage one layer after its deepest dependency', () => {
    const layers = assignLayers([node('spec'), node('db', 'spec'), node('api', 'db'), node('docs', 'spec'), node('readme', 'api', 'docs')]);
    assert.deepEqual(Object.fromEntries(layers), { spec: 0, db: 1, api: 2, docs: 1, readme: 3 });
  });

  it('does not hang on cycles or unknown dependencies', () => {
    const layers = assignLayers([node('a', 'b'), node('b', 'a'), node('c', 'ghost')]);
    assert.equal(layers.size, 3);
    assert.equal(layers.get('c'), 0);
  });

  it('gives every node its own non-overlapping box, left to right by layer', () => {
    const nodes = [node('a'), node('b'), node('c', 'a'), node('d', 'a', 'b'), node('e', 'c', 'd')];
    const positions = layoutGraph(nodes, { nodeWidth: 100, nodeHeight: 40, layerGap: 50, nodeGap: 10 });
    const boxes = [...positions.values()];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const overlap = Math.abs(boxes[i].x - boxes[j].x) < 100 && Math.abs(boxes[i].y - boxes[j].y) < 40;
        assert.equal(overlap, false);
      }
    }
    for (const n of nodes) for (const dep of n.dependsOn) assert.ok((positions.get(dep)?.x ?? 0) < (positions.get(n.id)?.x ?? 0));
  });

  it('untangles crossing edges', () => {
    // Declared so that a naive order crosses: x1->y2, x2->y1.
    const nodes = [node('x1'), node('x2'), node('y2', 'x1'), node('y1', 'x2'), node('z', 'y2'), node('w', 'y1')];
    const positions = layoutGraph(nodes);
    assert.equal(countCrossings(nodes, positions), 0);
  });

  it('lays out a 22-stage pipeline with fan-out per entity quickly and deterministically', () => {
    const nodes = [node('requirements'), node('domain', 'requirements'), node('architecture', 'domain')];
    for (const e of ['User', 'Post', 'Comment', 'Tag']) {
      nodes.push(node(`routes:${e}`, 'architecture'), node(`pages:${e}`, `routes:${e}`));
    }
    nodes.push(node('readme', ...nodes.filter((n) => n.id.startsWith('pages:')).map((n) => n.id)));
    const first = layoutGraph(nodes);
    const second = layoutGraph(nodes);
    assert.deepEqual([...first.entries()], [...second.entries()]);
    assert.equal(countCrossings(nodes, first), 0);
  });
});

describe('tree layout direction', () => {
  it('top to bottom puts layers in rows and spreads each layer across', () => {
    const nodes = [
      { id: 'a', dependsOn: [] },
      { id: 'b', dependsOn: ['a'] },
      { id: 'c', dependsOn: ['a'] },
      { id: 'd', dependsOn: ['b', 'c'] },
    ];
    const tb = layoutGraph(nodes, { nodeWidth: 100, nodeHeight: 40, layerGap: 20, nodeGap: 10, direction: 'TB' });
    const lr = layoutGraph(nodes, { nodeWidth: 100, nodeHeight: 40, layerGap: 20, nodeGap: 10, direction: 'LR' });
    assert.deepEqual(['a', 'b', 'd'].map((id) => tb.get(id)?.y), [0, 60, 120], 'rows 40 high with 20 between');
    assert.equal(tb.get('b')?.y, tb.get('c')?.y);
    assert.equal(Math.abs((tb.get('b')?.x ?? 0) - (tb.get('c')?.x ?? 0)), 110, 'siblings side by side');
    assert.equal(tb.get('a')?.x, 55, 'a single node is centred on the widest layer');
    assert.deepEqual(['a', 'b', 'd'].map((id) => lr.get(id)?.x), [0, 120, 240]);
  });

  it('measures the laid-out graph', () => {
    const positions = layoutGraph([node('a'), node('b', 'a'), node('c', 'a')], { nodeWidth: 100, nodeHeight: 40, layerGap: 20, nodeGap: 10, direction: 'TB' });
    assert.deepEqual(graphExtent(positions, 100, 40), { width: 210, height: 100 });
  });
});

describe('the zoom the execution tree opens with', () => {
  const options = { minZoom: 0.95, maxZoom: 1, padding: 10 };

  it('fits and centres a graph that fits at a readable zoom', () => {
    assert.deepEqual(openingViewport({ width: 400, height: 300 }, { width: 620, height: 520 }, options), { x: 110, y: 110, zoom: 1 });
    const shrunk = openingViewport({ width: 600, height: 300 }, { width: 600, height: 600 }, options);
    assert.equal(shrunk.zoom, 580 / 600, 'zoomed out just enough to fit');
  });

  it('never opens below the readable zoom: a big graph shows its top, centred across, for the user to pan', () => {
    // Fitting 1,400 x 2,000 into 500 x 520 would need a zoom of 0.25 (12 px text drawn at 3 px).
    const view = openingViewport({ width: 1400, height: 2000 }, { width: 500, height: 520 }, options);
    assert.equal(view.zoom, 0.95);
    assert.equal(view.y, 10, 'the first layer (where the run starts) at the top');
    assert.equal(view.x, (500 - 1400 * 0.95) / 2, 'the middle of the graph, where the first stage is, in the middle');
  });

  it('copes with a canvas that has no size yet', () => {
    const view = openingViewport({ width: 200, height: 68 }, { width: 0, height: 0 }, options);
    assert.equal(view.zoom, 0.95);
    assert.ok([view.x, view.y].every(Number.isFinite));
  });
});
