// "Tell me about bookings": what the project keeps of an entity — its fields, links and rules from
// the model, and the files that serve it (API, page, tests).
import type { Answer } from '../../../model/ask/answer';
import { describeRule } from '../../../model/project/edit';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import type { ManifestFile } from '../../generator/project/manifest';
import type { ProjectTrace } from '../trace';
import { filesServing, listInWords } from './links';

export function answerEntity(trace: ProjectTrace, name: string): Answer {
  const serving = filesServing(trace, (file) => file.serves.includes(`entity:${name}`));
  const own = (file: ManifestFile) => file.serves.filter((s) => s.startsWith('entity:')).length <= 1;
  const files = [...serving.filter(own), ...serving.filter((file) => !own(file))].map((file) => ({ path: file.path }));
  const entity = trace.spec?.entities.find((candidate) => candidate.name === name);
  if (!trace.spec || !entity) {
    return { kind: 'entity', summary: `${name} is served by these files (the project has no remembered model to say more):`, points: [{ text: 'Files:', links: files }], source: 'trace' };
  }
  const fields = entity.fields.map((field) => `${field.name} (${field.type}${field.required ? ', required' : ''}${field.unique ? ', unique' : ''})`);
  return {
    kind: 'entity',
    summary: `${entity.label} keeps ${fields.length ? listInWords(fields) : 'no fields of its own'}.`,
    points: [
      ...linksOf(trace.spec, name).map((text) => ({ text, links: [] })),
      ...trace.spec.rules.filter((rule) => rule.entity === name).map((rule) => ({ text: `Rule: ${describeRule(rule)}.`, links: [] })),
      { text: 'Files that serve it (its own first, then shared ones):', links: files },
    ],
    source: 'trace',
  };
}

function linksOf(spec: ProjectSpec, name: string): string[] {
  return spec.relations.flatMap((relation) => {
    const many = relation.kind === 'manyToMany';
    if (relation.from === name) return [`${many ? 'Linked to many' : 'Each belongs to a'} ${relation.to} (${relation.name}).`];
    if (relation.to === name) return [`${many ? 'Linked to many' : 'Has many'} ${relation.from} (${relation.inverseName ?? relation.name}).`];
    return [];
  });
}
