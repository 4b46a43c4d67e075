// Every message between the extension host and the Takoss webview, as zod schemas. Both sides
// import this module and validate what they receive: a malformed message is rejected and
// reported, never acted on. One discriminated union per direction (like VS Code's markdown
// preview); requests carry an id and get a reply or a timeout (like GitLens).
import * as z from 'zod';
import { AcceptedModel, RunEvent } from './run/events';
import { ModelChanges } from './run/modelChanges';
import { ProjectSpec } from './project/projectSpec';

/** Bumped when a message changes incompatibly; the webview announces the version it speaks. */
export const PROTOCOL_VERSION = 1;

/** The most any single message may weigh once serialised; bigger ones are refused. */
export const MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

const RequestId = z.string().min(1).max(64);
const ShortText = z.string().max(2000);

export const HostInfo = z.object({
  vscodeVersion: z.string().max(50),
  extensionVersion: z.string().max(50),
  uiKind: z.enum(['desktop', 'web']),
  workspaceTrusted: z.boolean(),
  workspaceFolders: z.number().int().min(0),
  provider: z.enum(['offline', 'anthropic']),
  model: z.string().max(200),
  /** Whether a Claude API key is in Secret Storage (the form offers Claude only then). */
  hasApiKey: z.boolean().default(false),
});
export type HostInfo = z.infer<typeof HostInfo>;

// ---------- webview -> host ----------

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
]);
export type WebviewToHost = z.infer<typeof WebviewToHost>;

// ---------- host -> webview ----------

export const InitMessage = z.object({
  type: z.literal('init'),
  host: HostInfo,
});

export const HostInfoChanged = z.object({
  type: z.literal('hostInfo'),
  host: HostInfo,
});

/** Sent back when the host refused a message, so the webview developer sees why. */
export const MessageRejected = z.object({
  type: z.literal('rejected'),
  reason: ShortText,
  /** The `type` of the rejected message, when it had a readable one. */
  messageType: z.string().max(100).optional(),
});

export const RunAccepted = z.object({
  type: z.literal('runAccepted'),
  replyTo: RequestId,
  runId: z.string().min(1).max(100),
  /** Workspace-relative folder the project is written to. */
  folder: z.string().max(500),
  /** The entities the run starts from (the reviewed model); specUpdated events say when a stage changes them. */
  entities: z.array(z.string().max(100)),
  warnings: z.array(z.string().max(2000)),
});

export const RunRefused = z.object({ type: z.literal('runRefused'), replyTo: RequestId, reason: ShortText });

export const RunForecast = z.object({
  stages: z.number().int().min(0),
  files: z.number().int().min(0),
  bytes: z.number().int().min(0),
  seconds: z.number().min(0),
  claude: z
    .object({
      model: z.string().max(200),
      calls: z.number().int().min(0),
      inputTokens: z.number().int().min(0),
      outputTokens: z.number().int().min(0),
      costUsd: z.number().min(0),
      maxCostUsd: z.number().min(0),
      budgetUsd: z.number().min(0),
      callsOverBudget: z.number().int().min(0),
      seconds: z.number().min(0),
      /** The forecast is for the reviewed model; Claude may still add or remove entities (and their stages). */
      mayGrow: z.string().max(500).optional(),
    })
    .optional(),
  /** From past runs of similar size with the same provider and model (learning's forecast). */
  history: z
    .object({
      costUsd: z.number().min(0),
      seconds: z.number().min(0),
      tokens: z.number().min(0),
      basedOn: z.number().int().min(0),
      explanation: z.string().max(500),
      /** Claude runs: the expected cost is above takoss.budgetPerRunUsd. */
      overBudget: z.boolean(),
    })
    .optional(),
});

export type RunForecast = z.infer<typeof RunForecast>;

/** The spec to review: extracted (reply to extract) or re-checked (reply to reviewSpec). */
export const SpecReview = z.object({
  type: z.literal('specReview'),
  replyTo: RequestId,
  spec: ProjectSpec,
  /** Why the spec cannot be generated as it is (empty: it can). */
  problems: z.array(z.string().max(2000)).max(200),
  forecast: RunForecast.optional(),
  /** The folder the project would be written to, and whether something is already there. */
  folder: z.string().max(500),
  folderExists: z.boolean(),
  conflicts: z.array(z.object({ path: z.string().max(240), same: z.boolean() })).max(5000).default([]),
});

export const SpecRefused = z.object({ type: z.literal('specRefused'), replyTo: RequestId, reason: ShortText });

/** Answer to refineModel: Claude's model and what changed, or why there is none (the user's spec is untouched). */
export const ModelRefined = z.object({
  type: z.literal('modelRefined'),
  replyTo: RequestId,
  spec: ProjectSpec.optional(),
  changes: ModelChanges.optional(),
  /** The changes in words, one line per kind. */
  summary: z.array(z.string().max(600)).max(50).default([]),
  /** Claude changed something (false: it found the model right as it is). */
  changed: z.boolean().default(false),
  model: z.string().max(200).optional(),
  costUsd: z.number().min(0).optional(),
  error: ShortText.optional(),
  /** Why there is no model: no API key (offer "Set API Key"), cancelled by the user, or failed. */
  failure: z.enum(['noApiKey', 'cancelled', 'failed']).optional(),
});

