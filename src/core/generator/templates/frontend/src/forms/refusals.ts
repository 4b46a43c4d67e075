// Refusals on a record's own values (refuseWhen rules), tested on the loaded record the way the API
// tests the stored row, so a page can say why an action is closed instead of offering a button that
// ends in 409. The API still decides (its clock, its stored values).
import type { Action, EntityMeta, RefusalMeta } from './meta';

const TEXTUAL = new Set(['string', 'text', 'email', 'url']);

/** Today's date (UTC) as YYYY-MM-DD, the form date values have, moved by `days`. */
function today(now: number, days: number): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

function compare(a: number | string, b: number | string, op: RefusalMeta['op']): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    default:
      return false;
  }
}

/** Whether the refusal's condition holds for the record's value (the API's test, written for the browser). */
export function refusalHolds(refusal: RefusalMeta, record: Record<string, unknown>, now = Date.now()): boolean {
  const value = record[refusal.field];
  const missing = value === null || value === undefined;
  const { op, kind } = refusal;
  if (op === 'isEmpty') return missing || (TEXTUAL.has(kind) && value === '');
  if (op === 'notEmpty') return !missing && !(TEXTUAL.has(kind) && value === '');
  if (missing) return false;
  const minutes = refusal.offsetMinutes ?? 0;
  if (op === 'past' || op === 'future') {
    if (kind === 'date') {
      const day = today(now, Math.trunc(minutes / 1440));
      return op === 'past' ? String(value) < day : String(value) > day;
    }
    const at = Date.parse(String(value));
    return op === 'past' ? at <= now + minutes * 60_000 : at > now + minutes * 60_000;
  }
  switch (kind) {
    case 'integer':
    case 'decimal':
    case 'money':
      return compare(Number(value), Number(refusal.value), op);
    case 'date':
      return compare(String(value), String(refusal.value), op);
    case 'datetime':
      return compare(Date.parse(String(value)), Date.parse(String(refusal.value)), op);
    default:
      return op === 'eq' ? value === refusal.value : value !== refusal.value;
  }
}

/** Whether a user with this role passes the refusal, as the API decides: a rule that excepts roles also excepts the admin; one that excepts none holds for everyone. */
function excepted(refusal: RefusalMeta, role: string | undefined, isAdmin: boolean): boolean {
  if (!refusal.exceptRoles?.length) return false;
  return isAdmin || (role !== undefined && refusal.exceptRoles.includes(role));
}

/**
 * The refusal that closes `action` on this record to a user with `role` (undefined: none, or not signed
 * in), or undefined.
 */
export function refusalFor(meta: EntityMeta, action: Action, record: Record<string, unknown>, role?: string, isAdmin = false): RefusalMeta | undefined {
  return meta.refusals.find((refusal) => refusal.actions.includes(action) && !excepted(refusal, role, isAdmin) && refusalHolds(refusal, record));
}
