import { prompts } from './define';
import { type StageDefinition, StageOutputSchema } from './types';

/** Installs, builds and tests the written project — only with consent, in a trusted workspace. */
export const verification: StageDefinition = {
  kind: 'verification',
  title: 'Verification',
  dependsOn: ['explanations'],
  description: 'Runs npm install, the build and the project’s own tests, and reports which step failed and why.',
  prompt: prompts('(no model call: this stage runs the project’s install, build and tests)'),
  outputSchema: StageOutputSchema,
  offline: async ({ verify, signal }) => {
    if (!verify) throw new Error('Verification was not allowed for this run');
    const result = await verify(signal);
    const steps = result.steps.map((step) => `${step.name} ${step.ok ? 'passed' : 'failed'}`).join(', ');
    return { files: [], summary: result.ok ? `install, build and tests passed (${Math.round(result.durationMs / 1000)} s)` : `${steps}`, verification: result };
  },
};
