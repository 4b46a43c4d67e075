import { Background, Controls, type Edge, Handle, MiniMap, type Node, type NodeProps, Position, ReactFlow, type ReactFlowInstance, useNodesState } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { formatDuration } from '../../../src/model/run/outcome';
import type { RunState, StageState } from '../../../src/model/run/runState';
import { layoutGraph } from './layout';

const NODE_WIDTH = 176;
const NODE_HEIGHT = 52;

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

function StageDetails({ stage, addedBy }: { stage: StageState; addedBy?: string }) {
  return (
    <aside className="tree-details" aria-label={`Details of ${stage.title}`} data-testid="stage-details">
      <h3>{stage.title}</h3>
      {stage.description && <p className="stage-description">{stage.description}</p>}
      <dl>
        <dt>Status</dt>
        <dd>{stage.status}</dd>
        {stage.addedAfter && (
          <>
            <dt>Added</dt>
            <dd data-testid="stage-added-after">When “{addedBy ?? stage.addedAfter}” finished: the run grew once the data model was final.</dd>
          </>
        )}
        {stage.specChanges && stage.specChanges.length > 0 && (
          <>
            <dt>Data model changes</dt>
            <dd data-testid="stage-spec-changes">
              <ul className="tree-files">
                {stage.specChanges.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {stage.reusedModel && (
          <>
            <dt>Data model</dt>
            <dd data-testid="stage-model-reused">
              {stage.reusedModel.changed ? 'Claude’s model as you accepted it in the review' : 'Your model, which Claude found nothing to change in during the review'}
              {stage.reusedModel.model ? ` (${stage.reusedModel.model})` : ''}: used as it is, Claude was not asked again — $0 in this run
              {stage.reusedModel.reviewCostUsd !== undefined ? ` ($${stage.reusedModel.reviewCostUsd.toFixed(4)} in the review)` : ''}.
            </dd>
          </>
        )}
        {stage.variant && (
          <>
            <dt>Prompt variant</dt>
            <dd data-testid="stage-variant">
              {stage.variant}
              {stage.model ? ` · ${stage.model}` : ''}
              {stage.prompt && ` · ${stage.prompt.valid ? (stage.prompt.repaired ? 'valid after a repair' : 'valid answer') : 'invalid answer: deterministic result kept'}`}
            </dd>
            {stage.variantReason && (
              <>
                <dt>Why this variant</dt>
                <dd data-testid="stage-variant-reason">{stage.variantReason}</dd>
              </>
            )}
          </>
        )}
        {stage.durationMs !== undefined && (
          <>
            <dt>Duration</dt>
            <dd>{formatDuration(stage.durationMs)}</dd>
          </>
        )}
        {stage.outputSummary && (
          <>
            <dt>Output</dt>
            <dd>{stage.outputSummary}</dd>
          </>
        )}
        {(stage.error ?? stage.skipReason) && (
          <>
            <dt>{stage.error ? 'Error' : 'Skipped because'}</dt>
            <dd className={stage.error ? 'error' : undefined}>{stage.error ?? stage.skipReason}</dd>
          </>
        )}
      </dl>
      {stage.files.length > 0 && (
        <ul className="tree-files">
          {stage.files.map((file) => (
            <li key={file}>{file}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** The run as a graph: one node per stage, edges for dependencies, laid out top to bottom (the
// pipeline is deep and narrow, so this reads at a larger zoom than left to right). */
export function ExecutionTree({ state, focus }: { state: RunState; focus?: string }) {
  const [selected, setSelected] = useState<string | undefined>(focus);
  useEffect(() => {
    if (focus) setSelected(focus);
  }, [focus]);
  const layout = useMemo(
    () => layoutGraph(state.stageOrder.map((id) => ({ id, dependsOn: state.stages[id].dependsOn })), { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, layerGap: 34, nodeGap: 12, direction: 'TB' }),
    // The graph's shape changes when the run starts and when it grows (per-entity stages added once
    // the data model is final); statuses change, positions do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.runId, state.stageOrder.length],
  );
  // Stages added while the run goes on come into view: the whole graph is fitted again.
  const flow = useRef<ReactFlowInstance<StageNode> | undefined>(undefined);
  const shownStages = useRef(state.stageOrder.length);
  useEffect(() => {
    if (state.stageOrder.length === shownStages.current) return;
    shownStages.current = state.stageOrder.length;
    const frame = requestAnimationFrame(() => void flow.current?.fitView({ padding: 0.04 }));
    return () => cancelAnimationFrame(frame);
  }, [state.stageOrder.length]);
  // React Flow stores each node's measured size on the node; keep it across status updates, or
  // nodes stay hidden waiting to be measured.
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
  const edges: Edge[] = state.stageOrder.flatMap((id) =>
    state.stages[id].dependsOn.map((dependency) => ({
      id: `${dependency}->${id}`,
      source: dependency,
      target: id,
      animated: state.stages[id].status === 'running',
    })),
  );
  const selectedStage = selected ? state.stages[selected] : undefined;
  return (
    <div className="tree" data-testid="execution-tree">
      <div className="tree-canvas">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.04 }}
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
          onInit={(instance) => {
            flow.current = instance;
          }}
          colorMode="system"
        >
          <Background />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable style={{ width: 140, height: 90 }} />
        </ReactFlow>
      </div>
      {selectedStage && <StageDetails stage={selectedStage} addedBy={selectedStage.addedAfter ? state.stages[selectedStage.addedAfter]?.title : undefined} />}
    </div>
  );
}
