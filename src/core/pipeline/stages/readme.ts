import { FileSet } from '../../generator/fileSet';
import { addSpecLayer } from '../../generator/layers';
import { filesStage, prompts } from './define';

export const readme = filesStage({
  kind: 'readme',
  title: 'README',
  dependsOn: ['domain-model', 'business-rules', 'docker'],
  description: 'The workspace root and a README: what the app does, rules enforced, requirements not implemented, how to run it.',
  prompt: prompts('Write the root README (entities, relations, roles, rules, what is not implemented, how to run and test) and the workspace package.json.'),
  // From the run's current spec, so requirements Claude implemented earlier in the run are listed as such
  // (through the registry's layer, which gives every app with sign-in its administrator).
  produce: ({ spec }) => {
    const files = new FileSet();
    addSpecLayer('projectRoot', spec, files);
    return files.list();
  },
});
