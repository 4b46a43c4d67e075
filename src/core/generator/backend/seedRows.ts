// What the seed inserts, before it is written as code: per entity (parents first) its example rows,
// each with its field values and the parent row each foreign key points at. Row counts stay within
// the spec's capacity limits; a row needing a parent that has no example rows is left out.
import type { BackendModel, Column, EntityModel } from './model';
import { parentFirstOrder } from './model';
import { distinctSamples, sampleFields } from './samples';

export const SEED_ROWS = 3;

/** The parent row a foreign key points at: `<table>Rows[index]` in the seed. */
export interface SeedReference {
  entity: EntityModel;
  index: number;
}

export interface SeedRow {
  values: Record<string, string | number | boolean | null>;
  /** By foreign key property; null when the (optional) parent has no example rows. */
  references: Record<string, SeedReference | null>;
}

export interface SeedTable {
  entity: EntityModel;
  rows: SeedRow[];
}

export function seedTables(model: BackendModel): SeedTable[] {
  const counts = new Map<string, number>();
  return parentFirstOrder(model).map((entity) => {
    const count = rowCount(entity, model, counts);
    counts.set(entity.entity.name, count);
    const rows = Array.from({ length: count }, (_, i) => seedRow(entity, i + 1, model, counts));
    return { entity, rows };
  });
}

/** The number of example rows of a parent, 0 while it has none (not seeded yet, or itself). */
function parentRows(relationTo: string, entity: EntityModel, counts: Map<string, number>): number {
  return relationTo === entity.entity.name ? 0 : counts.get(relationTo) ?? 0;
}

function seedRow(entity: EntityModel, n: number, model: BackendModel, counts: Map<string, number>): SeedRow {
  const references: SeedRow['references'] = {};
  for (const column of entity.columns) {
    const relation = column.relation;
    if (!relation) continue;
    if (relation === entity.owner) {
      // Every example row belongs to the first example account.
      references[column.prop] = { entity: model.entity(relation.to), index: 0 };
      continue;
    }
    const parents = parentRows(relation.to, entity, counts);
    references[column.prop] = parents ? { entity: model.entity(relation.to), index: (n - 1) % parents } : null;
  }
  return { values: sampleFields(entity, n, model), references };
}

/**
 * SEED_ROWS, or fewer where unique values run out or a capacity limit would refuse the rows (rows spread over the parents
 * round-robin, the owner is always the first account), or none when a required parent has none.
 */
function rowCount(entity: EntityModel, model: BackendModel, counts: Map<string, number>): number {
  const required = entity.columns.filter((c): c is Column & { relation: NonNullable<Column['relation']> } => Boolean(c.relation && c.notNull));
  if (required.some((c) => parentRows(c.relation.to, entity, counts) === 0)) return 0;
  // A unique column with few possible values (an enum, a boolean) holds that many rows at most.
  let count = Math.min(SEED_ROWS, ...entity.columns.map((column) => distinctSamples(column, entity)));
  for (const rule of entity.rules) {
    if (rule.kind !== 'capacity' || rule.period) continue;
    const relation = rule.relation ? entity.parents.find((r) => r.name === rule.relation) : undefined;
    const spread = !relation ? 1 : relation === entity.owner ? 1 : Math.max(1, parentRows(relation.to, entity, counts));
    const limit = rule.limit ?? (relation && rule.capacityField ? parentCapacity(model.entity(relation.to), rule.capacityField, model) : undefined);
    if (limit !== undefined) count = Math.min(count, limit * spread);
  }
  return Math.max(0, count);
}

/** The smallest capacity among a parent's example rows. */
function parentCapacity(parent: EntityModel, field: string, model: BackendModel): number | undefined {
  const values = Array.from({ length: SEED_ROWS }, (_, i) => Number(sampleFields(parent, i + 1, model)[field]));
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length ? Math.min(...finite) : undefined;
}
