// What a pipeline stage is: an id and title, what it depends on, a versioned prompt template with
// variants (for the Claude provider and for learning which variant works), a zod schema for its
// output, and the deterministic implementation the offline provider runs.
import * as z from 'zod';
import type { GeneratedFile } from '../../generator/fileSet';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import type { VerifyResult } from '../../verify/verifier';
import type { LayerCache } from './layers';

export const GeneratedFileSchema = z.object({
  path: z.string().min(1).max(240),
  content: z.string().max(2_000_000),
  layer: z.string().max(100),
  explanation: z.string().max(4000),
  serves: z.array(z.string().max(200)),
  sources: z.array(z.number().int().min(0)),
  executable: z.boolean().optional(),
});

/** Every stage returns files (possibly none) and a one-line summary for the execution tree. */
export const StageOutputSchema = z.object({
  files: z.array(GeneratedFileSchema),
  summary: z.string().max(2000),
  /** Set by the domain-model stage; later stages read the spec from here. */
  spec: z.unknown().optional(),
});
export type StageOutput = {
  files: GeneratedFile[];
  summary: string;
  spec?: ProjectSpec;
  /** Set by the verification stage; the repair stage reads it. */
  verification?: VerifyResult;
};

export interface PromptVariant {
  id: string;
  /** Template text; `{{name}}` placeholders are filled from the stage's inputs. */
  template: string;
}

export interface PromptTemplate {
  /** Bumped whenever a variant's text changes, so recorded outcomes stay comparable. */
  version: number;
  variants: readonly PromptVariant[];
}

export interface OfflineContext {
  /** The reviewed spec (after the domain-model stage). */
  spec: ProjectSpec;
  /** Requirements text the run started from (empty when it started from a spec). */
  requirementsText: string;
  layers: LayerCache;
  /** For per-entity stages: the entity this instance generates. */
  entity?: string;
  signal: AbortSignal;
  /** Outputs of the stages this one depends on, by stage id. */
  inputs: ReadonlyMap<string, StageOutput>;
  /** Runs install, build and tests of the written project; absent when not allowed. */
  verify?: (signal: AbortSignal) => Promise<VerifyResult>;
}

export interface ClaudeStageContext extends OfflineContext {
  /** The deterministic skeleton this stage refines. */
  offline: StageOutput;
  /** TypeScript syntax check for model-written code (present when the stage writes code). */
  checkSyntax?: (path: string, content: string) => string[];
}

/** How a stage asks Claude for the parts that need judgement, on top of its offline output. */
export interface ClaudeStage<T> {
  toolName: string;
  toolDescription: string;
  schema: z.ZodType<T>;
  maxOutputTokens: number;
  /** Writes code: only used when a syntax checker is available, and its output must pass it. */
  writesCode?: boolean;
  /**
   * The files an answer would write, for the checks every code-writing stage gets (its write
   * allowlist and the code policy, see answerPolicy.ts). Without it a code-writing answer is refused.
   */
  writes?(value: T, context: ClaudeStageContext): { path: string; content: string }[];
  /** Whether there is anything for Claude to do in this run (no call, no warning when false). */
  applies?(context: ClaudeStageContext): boolean;
  /** The stage's instructions; the shared context (conventions, spec) is sent separately, cached. */
  instructions(context: ClaudeStageContext, variant: PromptVariant): string;
  validate?(value: T, context: ClaudeStageContext): string[];
  apply(value: T, context: ClaudeStageContext): StageOutput;
}

export interface StageDefinition {
  kind: string;
  title: string;
  /** Kinds this stage waits for; a per-entity kind means all of its instances. */
  dependsOn: readonly string[];
  /** One instance per entity (e.g. API routes, pages) instead of one per run. */
  perEntity?: boolean;
  /**
   * The data model is final once this stage has finished: the per-entity stages are added to the
   * run's graph then, from the spec it returns (Claude may add, rename or remove entities).
   */
  finalizesModel?: boolean;
  /** What the stage is for, shown in the stage details. */
  description: string;
  prompt: PromptTemplate;
  outputSchema: z.ZodType<unknown>;
  offline(context: OfflineContext): StageOutput | Promise<StageOutput>;
  /** Present on stages Claude refines in hybrid mode. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  claude?: ClaudeStage<any>;
}

/** A stage in one run's graph: a catalogue stage, possibly bound to an entity. */
export interface StageInstance {
  id: string;
  title: string;
  kind: string;
  dependsOn: string[];
  description: string;
  entity?: string;
  definition: StageDefinition;
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => values[name] ?? match);
}
