// Messages the webview sends to the extension host: one zod schema each, one discriminated union.
import * as z from 'zod';
import { AcceptedModel } from '../run/events';
import { ProjectSpec } from '../project/projectSpec';
import { ApplyUpdateRequest, CancelUpdateRequest, DescribeChangeRequest, OpenChangedFileRequest, OpenUpdateDiffRequest, UpdateProjectRequest } from './change';
import { AskAboutRunRequest, AskQuestionRequest, OpenAnswerLinkRequest, ReviewAskedChangeRequest } from './ask';
import { RequestId, ShortText } from './common';
import { CancelExtractRequest, ReadAheadRequest } from './extract';
import { CheckDependenciesRequest, InstallDependenciesRequest, ShowLogRequest } from './dependencies';

export const ReadyMessage = z.object({
  type: z.literal('ready'),
  protocolVersion: z.number().int().positive(),
});

export const PingRequest = z.object({
  type: z.literal('ping'),
  requestId: RequestId,
  sentAt: z.number().finite(),
});

export const PongReply = z.object({
  type: z.literal('pong'),
  replyTo: RequestId,
  receivedAt: z.number().finite(),
});

export const WebviewErrorReport = z.object({
  type: z.literal('webviewError'),
  message: ShortText,
  stack: z.string().max(8000).optional(),
});

export const ProviderChoice = z.enum(['offline', 'anthropic']);
export type ProviderChoice = z.infer<typeof ProviderChoice>;

export const ProjectName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,49}$/, 'lower-case letters, digits and dashes, starting with a letter');

/** A folder of the workspace, relative to its root: plain names joined by "/", nothing hidden. */
export const TargetFolder = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,79}(\/[A-Za-z0-9_][A-Za-z0-9._-]{0,79}){0,4}$/, 'letters, digits, ".", "_" and "-", in at most 5 folders joined by "/"')
  .refine((folder) => !folder.split('/').some((part) => part === '..' || part === '.'), 'no "." or ".." folders');

/** Step 1 -> 2: extract the data model from the requirements, for review. */
export const ExtractRequest = z.object({
  type: z.literal('extract'),
  requestId: RequestId,
  requirements: z.string().trim().min(1, 'Describe the application first').max(200_000),
  projectName: ProjectName.optional(),
  provider: ProviderChoice.default('offline'),
});

/** The reviewed (edited) spec again, for its problems and a new forecast. */
export const ReviewSpecRequest = z.object({
  type: z.literal('reviewSpec'),
  requestId: RequestId,
  spec: ProjectSpec,
  provider: ProviderChoice.default('offline'),
});

/** Generate the reviewed spec into a new folder of the workspace. */
export const GenerateRequest = z.object({
  type: z.literal('generate'),
  requestId: RequestId,
  spec: ProjectSpec,
  provider: ProviderChoice.default('offline'),
  folder: TargetFolder.optional(),
  /**
   * Asks to install, build and test the result (trusted workspaces only). A request, not consent:
   * the host asks the user in a modal, naming what will run, before anything runs.
   */
  verify: z.boolean().default(false),
  /**
   * Write into a folder that already has files: each existing file is kept unless listed in
   * `replace` (the user's per-file choice, which the host confirms in a modal before overwriting).
   * Without it, a non-empty folder is refused.
   */
  merge: z.object({ replace: z.array(z.string().min(1).max(240)).max(5000) }).optional(),
  /** Commit the generation to git in the project folder (a regeneration is a new commit). */
  git: z.boolean().default(false),
  /**
   * The spec is Claude's data model from "Refine with Claude", accepted (or found right as it was)
   * and not edited since: the run uses it instead of asking Claude for the domain model again.
   */
  acceptedModel: AcceptedModel.optional(),
});

/** A generated file's text and explanation for the result view. */
export const ReadFileRequest = z.object({
  type: z.literal('readFile'),
  requestId: RequestId,
  runId: z.string().min(1).max(100),
  path: z.string().min(1).max(240),
});

/** Save the run's project as a zip where the user picks. */
export const ExportZipRequest = z.object({ type: z.literal('exportZip'), requestId: RequestId, runId: z.string().min(1).max(100) });

/** Continue a run that a window reload interrupted (the finished stages are kept). */
export const ResumeRunRequest = z.object({ type: z.literal('resumeRun'), requestId: RequestId, runId: z.string().min(1).max(100) });

/** Remove the files an unfinished run wrote (the user chose not to keep the partial project; the host asks again). */
export const DiscardRunRequest = z.object({ type: z.literal('discardRun'), requestId: RequestId, runId: z.string().min(1).max(100) });

/** Runs "Takoss: Set API Key" (the form's action when Claude has no key). */
export const SetApiKeyRequest = z.object({ type: z.literal('setApiKey') });

/** Thumbs up or down (and an optional note) on a finished generation, kept in its history record. */
export const RateRunRequest = z.object({
  type: z.literal('rateRun'),
  requestId: RequestId,
  runId: z.string().min(1).max(100),
  up: z.boolean(),
  note: z.string().max(2000).optional(),
});

export const CancelRunRequest = z.object({ type: z.literal('cancelRun'), runId: z.string().min(1).max(100) });

/**
 * "Refine with Claude" in the review step: only the domain-model stage's Claude call, on the spec
 * being reviewed (stored API key, the run budget). Answered by modelRefined; the spec is not changed
 * until the user accepts Claude's model.
 */
export const RefineModelRequest = z.object({ type: z.literal('refineModel'), requestId: RequestId, spec: ProjectSpec });

/** Stops a refineModel request (by its id) that is still waiting for Claude. */
export const CancelRefineRequest = z.object({ type: z.literal('cancelRefine'), requestId: RequestId });

/** Open a generated file in an editor; the path is relative to the run's folder and confined to it. */
export const OpenFileRequest = z.object({ type: z.literal('openFile'), runId: z.string().min(1).max(100), path: z.string().min(1).max(240) });

export const WebviewToHost = z.discriminatedUnion('type', [
  ReadyMessage,
  PingRequest,
  PongReply,
  WebviewErrorReport,
  ExtractRequest,
  CancelExtractRequest,
  ReadAheadRequest,
  ReviewSpecRequest,
  GenerateRequest,
  CancelRunRequest,
  OpenFileRequest,
  ReadFileRequest,
  ExportZipRequest,
  DiscardRunRequest,
  ResumeRunRequest,
  SetApiKeyRequest,
  RateRunRequest,
  RefineModelRequest,
  CancelRefineRequest,
  DescribeChangeRequest,
  UpdateProjectRequest,
  OpenUpdateDiffRequest,
  ApplyUpdateRequest,
  CancelUpdateRequest,
  OpenChangedFileRequest,
  AskAboutRunRequest,
  AskQuestionRequest,
  OpenAnswerLinkRequest,
  ReviewAskedChangeRequest,
  CheckDependenciesRequest,
  InstallDependenciesRequest,
  ShowLogRequest,
]);
export type WebviewToHost = z.infer<typeof WebviewToHost>;
