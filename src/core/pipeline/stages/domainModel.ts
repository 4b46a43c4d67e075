import { ProjectSpec } from '../../spec/projectSpec';
import { prompts } from './define';
import type { StageDefinition } from './types';

/** The reviewed data model: entities, fields, relations, auth, rules. */
export const domainModel: StageDefinition = {
  kind: 'domain-model',
  title: 'Domain model',
  dependsOn: ['requirements-analysis'],
  description: 'Entities, fields, relations, auth and business rules, each traced to its requirement sentences.',
  prompt: prompts('Extract the data model (entities, fields with types, relations, auth and roles, business rules) from the numbered requirements.'),
  outputSchema: ProjectSpec,
  offline: ({ spec }) => ({
    files: [],
    spec,
    summary: `${spec.entities.length} entities, ${spec.relations.length} relations, ${spec.rules.length} rules, auth: ${spec.auth.kind === 'none' ? 'none' : 'email + password'}`,
  }),
};