export const FileContent = z.object({
  type: z.literal('fileContent'),
  replyTo: RequestId,
  path: z.string().max(240),
  /** Null when the file could not be read (then `error` says why). */
  content: z.string().nullable(),
  truncated: z.boolean(),
  bytes: z.number().int().min(0),
  error: ShortText.optional(),
  explanation: z.string().max(4000).optional(),
  layer: z.string().max(100).optional(),
  serves: z.array(z.string().max(200)).max(200).default([]),
  requirements: z.array(z.string().max(2000)).max(200).default([]),
});

export const ZipExported = z.object({
  type: z.literal('zipExported'),
  replyTo: RequestId,
  /** Where it was saved; absent when the user cancelled the dialog or it failed. */
  path: z.string().max(2000).optional(),
  files: z.number().int().min(0).default(0),
  bytes: z.number().int().min(0).default(0),
  error: ShortText.optional(),
});

export const RunDiscarded = z.object({
  type: z.literal('runDiscarded'),
  replyTo: RequestId,
  removed: z.number().int().min(0),
  /** Files the run wrote that changed since: kept (the host deletes only files still as written). */
  kept: z.array(z.string().max(1000)).max(5000).default([]),
  /** The user said no in the host's confirmation: nothing was deleted. */
  declined: z.boolean().default(false),
  error: ShortText.optional(),
});

/** "Takoss: Explain This File": a generated file's explanation, shown on top of the panel. */
export const ShowExplanation = z.object({
  type: z.literal('showExplanation'),
  project: z.string().max(200),
  path: z.string().max(1000),
  explanation: z.string().max(4000),
  layer: z.string().max(100),
  stage: z.string().max(200).optional(),
  requirements: z.array(z.string().max(2000)).max(200),
});

/** Select a stage in the execution tree (a hover's "Show in the execution tree" link). */
export const FocusStage = z.object({ type: z.literal('focusStage'), runId: z.string().min(1).max(100), stageId: z.string().min(1).max(200) });

export const RunEventMessage = z.object({ type: z.literal('runEvent'), event: RunEvent });

/** The latest run so far, sent when the webview (re)loads: it redraws the run from its events. */
export const Rating = z.object({ up: z.boolean(), note: z.string().max(2000).optional() });
export type Rating = z.infer<typeof Rating>;

export const RunSnapshot = z.object({
  type: z.literal('runSnapshot'),
  runId: z.string().min(1).max(100),
  folder: z.string().max(500),
  entities: z.array(z.string().max(100)),
  warnings: z.array(z.string().max(2000)),
  events: z.array(RunEvent).max(50_000),
  /** The run never finished: the window was reloaded or closed while it ran. */
  interrupted: z.boolean().default(false),
  /** Opened from the Generations history (a past run, not this window's latest). */
  fromHistory: z.boolean().default(false),
  rating: Rating.optional(),
});

/** Answer to rateRun: the rating as stored (or why it was not). */
export const RunRated = z.object({ type: z.literal('runRated'), replyTo: RequestId, runId: z.string().min(1).max(100), rating: Rating.optional(), error: ShortText.optional() });

/** "Regenerate" from the history: the form again, filled with that generation's requirements to run as they are or edit. */
export const StartFrom = z.object({
  type: z.literal('startFrom'),
  requirements: z.string().max(200_000),
  projectName: z.string().max(100).optional(),
  provider: z.enum(['offline', 'anthropic']).optional(),
});

export const HostToWebview = z.discriminatedUnion('type', [
  InitMessage,
  HostInfoChanged,
  PingRequest,
  PongReply,
  MessageRejected,
  RunAccepted,
  RunRefused,
  RunEventMessage,
  RunSnapshot,
  SpecReview,
  SpecRefused,
  ModelRefined,
  FileContent,
  ZipExported,
  ShowExplanation,
  FocusStage,
  RunDiscarded,
  RunRated,
  StartFrom,
]);
export type HostToWebview = z.infer<typeof HostToWebview>;

// ---------- parsing ----------

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string; messageType?: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(message)'}: ${issue.message}`)
    .join('; ');
}

function readType(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'type' in raw) {
    const type = (raw as { type: unknown }).type;
    if (typeof type === 'string') return type.slice(0, 100);
  }
  return undefined;
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const messageType = readType(raw);
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not serialisable', messageType };
  }
  if (size > MAX_MESSAGE_CHARS) {
    return { ok: false, error: `message too large (${size} characters, limit ${MAX_MESSAGE_CHARS})`, messageType };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: describeIssues(result.error), messageType };
}

export function parseWebviewToHost(raw: unknown): ParseResult<WebviewToHost> {
  return parseWith(WebviewToHost, raw);
}

export function parseHostToWebview(raw: unknown): ParseResult<HostToWebview> {
  return parseWith(HostToWebview, raw);
}
