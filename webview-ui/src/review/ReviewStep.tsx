import { VscodeButton, VscodeCheckbox, VscodeTextfield } from '@vscode-elements/react-elements';
import { type ReactNode, useState } from 'react';
import { addEntity } from '../../../src/model/project/edit';
import { TargetFolder } from '../../../src/model/protocol';
import type { Bridge, GenerateOptions } from '../bridge';
import { useArrivalFocus } from '../useArrivalFocus';
import { checkedOf, valueOf } from '../elementEvents';
import { AuthEditor } from './AuthEditor';
import { EntityEditor } from './EntityEditor';
import { Forecast } from './Forecast';
import { MergeChoice } from './MergeChoice';
import { NotUnderstoodList } from './NotUnderstoodList';
import { OptionsEditor } from './OptionsEditor';
import { RefineWithClaude } from './RefineWithClaude';
import { RelationsEditor } from './RelationsEditor';
import { RulesList } from './RulesList';
import type { useReview } from './useReview';
import { useProgressiveCount } from './useProgressiveCount';

type ReviewApi = ReturnType<typeof useReview>;
type Review = NonNullable<ReviewApi['review']>;

function AddEntity({ edit }: { edit: ReviewApi['edit'] }) {
  const [name, setName] = useState('');
  const add = () => {
    if (name.trim() && edit((s) => addEntity(s, name.trim()))) setName('');
  };
  return (
    <div className="add-row">
      <VscodeTextfield
        value={name}
        placeholder="New entity, e.g. Comment"
        aria-label="New entity name"
        data-testid="add-entity-name"
        onInput={(event) => setName(valueOf(event))}
        onKeyDown={(event) => event.key === 'Enter' && add()}
      />
      <VscodeButton secondary onClick={add} data-testid="add-entity">
        Add entity
      </VscodeButton>
    </div>
  );
}

/** The workspace folder to generate into, checked as the host checks it, with what will happen there. */
function FolderRow({ api, review, folder, folderError }: { api: ReviewApi; review: Review; folder: string; folderError?: string }) {
  return (
    <div className="folder-row">
      <label htmlFor="target-folder">Folder in the workspace</label>
      <VscodeTextfield id="target-folder" value={folder} data-testid="target-folder" aria-describedby="folder-note" onInput={(event) => api.chooseFolder(valueOf(event))} />
      <span id="folder-note" className={folderError || review.folderExists ? 'form-error' : 'muted'} role={folderError ? 'alert' : undefined}>
        {folderError ??
          (review.folderExists && review.folderChoice === undefined
            ? `"${folder}" already exists and is not empty: merge into it (you choose each file) or choose another folder.`
            : 'A new folder; Takoss never writes over existing files.')}
      </span>
    </div>
  );
}

/** Verify after generating (only in a trusted workspace) and commit to git. */
function RunOptions({ api, review, trusted }: { api: ReviewApi; review: Review; trusted: boolean }) {
  return (
    <div className="verify-row">
      <VscodeCheckbox checked={trusted && (review.verify ?? false)} disabled={!trusted} data-testid="verify-option" onChange={(event) => api.chooseVerify(checkedOf(event))}>
        Verify after generating: npm install, build and the project's tests (runs the generated code on this machine; VS Code asks you first, naming what will run)
      </VscodeCheckbox>
      <VscodeCheckbox checked={review.git ?? false} data-testid="git-option" onChange={(event) => api.chooseGit(checkedOf(event))}>
        Commit the generation to git (a repository is created in the folder if there is none; regenerating makes a new commit to diff)
      </VscodeCheckbox>
      {!trusted && (
        <span className="muted" data-testid="verify-restricted">
          Restricted Mode: Takoss never runs generated code in an untrusted workspace. Trust the workspace (Manage Workspace Trust) to verify.
        </span>
      )}
    </div>
  );
}

