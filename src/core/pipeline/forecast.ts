// What a run will cost before it starts, shown in the review step. Offline runs are forecast
// exactly for files and bytes (the deterministic generator is fast enough to run in advance) and
// roughly for time; Claude runs add token and USD estimates per refining stage, with the budget's
// cap applied the same way the orchestrator applies it (a call whose worst case — its repair round
// trip included, every input byte a token — would pass it is not made).
// The forecast is of the model as reviewed: with Claude the domain model may still gain or lose
// entities, and the run's graph (per-entity stages, files) grows or shrinks with it.
import { generateProject } from '../generator';
import type { GeneratedFile } from '../generator/fileSet';
import { costUsd } from '../providers/models';
import { worstRequestUsd } from '../providers/worstCase';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { buildStageGraph } from './stages/catalogue';
import { CONVENTIONS, specContext } from './stages/sharedContext';

export interface RunForecast {
  stages: number;
  files: number;
  bytes: number;
  /** Rough seconds for the offline run including writing the files. */
  seconds: number;
  claude?: {
    model: string;
    calls: number;
    inputTokens: number;
    /** Expected output tokens (a fraction of each stage's cap). */
    outputTokens: number;
    costUsd: number;
    /** If every call used its whole output allowance and needed its repair round trip. */
    maxCostUsd: number;
    budgetUsd: number;
    /** Calls whose worst case would pass the budget: they keep the deterministic result. */
    callsOverBudget: number;
    seconds: number;
    /** Said with Claude: the numbers are for this model, which Claude may still change. */
    mayGrow: string;
  };
  /** From past runs of similar size (filled in by the caller that has the history). */
  history?: { costUsd: number; seconds: number; tokens: number; basedOn: number; explanation: string; overBudget: boolean };
}

// Measured on the 10 samples (bench/generation-time.mjs and hybrid runs against the fake server):
// about 0.5 s fixed plus ~8 ms a file through workspace.fs; Claude streams ~60 tokens/s and a
// refining answer uses about a third of its allowance.
const FIXED_SECONDS = 0.5;
const SECONDS_PER_FILE = 0.008;
const TYPICAL_OUTPUT_SHARE = 0.35;
const TOKENS_PER_SECOND = 60;
const INSTRUCTION_TOKENS = 1500;
// For the worst case, bytes as the run's ledger counts them: the instructions of a typical stage,
// the tool's schema, and an invalid answer sent back with its problems (see claudeCall.ts).
const INSTRUCTION_BYTES = 8000;
const TOOL_BYTES = 8000;
const ECHO_BYTES_PER_TOKEN = 4;
const REPAIR_NOTE_BYTES = 8000;

/** How many stages one more entity adds (one per per-entity kind). */
function perEntityKinds(stages: readonly { definition: { kind: string; perEntity?: boolean } }[]): number {
  return new Set(stages.filter((stage) => stage.definition.perEntity).map((stage) => stage.definition.kind)).size;
}

/** `files`: the project generateProject(spec) makes, when the caller has it already (the review step needs it twice). */
export function forecastRun(spec: ProjectSpec, options: { claude?: { model: string; budgetUsd: number; concurrency?: number }; files?: readonly GeneratedFile[] } = {}): RunForecast {
  const files = options.files ?? generateProject(spec).list();
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  const stages = buildStageGraph(spec);
  const forecast: RunForecast = {
    stages: stages.length,
    files: files.length,
    bytes,
    seconds: Math.round((FIXED_SECONDS + files.length * SECONDS_PER_FILE) * 10) / 10,
  };
  const claude = options.claude;
  if (!claude) return forecast;
  const refining = stages.filter((stage) => stage.definition.claude);
  const cachedTokens = Math.ceil((CONVENTIONS.length + specContext(spec).length) / 4);
  const contextBytes = Buffer.byteLength(CONVENTIONS) + Buffer.byteLength(specContext(spec));
  let inputTokens = 0;
  let outputTokens = 0;
  let expected = 0;
  let worst = 0;
  let callsOverBudget = 0;
  let seconds = 0;
  refining.forEach((stage, index) => {
    const cap = stage.definition.claude?.maxOutputTokens ?? 0;
    const typicalOut = Math.round(cap * TYPICAL_OUTPUT_SHARE);
    // The shared context is written to the cache once and read by the later calls.
    const usage = {
      inputTokens: INSTRUCTION_TOKENS,
      cacheWriteTokens: index === 0 ? cachedTokens : 0,
      cacheReadTokens: index === 0 ? 0 : cachedTokens,
    };
    const firstBytes = contextBytes + INSTRUCTION_BYTES + TOOL_BYTES;
    const worstCall = worstRequestUsd(claude.model, firstBytes, cap) + worstRequestUsd(claude.model, firstBytes + cap * ECHO_BYTES_PER_TOKEN + REPAIR_NOTE_BYTES, cap);
    if (worst + worstCall > claude.budgetUsd) {
      callsOverBudget++;
      return;
    }
    worst += worstCall;
    expected += costUsd(claude.model, { ...usage, outputTokens: typicalOut });
    inputTokens += INSTRUCTION_TOKENS + cachedTokens;
    outputTokens += typicalOut;
    seconds += typicalOut / TOKENS_PER_SECOND;
  });
  forecast.claude = {
    model: claude.model,
    calls: refining.length - callsOverBudget,
    inputTokens,
    outputTokens,
    costUsd: expected,
    maxCostUsd: worst,
    budgetUsd: claude.budgetUsd,
    callsOverBudget,
    // Per-entity calls run side by side; the rest wait on each other.
    seconds: Math.round(forecast.seconds + seconds / Math.min(Math.max(claude.concurrency ?? 1, 1), Math.max(1, refining.length / 3))),
    mayGrow: `For these ${spec.entities.length} entities. Claude may add, rename or remove entities in the domain model; each entity it adds brings ${perEntityKinds(stages)} more stages (and its routes, pages and tests).`,
  };
  return forecast;
}
