// "Can this spec be generated?" asked once: the review step, the panel's generate request, the CLI and
// the pipeline all refuse with the same problems in the same words.
import type { ProjectSpec } from './projectSpec';
import { validateSpec } from './specIndex';

export const NO_ENTITIES =
  'The data model has no entities, so there is nothing to generate: add one in the review step, or describe what the app stores (e.g. "Users write posts").';

/**
 * Every reason the spec cannot be generated, the missing data model first (with the extraction's
 * notes, which say why: another language, no nouns...); empty when it can be generated.
 */
export function generationProblems(spec: ProjectSpec): string[] {
  const problems = validateSpec(spec);
  if (spec.entities.length) return problems;
  const notes = spec.warnings.length ? ` The extraction noted: ${spec.warnings.join(' ')}` : '';
  return [NO_ENTITIES + notes, ...problems];
}

export class InvalidSpecError extends Error {
  constructor(readonly problems: string[]) {
    super(`The data model cannot be generated: ${problems.join('; ')}`);
    this.name = 'InvalidSpecError';
  }
}

/** Throws InvalidSpecError listing every problem, for code paths that cannot go on without a valid spec. */
export function assertGeneratable(spec: ProjectSpec): void {
  const problems = generationProblems(spec);
  if (problems.length) throw new InvalidSpecError(problems);
}
