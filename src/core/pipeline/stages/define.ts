// Helpers that keep each stage module down to what is particular about it.
import type { GeneratedFile } from '../../generator/fileSet';
import type { OfflineContext, PromptTemplate, StageDefinition, StageOutput } from './types';
import { StageOutputSchema } from './types';
import { countOf } from '../../../model/count';

const CONVENTIONS_NOTE =
  'Follow the project conventions and the spec given in the context exactly; do not invent entities, fields or routes.';

/**
 * Two variants of every prompt: `direct` asks for the answer at once, `stepwise` asks Claude to check
 * the requirements one by one first. Recorded outcomes tell which works better for each stage. The
 * text names no tool: each stage forces its own (emit_spec, emit_rules, …).
 */
export function prompts(task: string, version = 1): PromptTemplate {
  return {
    version,
    variants: [
      { id: 'direct', template: `${task}\n${CONVENTIONS_NOTE}\nAnswer at once, with one complete call to the tool.` },
      {
        id: 'stepwise',
        template: `${task}\n${CONVENTIONS_NOTE}\nWork step by step: go through the numbered requirement sentences one at a time and note what each needs from your answer; then answer with one complete call to the tool.`,
      },
    ],
  };
}

export function describeFiles(files: GeneratedFile[]): string {
  if (!files.length) return 'no files';
  const names = files.map((file) => file.path.split('/').at(-1));
  const shown = names.slice(0, 4).join(', ');
  return `${countOf(files.length, 'file')}: ${shown}${names.length > 4 ? ', …' : ''}`;
}

export interface FilesStageSpec extends Omit<StageDefinition, 'outputSchema' | 'offline'> {
  produce(context: OfflineContext): GeneratedFile[];
  /** Why the stage writes nothing for this spec (an option turned off), said as its summary. */
  offBecause?(spec: OfflineContext['spec']): string | undefined;
}

/** A stage whose offline implementation produces files from the generator's layers. */
export function filesStage(spec: FilesStageSpec): StageDefinition {
  const { produce, offBecause, ...rest } = spec;
  return {
    ...rest,
    outputSchema: StageOutputSchema,
    offline(context): StageOutput {
      const files = produce(context);
      const off = files.length ? undefined : offBecause?.(context.spec);
      return { files, summary: off ?? describeFiles(files) };
    },
  };
}
