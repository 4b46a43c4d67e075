// Renames are invisible to a comparison of two specs (a renamed field looks like one removed and one
// added), yet an update must rename its column, not drop it. The review step's editors rename one
// entity or one field at a time, in place; this reads such an edit back from the spec before and
// after it, so the panel can tell the update what was renamed (the shape of the migration's renames).
import type { ProjectSpec } from './projectSpec';

export interface RenameStep {
  entities?: { from: string; to: string }[];
  /** `entity` is the entity's name at this step. */
  fields?: { entity: string; from: string; to: string }[];
}

const sameNames = (a: readonly { name: string }[], b: readonly { name: string }[]) => a.length === b.length && a.every((item, i) => item.name === b[i].name);

/** The one entity renamed in place (same position, same fields), if that is all that changed in the names. */
function entityRename(before: ProjectSpec, after: ProjectSpec): RenameStep | undefined {
  const changed = before.entities.flatMap((entity, i) => (entity.name !== after.entities[i].name ? [i] : []));
  if (changed.length !== 1) return undefined;
  const [from, to] = [before.entities[changed[0]], after.entities[changed[0]]];
  return sameNames(from.fields, to.fields) ? { entities: [{ from: from.name, to: to.name }] } : undefined;
}

/** The one field renamed in place (same entity, same position, same type). */
function fieldRename(before: ProjectSpec, after: ProjectSpec): RenameStep | undefined {
  const renames = before.entities.flatMap((entity, i) => {
    const next = after.entities[i].fields;
    if (entity.fields.length !== next.length) return [];
    return entity.fields.flatMap((field, j) => (field.name !== next[j].name && field.type === next[j].type ? [{ entity: entity.name, from: field.name, to: next[j].name }] : []));
  });
  return renames.length === 1 ? { fields: renames } : undefined;
}

/** What `after` renamed of `before`, when the edit between them was one rename; undefined otherwise. */
export function renameStepOf(before: ProjectSpec, after: ProjectSpec): RenameStep | undefined {
  if (before === after || before.entities.length !== after.entities.length) return undefined;
  if (!sameNames(before.entities, after.entities)) return entityRename(before, after);
  return fieldRename(before, after);
}
