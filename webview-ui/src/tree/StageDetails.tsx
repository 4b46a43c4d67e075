import { formatDuration } from '../../../src/model/run/outcome';
import type { StageState } from '../../../src/model/run/runState';

// The rows below are fragments of one <dl>: each group adds its <dt>/<dd> pairs only when the stage has them.

/** How the stage relates to the data model: added once it was final, what it changed, a model reused from the review. */
function ModelRows({ stage, addedBy }: { stage: StageState; addedBy?: string }) {
  return (
    <>
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
    </>
  );
}

/** Which prompt variant asked Claude, with which model, whether the answer held, and why that variant. */
function VariantRows({ stage }: { stage: StageState }) {
  if (!stage.variant) return null;
  return (
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
  );
}

/** How the stage ended: how long it took, what it produced, or why it failed or was skipped. */
function OutcomeRows({ stage }: { stage: StageState }) {
  return (
    <>
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
    </>
  );
}

/** The selected stage in the execution tree: what it is, how it ran, the files it wrote. */
export function StageDetails({ stage, addedBy }: { stage: StageState; addedBy?: string }) {
  return (
    <aside className="tree-details" aria-label={`Details of ${stage.title}`} data-testid="stage-details">
      <h3>{stage.title}</h3>
      {stage.description && <p className="stage-description">{stage.description}</p>}
      <dl>
        <dt>Status</dt>
        <dd>{stage.status}</dd>
        <ModelRows stage={stage} addedBy={addedBy} />
        <VariantRows stage={stage} />
        <OutcomeRows stage={stage} />
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
