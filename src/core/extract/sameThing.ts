// Two words any English text uses for one thing ("customers" in one sentence, "clients" in the
// next): one record, named as the text names it most often.
import type { Candidate } from './entities';

/** Words that name the same thing in any app (not "picture", which may be a painting, nor "bill", a verb too). */
const SAME_THING: string[][] = [
  ['customer', 'client'],
  ['movie', 'film'],
  ['booking', 'reservation'],
  ['child', 'kid'],
  ['car', 'automobile'],
  // ("A todo app where users have tasks": the app's kind names its tasks.)
  ['task', 'todo', 'to-do'],
];

const GROUP = new Map(SAME_THING.flatMap((group) => group.map((word) => [word, group] as const)));

/**
 * The candidate that names the same thing as `candidate` and that the text names more often (in more
 * sentences; first named on a tie, then first in its group), or undefined when `candidate` is that one or has no other name.
 */
export function namedMoreOftenAs(candidate: Candidate, candidates: Candidate[]): Candidate | undefined {
  const group = GROUP.get(candidate.key);
  if (!group) return undefined;
  const others = candidates.filter((c) => c !== candidate && group.includes(c.key));
  // (On a tie, the word first in its group: the one most texts use.)
  const more = (a: Candidate, b: Candidate) =>
    a.sources.size > b.sources.size || (a.sources.size === b.sources.size && (a.first < b.first || (a.first === b.first && group.indexOf(a.key) < group.indexOf(b.key))));
  return others.filter((c) => more(c, candidate)).sort((a, b) => (more(a, b) ? -1 : 1))[0];
}
