// Messages of "Change This Project…" (issue #15): the panel reviews a generated project's current
// model, reads a change typed in plain words, runs the update to memory, previews what it will do
// to each file, then applies it or not. Both directions live here; toHost.ts and toWebview.ts add
// them to their unions.
import * as z from 'zod';
import { AcceptedModel } from '../run/events';
import { ProjectSpec } from '../project/projectSpec';
import { RequestId, ShortText } from './common';

const Provider = z.enum(['offline', 'anthropic']);
const RelativePath = z.string().min(1).max(240);

/** The project being changed, as the banner names it. */
export const ChangeTarget = z.object({
  name: z.string().max(100),
  title: z.string().max(200),
  /** Workspace-relative folder (or the absolute one outside the workspace). */
  folder: z.string().max(1000),
});
export type ChangeTarget = z.infer<typeof ChangeTarget>;

const Name = z.string().min(1).max(100);
/** One rename made while reviewing (an editor's rename, or a change read as one); see project/renameSteps.ts. */
export const RenameStep = z.object({
  entities: z.array(z.object({ from: Name, to: Name })).max(100).optional(),
  fields: z.array(z.object({ entity: Name, from: Name, to: Name })).max(500).optional(),
});

// ---- webview -> host

/** A change in plain words, read against the spec under review (offline: the extractor; with Claude: Claude). */
export const DescribeChangeRequest = z.object({
  type: z.literal('describeChange'),
  requestId: RequestId,
  spec: ProjectSpec,
  text: z.string().trim().min(1, 'Describe the change first').max(4000),
  provider: Provider.default('offline'),
});

/** Update the project being changed to the reviewed spec: a run to memory, then a preview (nothing is written). */
export const UpdateProjectRequest = z.object({
  type: z.literal('updateProject'),
  requestId: RequestId,
  spec: ProjectSpec,
  provider: Provider.default('offline'),
  acceptedModel: AcceptedModel.optional(),
  /** The renames since the project's model, in order: the migration renames those tables and columns instead of dropping them. */
  renames: z.array(RenameStep).max(500).default([]),
});

/** Opens VS Code's diff editor: the file on disk against what the update would write. */
export const OpenUpdateDiffRequest = z.object({ type: z.literal('openUpdateDiff'), path: RelativePath });

/** Writes the previewed update (every file only while it is still as previewed). */
export const ApplyUpdateRequest = z.object({ type: z.literal('applyUpdate'), requestId: RequestId });

/** Drops the previewed update: nothing is written. */
export const CancelUpdateRequest = z.object({ type: z.literal('cancelUpdate') });

/** Opens a file of the project being changed (a conflicting file after applying). */
export const OpenChangedFileRequest = z.object({ type: z.literal('openChangedFile'), path: RelativePath });

// ---- host -> webview

/** "Change This Project…": the review step on the project's current (reviewed) spec, in change mode. */
export const StartChange = z.object({
  type: z.literal('startChange'),
  project: ChangeTarget,
  spec: ProjectSpec,
  provider: Provider,
  /** A change to put in the change box, unread (a change offered by "Ask about this project"). */
  text: z.string().max(4000).optional(),
});

/** Answer to describeChange: the spec with the change, what was applied and what was not understood. */
export const ChangeRead = z.object({
  type: z.literal('changeRead'),
  replyTo: RequestId,
  spec: ProjectSpec,
  applied: z.array(z.string().max(600)).max(200),
  notUnderstood: z.array(z.string().max(2000)).max(200),
  by: Provider,
  /** What the change renamed (named as in the spec it was read against). */
  renames: RenameStep.optional(),
  /** Why Claude's reading was not used, when it was asked for. */
  note: ShortText.optional(),
});

export const UpdateAction = z.enum(['added', 'updated', 'merged', 'conflict', 'kept', 'userDeleted', 'removed', 'keptNoLongerGenerated', 'unchanged', 'memory']);
export type UpdateAction = z.infer<typeof UpdateAction>;

export const PreviewFile = z.object({
  path: z.string().max(240),
  action: UpdateAction,
  conflicts: z.number().int().min(0).optional(),
  note: z.string().max(600).optional(),
  /** A diff can be shown (something would be written, or the user's file differs from the new generation). */
  diff: z.boolean(),
});
export type PreviewFile = z.infer<typeof PreviewFile>;

/** The update's plan, once its run has generated to memory: what would happen to each file. */
export const UpdatePreview = z.object({
  type: z.literal('updatePreview'),
  runId: z.string().max(100).optional(),
  folder: z.string().max(1000),
  files: z.array(PreviewFile).max(5000),
  /** The plan in words (one line per action and file). */
  lines: z.array(z.string().max(1000)).max(6000),
  /** The schema change's new migration: its path and what it does. */
  migration: z.object({ path: z.string().max(240), summary: z.array(z.string().max(600)).max(200) }).optional(),
  /** Why no update can be made (the run failed, the schema change was refused, ...). */
  refusal: ShortText.optional(),
});

/** Answer to applyUpdate. */
export const UpdateApplied = z.object({
  type: z.literal('updateApplied'),
  replyTo: RequestId,
  written: z.array(z.string().max(240)).max(5000),
  removed: z.array(z.string().max(240)).max(5000),
  /** Written with conflict markers, to resolve. */
  conflicts: z.array(z.string().max(240)).max(5000),
  /** Not written: changed after the preview (or could not be written), with why. */
  refused: z.array(z.object({ path: z.string().max(240), reason: ShortText })).max(5000),
  error: ShortText.optional(),
});
