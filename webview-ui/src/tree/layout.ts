// Layered (Sugiyama-style) layout for the execution tree, small enough to own: each stage goes to
// the layer after its deepest dependency, nodes within a layer are ordered by the average position
// of their dependencies (a few barycentre sweeps cut edge crossings), and layers flow left to right or top to bottom.

export interface LayoutInput {
  id: string;
  dependsOn: readonly string[];
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  layerGap: number;
  nodeGap: number;
  sweeps: number;
  /** Left to right (layers are columns) or top to bottom (layers are rows). */
  direction: 'LR' | 'TB';
}

export interface NodePosition {
  x: number;
  y: number;
  layer: number;
  order: number;
}

const DEFAULTS: LayoutOptions = { nodeWidth: 200, nodeHeight: 64, layerGap: 70, nodeGap: 18, sweeps: 4, direction: 'LR' };

/** Longest-path layering; unknown dependencies are ignored and cycles cannot hang it. */
export function assignLayers(nodes: readonly LayoutInput[]): Map<string, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const layers = new Map<string, number>();
  const visiting = new Set<string>();
  const layerOf = (id: string): number => {
    const known = layers.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle: break it here rather than recurse forever
    visiting.add(id);
    const deps = (byId.get(id)?.dependsOn ?? []).filter((dep) => byId.has(dep));
    const layer = deps.length ? Math.max(...deps.map(layerOf)) + 1 : 0;
    visiting.delete(id);
    layers.set(id, layer);
    return layer;
  };
  for (const node of nodes) layerOf(node.id);
  return layers;
}

export function layoutGraph(nodes: readonly LayoutInput[], options: Partial<LayoutOptions> = {}): Map<string, NodePosition> {
  const o = { ...DEFAULTS, ...options };
  const layerOf = assignLayers(nodes);
  const layerCount = Math.max(-1, ...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const node of nodes) layers[layerOf.get(node.id) as number].push(node.id);

  const dependencies = new Map(nodes.map((node) => [node.id, node.dependsOn.filter((dep) => layerOf.has(dep))]));
  const dependents = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const node of nodes) for (const dep of dependencies.get(node.id) ?? []) dependents.get(dep)?.push(node.id);

  const indexIn = (layer: string[]) => new Map(layer.map((id, index) => [id, index]));
  const reorder = (layer: string[], neighbours: Map<string, string[]>, reference: Map<string, number>) => {
    const score = new Map<string, number>();
    layer.forEach((id, index) => {
      const positions = (neighbours.get(id) ?? []).map((n) => reference.get(n)).filter((p): p is number => p !== undefined);
      score.set(id, positions.length ? positions.reduce((a, b) => a + b, 0) / positions.length : index);
    });
    // Stable sort keeps declaration order among ties, so the picture does not jump between renders.
    return layer
      .map((id, index) => ({ id, index }))
      .sort((a, b) => (score.get(a.id) as number) - (score.get(b.id) as number) || a.index - b.index)
      .map((entry) => entry.id);
  };
  for (let sweep = 0; sweep < o.sweeps; sweep += 1) {
    for (let l = 1; l < layers.length; l += 1) layers[l] = reorder(layers[l], dependencies, indexIn(layers[l - 1]));
    for (let l = layers.length - 2; l >= 0; l -= 1) layers[l] = reorder(layers[l], dependents, indexIn(layers[l + 1]));
  }

  // "Along" is the flow direction, "across" the spread within a layer.
  const along = o.direction === 'LR' ? o.nodeWidth : o.nodeHeight;
  const across = o.direction === 'LR' ? o.nodeHeight : o.nodeWidth;
  const widest = Math.max(0, ...layers.map((layer) => layer.length));
  const fullSpread = widest * across + Math.max(0, widest - 1) * o.nodeGap;
  const positions = new Map<string, NodePosition>();
  layers.forEach((layer, l) => {
    const spread = layer.length * across + Math.max(0, layer.length - 1) * o.nodeGap;
    const start = (fullSpread - spread) / 2; // centre each layer on the widest one
    layer.forEach((id, order) => {
      const a = l * (along + o.layerGap);
      const b = start + order * (across + o.nodeGap);
      positions.set(id, o.direction === 'LR' ? { x: a, y: b, layer: l, order } : { x: b, y: a, layer: l, order });
    });
  });
  return positions;
}

/** Number of crossing edge pairs between adjacent layers (used by tests and to judge the layout). */
export function countCrossings(nodes: readonly LayoutInput[], positions: Map<string, NodePosition>): number {
  const edges = nodes.flatMap((node) => node.dependsOn.filter((dep) => positions.has(dep)).map((dep) => ({ from: dep, to: node.id })));
  let crossings = 0;
  for (let i = 0; i < edges.length; i += 1) {
    for (let j = i + 1; j < edges.length; j += 1) {
      const a = edges[i];
      const b = edges[j];
      const [a1, a2, b1, b2] = [positions.get(a.from), positions.get(a.to), positions.get(b.from), positions.get(b.to)] as NodePosition[];
      if (a1.layer !== b1.layer || a2.layer !== b2.layer || a2.layer !== a1.layer + 1) continue;
      if ((a1.order - b1.order) * (a2.order - b2.order) < 0) crossings += 1;
    }
  }
  return crossings;
}

export interface Size {
  width: number;
  height: number;
}

/** The laid-out graph's size (positions start at 0 on both axes). */
export function graphExtent(positions: Map<string, NodePosition>, nodeWidth: number, nodeHeight: number): Size {
  const all = [...positions.values()];
  return {
    width: Math.max(0, ...all.map((p) => p.x)) + nodeWidth,
    height: Math.max(0, ...all.map((p) => p.y)) + nodeHeight,
  };
}

export interface OpeningOptions {
  /** The smallest zoom at which the nodes' text is still readable on screen. */
  minZoom: number;
  maxZoom: number;
  padding: number;
}

/**
 * The viewport the graph opens with: the whole graph when it fits at a readable zoom; otherwise the
 * readable zoom, centred across (where the first stage sits) and showing the top (where the run starts),
 * so the user pans to the rest instead of squinting at a fitted miniature.
 */
export function openingViewport(graph: Size, view: Size, options: OpeningOptions): { x: number; y: number; zoom: number } {
  const room = { width: Math.max(0, view.width - 2 * options.padding), height: Math.max(0, view.height - 2 * options.padding) };
  const fit = Math.min(room.width / graph.width, room.height / graph.height);
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, fit));
  const drawnHeight = graph.height * zoom;
  return {
    x: (view.width - graph.width * zoom) / 2,
    y: drawnHeight <= room.height ? (view.height - drawnHeight) / 2 : options.padding,
    zoom,
  };
}
