import { StageOutputSchema, type StageDefinition } from './types';
import { prompts } from './define';
import { countOf } from '../../../model/count';

/** Splits the text into numbered requirement sentences and flags what cannot be read. */
export const requirementsAnalysis: StageDefinition = {
  kind: 'requirements-analysis',
  title: 'Requirements analysis',
  dependsOn: [],
  description: 'Numbers the requirement sentences so every later element can say which ones it serves.',
  prompt: prompts('Split the requirements into numbered sentences and list ambiguities and missing information.'),
  outputSchema: StageOutputSchema,
  offline: ({ spec }) => {
    const count = spec.requirements.sentences.length;
    const warnings = spec.warnings.length;
    return { files: [], summary: `${countOf(count, 'requirement sentence')}${warnings ? `, ${countOf(warnings, 'warning')}` : ''}` };
  },
};
