// Messages the extension host sends to the webview: one zod schema each, one discriminated union.
import * as z from 'zod';
import { RunEvent } from '../run/events';
import { ModelChanges } from '../run/modelChanges';
import { ProjectSpec } from '../project/projectSpec';
import { ChangeRead, StartChange, UpdateApplied, UpdatePreview } from './change';
import { AskAnswered, AskAnswerText, StartAsk } from './ask';
import { HostInfo, RequestId, ShortText } from './common';
import { ExtractProgress } from './extract';
import { DependenciesInstalled, DependencyStatus } from './dependencies';
import { PingRequest, PongReply } from './toHost';

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

/**
 * "Regenerate…" from the history: the review step again on that generation's reviewed spec (the
 * user's review edits intact), to generate as it is or edited; the form behind it holds the
 * requirements. Without a spec (too large to send) the form opens with the requirements alone.
 */
export const StartFrom = z.object({
  type: z.literal('startFrom'),
  requirements: z.string().max(200_000),
  spec: ProjectSpec.optional(),
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
  ExtractProgress,
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
  StartChange,
  ChangeRead,
  UpdatePreview,
  UpdateApplied,
  StartAsk,
  AskAnswerText,
  AskAnswered,
  DependencyStatus,
  DependenciesInstalled,
]);
export type HostToWebview = z.infer<typeof HostToWebview>;
