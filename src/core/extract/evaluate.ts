// Scoring helpers shared by the eval bench and the tests: does an extracted entity name match
// an expected one? Case-, plural- and separator-insensitive ("order item" ~ "OrderItems");
// with `allowHead`, a more specific compound also matches ("JournalEntry" ~ "Entry").
import { singularizeWord, words } from '../../model/project/naming';

function normalized(name: string): string[] {
  const parts = words(name);
  if (parts.length) parts[parts.length - 1] = singularizeWord(parts[parts.length - 1]);
  return parts;
}

export function entityMatches(expected: string, found: string, allowHead: boolean): boolean {
  const e = normalized(expected);
  const f = normalized(found);
  if (!e.length || !f.length) return false;
  if (e.join(' ') === f.join(' ')) return true;
  if (!allowHead || f.length <= e.length) return false;
  return f.slice(f.length - e.length).join(' ') === e.join(' ');
}

/** Share of expected entities found (1 when nothing is expected). */
export function entityRecall(expected: string[], found: string[], allowHead = true): number {
  if (!expected.length) return 1;
  return expected.filter((name) => found.some((f) => entityMatches(name, f, allowHead))).length / expected.length;
}
