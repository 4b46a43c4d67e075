import { Background, Controls, type Edge, Handle, MiniMap, type Node, type NodeProps, Position, ReactFlow, type ReactFlowInstance, useNodesState, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatDuration } from '../../../src/model/run/outcome';
import type { RunState, StageState } from '../../../src/model/run/runState';
import { graphExtent, layoutGraph, openingViewport } from './layout';
import { StageDetails } from './StageDetails';
import { treeLayoutFor, usePanelWidth } from './usePanelWidth';

// Room for a title on two lines and the meta line under it (styles.css, .tree-node).
const NODE_WIDTH = 200;
const NODE_HEIGHT = 68;
/** The nodes' text is 12 px: the graph opens at no less than this zoom, so it reads at 11 px or more on screen. */
const READABLE_ZOOM = 0.95;
const OPENING = { minZoom: READABLE_ZOOM, maxZoom: 1, padding: 12 };

type StageNode = Node<{ stage: StageState }, 'stage'>;

/** One stage: colour and icon by status, duration and tokens once known. */
const StageBox = memo(function StageBox({ data }: NodeProps<StageNode>) {
  const { stage } = data;
  const tokens = stage.usage.inputTokens + stage.usage.outputTokens + stage.usage.cacheReadTokens + stage.usage.cacheWriteTokens;
  return (
    <div
      className={`tree-node ${stage.status}${stage.addedAfter ? ' added' : ''}`}
      data-testid="tree-node"
      data-stage={stage.id}
      data-status={stage.status}
      data-added-after={stage.addedAfter}
      // The whole title as a tooltip, in case it needs more than the node's two lines.
      title={stage.addedAfter ? `${stage.title} (added once the data model was final)` : stage.title}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="tree-node-title">{stage.title}</div>
      <div className="tree-node-meta">
        {stage.status}
        {stage.addedAfter && stage.status === 'pending' ? ' · new' : ''}
        {stage.attempts > 1 ? ` · ${stage.attempts} attempts` : ''}
        {stage.durationMs !== undefined ? ` · ${formatDuration(stage.durationMs)}` : ''}
        {tokens ? ` · ${tokens} tok` : ''}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { stage: StageBox };

type Layout = ReturnType<typeof layoutGraph>;

/** The stage shown in the details: the one clicked or chosen by keyboard, or the one an editor hover asked for. */
function useSelectedStage(focus: string | undefined) {
  const [selected, setSelected] = useState<string | undefined>(focus);
  useEffect(() => {
    if (focus) setSelected(focus);
  }, [focus]);
  return [selected, setSelected] as const;
}

function useStageLayout(state: RunState): Layout {
  return useMemo(
    () => layoutGraph(state.stageOrder.map((id) => ({ id, dependsOn: state.stages[id].dependsOn })), { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, layerGap: 34, nodeGap: 12, direction: 'TB' }),
    // The graph's shape changes when the run starts and when it grows (per-entity stages added once
    // the data model is final); statuses change, positions do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.runId, state.stageOrder.length],
  );
}

/**
 * The graph opens at a readable zoom (openingViewport), and again when stages are added while the
 * run goes on. Returns the refs for the canvas and the flow's onInit.
 */
function useOpeningViewport(layout: Layout, stageCount: number) {
  const flow = useRef<ReactFlowInstance<StageNode> | undefined>(undefined);
  const canvas = useRef<HTMLDivElement>(null);
  const opened = useRef<Viewport | undefined>(undefined);
  const open = useCallback(() => {
    const view = { width: canvas.current?.clientWidth ?? 0, height: canvas.current?.clientHeight ?? 0 };
    opened.current = openingViewport(graphExtent(layout, NODE_WIDTH, NODE_HEIGHT), view, OPENING);
    void flow.current?.setViewport(opened.current);
  }, [layout]);
  const shownStages = useRef(stageCount);
  useEffect(() => {
    if (stageCount === shownStages.current) return;
    shownStages.current = stageCount;
    const frame = requestAnimationFrame(open);
    return () => cancelAnimationFrame(frame);
  }, [stageCount, open]);
  // When the panel is resized (the editor split by "Open in editor", a narrower column) the view
  // opens again for the new size, until the user pans or zooms it themselves.
  const userMoved = useRef(false);
  useEffect(() => {
    const element = canvas.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width || userMoved.current) return;
      width = element.clientWidth;
      open();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [open]);
  const onInit = (instance: ReactFlowInstance<StageNode>) => {
    flow.current = instance;
    open();
  };
  // A click on a node also ends a "move" that moved nothing: only a changed view counts as the user's.
  const onMoveEnd = (_event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    const last = opened.current;
    if (last && (Math.abs(viewport.x - last.x) > 1 || Math.abs(viewport.y - last.y) > 1 || Math.abs(viewport.zoom - last.zoom) > 0.001)) userMoved.current = true;
  };
  return { canvas, onInit, onMoveEnd };
}

/**
 * The nodes, one per stage at its laid-out position. React Flow stores each node's measured size on
 * the node; keep it across status updates, or nodes stay hidden waiting to be measured.
 */
function useStageNodes(state: RunState, layout: Layout, selected: string | undefined) {
  const [nodes, setNodes, onNodesChange] = useNodesState<StageNode>([]);
  useEffect(() => {
    setNodes((previous) => {
      const byId = new Map(previous.map((node) => [node.id, node]));
      return state.stageOrder.map((id) => {
        const position = layout.get(id) ?? { x: 0, y: 0 };
        return {
          ...byId.get(id),
          id,
          type: 'stage' as const,
          position: { x: position.x, y: position.y },
          data: { stage: state.stages[id] },
          // Read by screen readers on the focused node; press Enter for the details.
          ariaLabel: `${state.stages[id].title}: ${state.stages[id].status}`,
          draggable: false,
          selected: id === selected,
        };
      });
    });
  }, [state, layout, selected, setNodes]);
  return [nodes, onNodesChange] as const;
}

/** One edge per dependency, animated while the stage that waits on it runs. */
function stageEdges(state: RunState): Edge[] {
  return state.stageOrder.flatMap((id) =>
    state.stages[id].dependsOn.map((dependency) => ({
      id: `${dependency}->${id}`,
      source: dependency,
      target: id,
      animated: state.stages[id].status === 'running',
    })),
  );
}

/** The run as a graph: one node per stage, edges for dependencies, laid out top to bottom (the
// pipeline is deep and narrow, so this reads at a larger zoom than left to right). */
export function ExecutionTree({ state, focus }: { state: RunState; focus?: string }) {
  const [selected, setSelected] = useSelectedStage(focus);
  const layout = useStageLayout(state);
  const { canvas, onInit, onMoveEnd } = useOpeningViewport(layout, state.stageOrder.length);
  const [nodes, onNodesChange] = useStageNodes(state, layout, selected);
  const selectedStage = selected ? state.stages[selected] : undefined;
  // A narrow panel puts the details under the graph and drops the minimap (the controls still zoom).
  const arrangement = treeLayoutFor(usePanelWidth());
  return (
    <div className={`tree details-${arrangement.details}`} data-testid="execution-tree" data-details={arrangement.details}>
      <div className="tree-canvas" ref={canvas}>
        <ReactFlow
          nodes={nodes}
          edges={stageEdges(state)}
          nodeTypes={nodeTypes}
          minZoom={0.1}
          nodesConnectable={false}
          nodesDraggable={false}
          onNodesChange={(changes) => {
            // Enter or Space on a focused node selects it (React Flow's keyboard access): show its details.
            for (const change of changes) if (change.type === 'select' && change.selected) setSelected(change.id);
            onNodesChange(changes);
          }}
          onNodeClick={(_event, node) => setSelected(node.id)}
          onPaneClick={() => setSelected(undefined)}
          onInit={onInit}
          onMoveEnd={onMoveEnd}
          colorMode="system"
          // Top right: at the bottom the minimap (right) and the controls (left) would cover it.
          attributionPosition="top-right"
        >
          <Background />
          <Controls showInteractive={false} />
          {arrangement.minimap && <MiniMap pannable zoomable style={{ width: 140, height: 90 }} />}
        </ReactFlow>
      </div>
      {selectedStage && <StageDetails stage={selectedStage} addedBy={selectedStage.addedAfter ? state.stages[selectedStage.addedAfter]?.title : undefined} />}
    </div>
  );
}
