// The current spec as the extractor's draft, so the extractor's own readers (field lists,
// relations, rule patterns) read a change sentence against the project's entities, fields,
// relations and roles. Keys are the entities' names in words ("PurchaseOrder" -> "purchase order").
import { words } from '../../model/project/naming';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { Draft, DraftEntity, DraftField } from '../extract/draft';
import { STAFF_ROLES } from '../extract/lexicon';

export interface ChangeDraft {
  draft: Draft;
  roles: string[];
  roleWords: Set<string>;
}

export const entityKey = (name: string): string => words(name).join(' ');

function draftEntity(entity: ProjectSpec['entities'][number]): DraftEntity {
  const fields: DraftField[] = entity.fields.map((f) => ({
    name: f.name,
    label: f.label,
    type: f.type,
    required: f.required,
    unique: f.unique,
    ...(f.enumValues ? { enumValues: [...f.enumValues] } : {}),
    ...(f.default !== undefined ? { default: f.default } : {}),
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
    sources: new Set(f.sources),
  }));
  return { key: entityKey(entity.name), name: entity.name, fields, sources: new Set(entity.sources), ownerRelation: entity.ownerRelation, fieldsFromText: true };
}

/** A fresh draft of the spec (rules are copied, so a rule read again only gains its sentence). */
export function draftOfSpec(spec: ProjectSpec): ChangeDraft {
  const draft: Draft = {
    entities: spec.entities.map(draftEntity),
    relations: spec.relations.map((r) => ({ ...r, sources: new Set(r.sources) })),
    rules: spec.rules.map((r) => structuredClone(r)),
    unimplemented: [],
    notUnderstood: [],
    warnings: [],
    used: new Set(),
  };
  const roles = spec.auth.kind === 'emailPassword' ? [...spec.auth.roles] : [];
  // The staff words that name one of the roles ("administrators" -> admin) are role words too.
  const roleWords = new Set([...roles, ...Object.keys(STAFF_ROLES).filter((w) => roles.includes(STAFF_ROLES[w]))]);
  return { draft, roles, roleWords };
}
