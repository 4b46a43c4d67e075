// The last pass: the draft becomes a ProjectSpec, repaired until it validates (the extractor's
// contract is "always a valid spec"), or an empty spec that says why.
import { humanize, pluralizeName } from '../../model/project/naming';
import { ProjectSpec, SPEC_VERSION, type Auth, type ProjectSpecInput } from '../../model/project/projectSpec';
import { validateSpec } from '../../model/project/specIndex';
import { buildPages } from '../../model/project/pages';
import { toSpecField, type Draft } from './draft';
import { deriveName, deriveTitle } from './naming';
import type { SentenceInfo } from './sentences';
import { accountForEverySentence } from './accountForSentences';

export interface ExtractOptions {
  projectName?: string;
}

export function emptySpec(text: string, options: ExtractOptions, warnings: string[], sentences: SentenceInfo[] = []): ProjectSpec {
  const title = deriveTitle(sentences, options.projectName);
  return ProjectSpec.parse({
    specVersion: SPEC_VERSION,
    name: deriveName(title),
    title,
    description: '',
    requirements: { text, sentences: sentences.map((s) => ({ id: s.id, text: s.text })) },
    entities: [],
    relations: [],
    auth: { kind: 'none', sources: [] },
    rules: [],
    unimplemented: [],
    pages: [{ kind: 'home', path: '/', title: 'Home', sources: [] }],
    warnings,
  } satisfies ProjectSpecInput);
}

export function finish(text: string, options: ExtractOptions, sentences: SentenceInfo[], draft: Draft, auth: Auth): ProjectSpec {
  const title = deriveTitle(sentences, options.projectName);
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const entities = draft.entities.map((e) => ({
    name: e.name,
    label: humanize(e.name).slice(0, 100) || e.name,
    pluralLabel: humanize(pluralizeName(e.name)).slice(0, 100) || e.name,
    fields: e.fields.map(toSpecField),
    ...(e.ownerRelation ? { ownerRelation: e.ownerRelation } : {}),
    sources: sorted(e.sources),
  }));
  const relations = draft.relations.map((r) => ({ ...r, sources: sorted(r.sources) }));
  const candidate = {
    specVersion: SPEC_VERSION,
    name: deriveName(title),
    title,
    description: sentences[0].text.slice(0, 2000),
    requirements: { text, sentences: sentences.map((s) => ({ id: s.id, text: s.text, ...(s.heading ? { heading: true } : {}) })) },
    entities,
    relations,
    auth,
    rules: draft.rules,
    unimplemented: draft.unimplemented,
    notUnderstood: draft.notUnderstood,
    pages: buildPages({ entities, auth } as Pick<ProjectSpec, 'entities' | 'auth'>),
    warnings: draft.warnings,
  } as ProjectSpecInput;
  return repair(candidate, text, options, sentences);
}

/**
 * One entity without what a problem names: its owner link, or a field's contradictory bounds, bad
 * default, or duplicate (the first of the same name stays).
 */
function repairEntity(entity: ProjectSpec['entities'][number], problems: string[]): ProjectSpec['entities'][number] {
  const about = (prefix: string) => problems.some((p) => p.startsWith(prefix));
  let next = entity;
  if (about(`${entity.name}.ownerRelation`) || about(`${entity.name} is user-owned`)) next = { ...next, ownerRelation: undefined };
  const seen = new Set<string>();
  const fields = next.fields
    .filter((field) => {
      const duplicate = seen.has(field.name);
      seen.add(field.name);
      return !duplicate && !problems.includes(`${entity.name}.${field.name} is a reserved name`);
    })
    .map((field) => {
      if (!about(`${entity.name}.${field.name} `)) return field;
      const { min: _min, max: _max, ...rest } = field;
      const repaired = about(`${entity.name}.${field.name} must be at least`) ? rest : field;
      return about(`${entity.name}.${field.name} defaults to`) ? { ...repaired, default: undefined } : repaired;
    });
  return { ...next, fields };
}

/** Drops whatever still fails validation (never expected, but the contract is "always valid"). */
function repair(candidate: ProjectSpecInput, text: string, options: ExtractOptions, sentences: SentenceInfo[]): ProjectSpec {
  let parsed = ProjectSpec.safeParse(candidate);
  if (!parsed.success) {
    return emptySpec(text, options, [...(candidate.warnings ?? []), `The extracted spec was invalid (${parsed.error.issues[0]?.message}); it was reset.`], sentences);
  }
  let spec = parsed.data;
  for (let round = 0; round < 3; round++) {
    const problems = validateSpec(spec);
    if (!problems.length) return accountForEverySentence(spec);
    const keepRule = (rule: (typeof spec.rules)[number]) => !validateSpec({ ...spec, rules: [rule] }).some((p) => p.startsWith('Rule'));
    const badRelation = (r: (typeof spec.relations)[number]) => problems.some((p) => p.startsWith(`Relation ${r.from}.${r.name}`));
    spec = {
      ...spec,
      relations: spec.relations.filter((r) => !badRelation(r)),
      rules: spec.rules.filter(keepRule),
      entities: spec.entities.map((e) => repairEntity(e, problems)),
      warnings: [...spec.warnings, ...problems.map((p) => `Dropped while checking the spec: ${p}`)],
    };
    parsed = ProjectSpec.safeParse(spec);
    if (!parsed.success) break;
  }
  if (!validateSpec(spec).length) return accountForEverySentence(spec);
  if (validateSpec(spec).length) return emptySpec(text, options, [...spec.warnings, 'The extracted spec had inconsistencies that could not be repaired; it was reset.'], sentences);
  return spec;
}

