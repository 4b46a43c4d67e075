// The files a requirement sentence led to, most specific first. Every file lists the sentences of
// the elements it serves, so "all files that cite the sentence" would include the infrastructure
// and the shared schema; what a reader wants is where the sentence's own rules, links and records
// live. Without a remembered model, files citing the sentence that serve a model element, those
// citing fewest sentences first.
import type { FileLink } from '../../../model/ask/answer';
import type { ManifestFile } from '../../generator/project/manifest';
import type { ProjectTrace } from '../trace';
import { filesServing } from './links';
import { ruleLinksFor } from './ruleLinks';

export interface SentenceFiles {
  /** Files enforcing a rule made from the sentence, at the check. */
  rules: FileLink[];
  /** Files of one record (or link) the sentence made: its API, page, tests. */
  records: FileLink[];
  /** Shared files that also include them (schema, migration, OpenAPI, seed). */
  shared: FileLink[];
}

const MODEL_ELEMENT = /^(entity|relation|rule):/;

export async function sentenceFiles(trace: ProjectTrace, id: number): Promise<SentenceFiles> {
  const ruleLinks = await ruleLinksFor(trace, id);
  const elements = elementsFrom(trace, id);
  const citing = filesServing(trace, (file) => file.sources.includes(id) && !ruleLinks.has(file.path) && file.serves.some((s) => (elements ? elements.has(s) : MODEL_ELEMENT.test(s))));
  const entityCount = (file: ManifestFile) => file.serves.filter((s) => s.startsWith('entity:')).length;
  const ordered = [...citing].sort((a, b) => a.sources.length - b.sources.length || (a.path < b.path ? -1 : 1));
  return {
    rules: [...ruleLinks.values()],
    records: ordered.filter((file) => entityCount(file) <= 1).map((file) => ({ path: file.path })),
    shared: ordered.filter((file) => entityCount(file) > 1).map((file) => ({ path: file.path })),
  };
}

/** The serves tags of the model elements made from sentence `id`; undefined without a remembered model. */
function elementsFrom(trace: ProjectTrace, id: number): Set<string> | undefined {
  const spec = trace.spec;
  if (!spec) return undefined;
  const from = (sources: readonly number[]) => sources.includes(id);
  return new Set([
    ...spec.entities.filter((entity) => from(entity.sources) || entity.fields.some((field) => from(field.sources))).map((entity) => `entity:${entity.name}`),
    ...spec.relations.filter((relation) => from(relation.sources)).map((relation) => `relation:${relation.from}.${relation.name}`),
  ]);
}
