import { ProjectSpec } from '../../spec/projectSpec';
import { validateSpec } from '../../spec/specIndex';
import { fillTemplate, type StageDefinition } from './types';
import { prompts } from './define';

const describe = (spec: ProjectSpec) =>
  `${spec.entities.length} entities, ${spec.relations.length} relations, ${spec.rules.length} rules, auth: ${spec.auth.kind === 'none' ? 'none' : 'email + password'}`;

/** The reviewed data model: entities, fields, relations, auth, rules. */
export const domainModel: StageDefinition = {
  kind: 'domain-model',
  title: 'Domain model',
  dependsOn: ['requirements-analysis'],
  description: 'Entities, fields, relations, auth and business rules, each traced to its requirement sentences.',
  prompt: prompts(
    'Review the project spec in the context against the numbered requirement sentences and return it corrected: right field types, required and unique flags, missing fields, relations and their owning side, auth roles, business rules (and requirements that cannot be implemented, with reasons). Keep exactly these entities: {{entities}}. Keep "sources" accurate.',
  ),
  outputSchema: ProjectSpec,
  offline: ({ spec }) => ({ files: [], spec, summary: describe(spec) }),
  claude: {
    toolName: 'emit_spec',
    toolDescription: 'Return the corrected project spec.',
    schema: ProjectSpec,
    maxOutputTokens: 16_000,
    instructions: ({ spec }, variant) => fillTemplate(variant.template, { entities: spec.entities.map((e) => e.name).join(', ') }),
    validate: (value: ProjectSpec, { spec }) => {
      const problems = validateSpec(value);
      const before = spec.entities.map((e) => e.name).sort().join(', ');
      const after = value.entities.map((e) => e.name).sort().join(', ');
      // The run's graph fans out per entity, so the entity set is fixed once the run has started.
      if (before !== after) problems.push(`entities must stay exactly ${before} (got ${after})`);
      if (value.requirements.sentences.length !== spec.requirements.sentences.length) problems.push('requirements.sentences must not change');
      if (value.modelImplemented.length) problems.push('modelImplemented must stay empty: it is filled by the business-rules stage');
      return problems;
    },
    apply: (value: ProjectSpec) => ({ files: [], spec: value, summary: `${describe(value)} (refined by Claude)` }),
  },
};
