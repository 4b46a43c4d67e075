// What a change renamed, as the migration needs it (src/core/update/schemaRenames): each rename
// named as it was in the spec before the change, chains folded ("rename members to customers",
// then "rename customers to clients" is one rename, Member -> Client), and renames of things the
// same change added left out (they have no table or column yet).
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { SpecRenames } from '../update/schemaRenames';

/** The renames of `steps` (each named as the spec was at its step), against `original`; undefined when none is left. */
export function renamesSince(original: ProjectSpec, steps: readonly SpecRenames[]): SpecRenames | undefined {
  // Original name -> current name, for every entity, and for every field per original entity name.
  const entities = new Map(original.entities.map((e) => [e.name, e.name]));
  const fields = new Map(original.entities.map((e) => [e.name, new Map(e.fields.map((f) => [f.name, f.name]))]));
  const originalOf = (names: Map<string, string>, current: string) => [...names].find(([, now]) => now === current)?.[0];
  for (const step of steps) {
    for (const { from, to } of step.entities ?? []) {
      const was = originalOf(entities, from);
      if (was !== undefined) entities.set(was, to);
    }
    for (const { entity, from, to } of step.fields ?? []) {
      const owner = originalOf(entities, entity);
      const names = owner === undefined ? undefined : fields.get(owner);
      const was = names && originalOf(names, from);
      if (names && was !== undefined) names.set(was, to);
    }
  }
  const renamedEntities = [...entities].filter(([from, to]) => from !== to).map(([from, to]) => ({ from, to }));
  const renamedFields = [...fields].flatMap(([entity, names]) => [...names].filter(([from, to]) => from !== to).map(([from, to]) => ({ entity, from, to })));
  if (!renamedEntities.length && !renamedFields.length) return undefined;
  return { ...(renamedEntities.length ? { entities: renamedEntities } : {}), ...(renamedFields.length ? { fields: renamedFields } : {}) };
}
