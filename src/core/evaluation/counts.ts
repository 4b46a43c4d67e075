// Matched counts and the precision / recall / F1 made of them, shared by every per-element scorer.
import type { Synonyms } from './names';

/** Matched counts on both sides: recall = goldMatched / gold, precision = specMatched / spec. */
export interface Counts {
  gold: number;
  goldMatched: number;
  spec: number;
  specMatched: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export const zeroCounts = (): Counts => ({ gold: 0, goldMatched: 0, spec: 0, specMatched: 0 });

export function addCounts(into: Counts, more: Counts): Counts {
  into.gold += more.gold;
  into.goldMatched += more.goldMatched;
  into.spec += more.spec;
  into.specMatched += more.specMatched;
  return into;
}

/** Precision and recall are NaN when there is nothing to divide by; F1 is then NaN too. */
export function prf(counts: Counts): Scores {
  const precision = counts.spec ? counts.specMatched / counts.spec : Number.NaN;
  const recall = counts.gold ? counts.goldMatched / counts.gold : Number.NaN;
  const f1 = Number.isNaN(precision) || Number.isNaN(recall) ? Number.NaN : precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface ScoreOptions {
  synonyms?: Synonyms;
}
