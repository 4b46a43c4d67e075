// Private fields of the sign-in user (the email): in backend/src/routes/users.ts, a user's record
// shows them only to the user themselves and to admins, and only admins search or sort by them
// (a search by email would tell anyone whose address it is, even with the field hidden).
import { withArticle } from '../../../model/project/naming';
import type { Column, EntityModel } from './model';
import { privateColumns, searchableColumns } from './model';
import { lines } from './util';

/** The record type list and read endpoints return: `Visible<Entity>` for the sign-in user, else the record. */
export function shownType(entity: EntityModel): string {
  return privateColumns(entity).length ? `Visible${entity.names.pascal}` : `${entity.names.pascal}Record`;
}

/** `Visible<User>` and `visible<User>()`: the record as `viewer` may see it (nothing for other entities). */
export function visibleRecordFunction(entity: EntityModel): string | null {
  const hidden = privateColumns(entity).map((c) => c.prop);
  if (!hidden.length) return null;
  const { pascal } = entity.names;
  const keys = hidden.map((p) => `'${p}'`).join(' | ');
  return lines(
    `/** ${withArticle(entity.entity.label.toLowerCase(), true)} as others see it: ${hidden.join(', ')} only for the user themselves and admins. */`,
    `export type Visible${pascal} = Omit<${pascal}Record, ${keys}> & Partial<Pick<${pascal}Record, ${keys}>>;`,
    ``,
    `export function visible${pascal}(record: ${pascal}Record, viewer: AuthUser | undefined): Visible${pascal} {`,
    `  if (viewer && (viewer.id === record.id || isAdmin(viewer))) return record;`,
    `  const { ${hidden.map((p) => `${p}: _${p}`).join(', ')}, ...visible } = record;`,
    `  return visible;`,
    `}`,
  );
}

/** An expression turning one record (`record`) into what `viewer` may see. */
export function shownRecord(entity: EntityModel, record: string, viewer: string): string {
  return privateColumns(entity).length ? `visible${entity.names.pascal}(${record}, ${viewer})` : record;
}

/** An expression turning records (`records`) into what `viewer` may see. */
export function shownRecords(entity: EntityModel, records: string, viewer: string): string {
  return privateColumns(entity).length ? `(${records}).map((record) => visible${entity.names.pascal}(record, ${viewer}))` : records;
}

/** The statement declaring `seesPrivate` in a list function (null without private fields). */
export function seesPrivateLine(entity: EntityModel): string | null {
  if (!privateColumns(entity).length) return null;
  return lines(
    `  // ${privateColumns(entity).map((c) => c.prop).join(', ')}: private, so only an admin searches or sorts by it (a match would reveal whose it is).`,
    `  const seesPrivate = user !== undefined && isAdmin(user);`,
  );
}

/** The `q` condition over the searchable columns, private ones only when `seesPrivate`. */
export function searchCondition(entity: EntityModel, table: string): string {
  const hidden = new Set(privateColumns(entity));
  const ilike = (c: Column) => `ilike(${table}.${c.prop}, pattern)`;
  const open = searchableColumns(entity).filter((c) => !hidden.has(c));
  const closed = searchableColumns(entity).filter((c) => hidden.has(c));
  if (!closed.length) return `or(${open.map(ilike).join(', ')})`;
  // With nothing else to search, a viewer who may not search by email finds nobody rather than everybody.
  if (!open.length) return `seesPrivate ? or(${closed.map(ilike).join(', ')}) : sql\`false\``;
  return `or(${open.map(ilike).join(', ')}, ...(seesPrivate ? [${closed.map(ilike).join(', ')}] : []))`;
}

/** The sort key: a private column sorts as `id` for a viewer who may not see it. */
export function sortKey(entity: EntityModel): string {
  const hidden = privateColumns(entity).map((c) => `params.sort === '${c.prop}'`);
  if (!hidden.length) return 'params.sort';
  return `!seesPrivate && ${hidden.length > 1 ? `(${hidden.join(' || ')})` : hidden[0]} ? 'id' : params.sort`;
}

/** Whether the search needs drizzle's `sql` (a private-only search). */
export function searchNeedsSql(entity: EntityModel): boolean {
  const hidden = new Set(privateColumns(entity));
  return hidden.size > 0 && searchableColumns(entity).every((c) => hidden.has(c));
}
