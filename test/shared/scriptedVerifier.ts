// Verification without running anything: tests of the repair rounds script what each verification
// of the generated project reports.
import type { VerifyResult } from '../../src/core/verify/verifier';

/** A verification that passed. */
export const PASSING: VerifyResult = { ok: true, durationMs: 10, steps: [] };

/** A verifier that reports `results` in turn, and the last one again once they run out. */
export function scriptedVerifier(...results: VerifyResult[]): () => Promise<VerifyResult> {
  let call = 0;
  return async () => results[Math.min(call++, results.length - 1)];
}
