// The checks every Claude answer of a code-writing stage goes through, on top of the stage's own:
// each file it would write must be one the stage owns (writePolicy.ts) and keep to the code policy
// (check/codePolicy.ts). A problem makes the answer invalid, so the provider's one repair round
// trip tells Claude what was refused, and a second invalid answer keeps the deterministic result.
import { codePolicyFor, type ProjectFileReader } from '../check/codePolicy';
import type { LayerCache } from './stages/layers';
import type { ClaudeStage, ClaudeStageContext } from './stages/types';
import { stageWriteRefusal } from './writePolicy';

/** The generated package.json files, read from the run's layers (they declare what code may import). */
export function layerPackageReader(layers: LayerCache): ProjectFileReader {
  return (path) => [...layers.files('backend.packageFiles'), ...layers.files('frontend.config')].find((file) => file.path === path)?.content;
}

/** Problems with the files an answer of the stage `kind` would write: where it writes, and what. */
export function writtenFileProblems(kind: string, written: readonly { path: string; content: string }[], context: ClaudeStageContext): string[] {
  const policy = codePolicyFor(layerPackageReader(context.layers));
  const problems: string[] = [];
  for (const file of written) {
    const refused = stageWriteRefusal(kind, file.path, context.offline.files);
    if (refused) problems.push(`${file.path}: refused: ${refused}`);
    else problems.push(...policy(file.path, file.content));
  }
  return problems;
}

/**
 * The validate function for a stage's Claude request: the stage's own checks and, for a stage that
 * writes code, its write allowlist and the code policy on every file the answer would write.
 */
export function answerValidator<T>(kind: string, claude: ClaudeStage<T>, context: ClaudeStageContext): ((value: T) => string[]) | undefined {
  if (!claude.writesCode) return claude.validate ? (value) => claude.validate?.(value, context) ?? [] : undefined;
  return (value) => {
    const problems = claude.validate?.(value, context) ?? [];
    if (!claude.writes) return [...problems, `the ${kind} stage does not say which files its answer writes, so none of it can be accepted`];
    return [...problems, ...writtenFileProblems(kind, claude.writes(value, context), context)];
  };
}
