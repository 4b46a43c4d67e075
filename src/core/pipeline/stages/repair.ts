import { prompts } from './define';
import { type StageDefinition, StageOutputSchema } from './types';

/**
 * Fixes what verification found. The deterministic provider cannot rewrite code from error
 * messages, so offline it says so (the Claude provider does the repair rounds).
 */
export const repair: StageDefinition = {
  kind: 'repair',
  title: 'Repair',
  dependsOn: ['verification'],
  description: 'Sends verification failures back for fixes, until they pass, repeat, or the budget runs out.',
  prompt: prompts('Verification failed with the errors below. Return corrected versions of the files that cause them.\n{{errors}}'),
  outputSchema: StageOutputSchema,
  offline: ({ inputs }) => {
    const verification = [...inputs.values()].find((output) => output.verification)?.verification;
    if (!verification || verification.ok) return { files: [], summary: 'nothing to repair' };
    const failed = verification.steps.find((step) => !step.ok);
    throw new Error(
      `Verification failed at ${failed?.name ?? 'an unknown step'} and the offline provider cannot repair code: ${(failed?.firstErrors ?? []).slice(0, 3).join(' | ')}`,
    );
  },
};