/** What blocks generating (the spec's problems), a refused edit, and the extraction's notes. */
function ReviewNotices({ api, review }: { api: ReviewApi; review: Review }) {
  const { warnings } = review.spec;
  return (
    <>
      {review.problems.length > 0 && (
        <div className="problems" role="alert" data-testid="spec-problems">
          <strong>Fix these before generating:</strong>
          <ul>
            {review.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {api.editError && (
        <p className="form-error" role="alert" data-testid="edit-error">
          {api.editError}
        </p>
      )}
      {warnings.length > 0 && (
        <details className="warnings">
          <summary>{warnings.length} note{warnings.length > 1 ? 's' : ''} from the extraction</summary>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** The editable model: entities, relations, sign-in, options and rules. */
function ModelEditors({ api, review }: { api: ReviewApi; review: Review }) {
  const { spec } = review;
  const drawn = useProgressiveCount(spec.entities.length);
  return (
    <>
      <h3>Entities ({spec.entities.length})</h3>
      {spec.entities.map((entity, index) =>
        index < drawn ? (
          <EntityEditor key={entity.name} spec={spec} entity={entity} edit={api.edit} />
        ) : (
          <section key={entity.name} className="entity entity-pending" aria-label={`Entity ${entity.name}`} aria-busy="true" data-testid={`entity-pending-${entity.name}`}>
            <div className="entity-head">
              <strong>{entity.name}</strong>
              <span className="muted">
                {entity.fields.length} field{entity.fields.length === 1 ? '' : 's'}…
              </span>
            </div>
          </section>
        ),
      )}
      <AddEntity edit={api.edit} />
      <RelationsEditor spec={spec} edit={api.edit} />
      <AuthEditor spec={spec} edit={api.edit} />
      <OptionsEditor spec={spec} edit={api.edit} />
      <RulesList spec={spec} edit={api.edit} />
    </>
  );
}

/**
 * Where generating goes and whether it may: the folder checked as the host checks it, and a merge
 * chosen when it is occupied. A change targets the project's own folder, so neither applies to it.
 */
function planTarget(review: Review, changing: boolean) {
  const folder = review.folderChoice ?? review.folder;
  const folderCheck = TargetFolder.safeParse(folder);
  const folderError = folderCheck.success ? undefined : folderCheck.error.issues[0]?.message;
  const occupied = !changing && review.folderExists && review.folderChoice === undefined;
  const merge = occupied ? review.merge : undefined;
  const blocked = review.problems.length > 0 || (!changing && Boolean(folderError)) || (occupied && !merge);
  return { folder, folderError, occupied, merge, blocked };
}

/** The title with Back and Generate (Update, changing a project), then which generator runs. */
function ReviewHead({ review, onBack, onGenerate, generateDisabled, updating }: { review: Review; onBack: () => void; onGenerate: () => void; generateDisabled: boolean; updating: boolean }) {
  // The step arrives (Review, Ctrl+Enter): keyboard users continue from its heading, not from nowhere.
  const heading = useArrivalFocus<HTMLHeadingElement>('start');
  return (
    <>
      <div className="run-head">
        <h2 ref={heading} tabIndex={-1} data-testid="review-heading">
          Review the data model · <span data-testid="review-title">{review.spec.title}</span>
        </h2>
        <div className="buttons">
          <VscodeButton secondary onClick={onBack} data-testid="back-button">
            Back
          </VscodeButton>
          <VscodeButton onClick={onGenerate} disabled={generateDisabled} data-testid="generate-button">
            {updating ? 'Update project' : 'Generate project'}
          </VscodeButton>
        </div>
      </div>
      <p className="muted">
        {review.provider === 'anthropic' ? 'Claude refines the stages that need judgement; the rest is deterministic.' : 'Offline: deterministic, no API key.'}{' '}
        Rename, add or delete entities and fields; changes follow into relations and rules.
      </p>
    </>
  );
}

/** Step 2: the extracted data model as editable tables, its problems, the forecast, the target. */
export function ReviewStep({
  api,
  onBack,
  onGenerate,
  disabled,
  trusted = true,
  bridge,
  change,
}: {
  api: ReviewApi;
  onBack: () => void;
  onGenerate: (options: GenerateOptions) => void;
  disabled: boolean;
  /** Restricted Mode: generated code is never run, so verification is not offered. */
  trusted?: boolean;
  /** The host channel for "Refine with Claude" (default: the app's). */
  bridge?: Bridge;
  /**
   * Change mode ("Change This Project…"): what is shown above the model (the project, the change box,
   * the model's diff); the project's folder is the target, so no folder, merge or run options.
   */
  change?: ReactNode;
}) {
  const review = api.review;
  if (!review) return null;
  const { spec } = review;
  const { folder, folderError, occupied, merge, blocked } = planTarget(review, Boolean(change));
  const generate = () => onGenerate({ folder, verify: trusted && (review.verify ?? false), merge, git: review.git ?? false, acceptedModel: review.acceptedModel });
  return (
    <section className="review" aria-label="Review the data model" data-testid="review-step">
      <ReviewHead review={review} onBack={onBack} onGenerate={generate} generateDisabled={disabled || blocked || api.checking} updating={Boolean(change)} />
      {change}
      <NotUnderstoodList spec={spec} edit={api.edit} />
      <RefineWithClaude api={api} bridge={bridge} />
      <Forecast forecast={review.forecast} checking={api.checking} />
      {!change && <FolderRow api={api} review={review} folder={folder} folderError={folderError} />}
      {occupied && <MergeChoice review={review} onMerge={api.chooseMerge} />}
      {!change && <RunOptions api={api} review={review} trusted={trusted} />}
      <ReviewNotices api={api} review={review} />
      <ModelEditors api={api} review={review} />
    </section>
  );
}
