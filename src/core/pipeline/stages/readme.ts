import { FileSet } from '../../generator/fileSet';
import { generateProjectRoot } from '../../generator/project';
import { filesStage, prompts } from './define';

export const readme = filesStage({
  kind: 'readme',
  title: 'README',
  dependsOn: ['domain-model', 'business-rules', 'docker'],
  description: 'The workspace root and a README: what the app does, rules enforced, requirements not implemented, how to run it.',
  prompt: prompts('Write the root README (entities, relations, roles, rules, what is not implemented, how to run and test) and the workspace package.json.'),
  // From the run's current spec, so requirements Claude implemented earlier in the run are listed as such.
  produce: ({ spec }) => {
    const files = new FileSet();
    generateProjectRoot(spec, files);
    return files.list();
  },
});
