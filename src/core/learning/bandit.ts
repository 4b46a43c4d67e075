// Chooses each stage's prompt variant from recorded outcomes: Thompson sampling on "clean success"
// (valid output without repair, verification passed, not thumbed down). Each variant's success rate
// gets a Beta(successes + 1, failures + 1) belief; a sample is drawn from each and the highest wins,
// so a variant that is probably better is chosen more and more often while the others still get an
// occasional try. With exploration off the best mean wins every time. Cost breaks near-ties.
import type { StageInstance } from '../pipeline/stages/types';
import { isCleanSuccess, type StageOutcome } from './outcome';

export interface VariantChoice {
  variant: string;
  /** Set when learning also chooses the model (takoss.learningModels). */
  model?: string;
  reason: string;
}

export interface BanditOptions {
  /** Thompson sampling (true) or always the best mean so far (false). */
  explore: boolean;
  /** A source of uniform numbers in [0, 1): seeded in tests. */
  random?: () => number;
  /** Models to choose between as well (two or more); otherwise the run's model is used. */
  models?: readonly string[];
}

interface VariantRecord {
  variant: string;
  model?: string;
  successes: number;
  trials: number;
  /** Mean cost of one call with this variant; undefined before any. */
  meanCostUsd: number | undefined;
}

/** Samples closer than this are a tie, and the cheaper variant wins. */
const TIE = 0.02;

export function tallyVariants(
  stage: string,
  promptVersion: number,
  variants: readonly string[],
  outcomes: readonly StageOutcome[],
  models: readonly (string | undefined)[] = [undefined],
): VariantRecord[] {
  return models.flatMap((model) =>
    variants.map((variant) => {
      let successes = 0;
      let trials = 0;
      let cost = 0;
      for (const outcome of outcomes) {
        if (outcome.stage !== stage || outcome.variant !== variant || outcome.promptVersion !== promptVersion) continue;
        if (model !== undefined && outcome.model !== model) continue;
        const clean = isCleanSuccess(outcome);
        if (clean === undefined) continue;
        trials++;
        if (clean) successes++;
        cost += outcome.costUsd;
      }
      return { variant, model, successes, trials, meanCostUsd: trials ? cost / trials : undefined };
    }),
  );
}

export function chooseVariant(
  stage: string,
  promptVersion: number,
  variants: readonly string[],
  outcomes: readonly StageOutcome[],
  options: BanditOptions,
): VariantChoice {
  if (variants.length === 0) throw new Error(`Stage ${stage} has no prompt variants`);
  const models = options.models && new Set(options.models).size > 1 ? [...new Set(options.models)] : [undefined];
  if (variants.length === 1 && models.length === 1) return { variant: variants[0], reason: 'the only variant' };
  const random = options.random ?? Math.random;
  const records = tallyVariants(stage, promptVersion, variants, outcomes, models);
  const scored = records.map((record) => ({
    record,
    score: options.explore ? sampleBeta(record.successes + 1, record.trials - record.successes + 1, random) : (record.successes + 1) / (record.trials + 2),
  }));
  const best = Math.max(...scored.map((s) => s.score));
  const contenders = scored.filter((s) => best - s.score <= TIE);
  // Among near-ties the cheaper known arm; unknown cost never beats a known cheaper one.
  contenders.sort((a, b) => (a.record.meanCostUsd ?? Infinity) - (b.record.meanCostUsd ?? Infinity) || b.score - a.score);
  const winner = contenders[0];
  return {
    variant: winner.record.variant,
    model: winner.record.model,
    reason: explain(winner, scored, contenders.length > 1 && winner.record.meanCostUsd !== undefined, options.explore),
  };
}

function explain(
  winner: { record: VariantRecord; score: number },
  scored: { record: VariantRecord; score: number }[],
  costDecided: boolean,
  explore: boolean,
): string {
  const tally = (r: VariantRecord) => (r.trials ? `${r.successes} of ${r.trials} clean` : 'not tried yet');
  const name = (r: VariantRecord) => (r.model ? `${r.variant} on ${r.model}` : r.variant);
  if (scored.every((s) => s.record.trials === 0)) {
    return `${name(winner.record)}: no recorded outcomes for this stage yet, ${explore ? 'trying variants at random' : 'the first variant'}`;
  }
  const others = scored.filter((s) => s !== winner).map((s) => `${name(s.record)} ${tally(s.record)}${explore ? ` (sampled ${s.score.toFixed(2)})` : ''}`);
  const how = explore ? `sampled ${winner.score.toFixed(2)}` : `best mean, exploration off`;
  const tie = costDecided ? `; a near tie, so the cheaper at $${(winner.record.meanCostUsd ?? 0).toFixed(4)} a call` : '';
  return `${name(winner.record)}: ${tally(winner.record)} (${how}) vs ${others.join(', ')}${tie}`;
}

/** The orchestrator's chooseVariant hook: every Claude stage asks the bandit with its own variants. */
export function variantChooser(outcomes: readonly StageOutcome[], options: BanditOptions): (stage: StageInstance) => VariantChoice | undefined {
  return (stage) => {
    const prompt = stage.definition.prompt;
    return chooseVariant(stage.kind, prompt.version, prompt.variants.map((v) => v.id), outcomes, options);
  };
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, random: () => number): number {
  const x = sampleGamma(a, random);
  const y = sampleGamma(b, random);
  return x / (x + y);
}

/** Marsaglia and Tsang's method (shape >= 1, which Beta(s + 1, f + 1) always gives). */
function sampleGamma(shape: number, random: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function standardNormal(random: () => number): number {
  const u = 1 - random(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** mulberry32: a small, fast, seeded generator, for reproducible simulations. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
