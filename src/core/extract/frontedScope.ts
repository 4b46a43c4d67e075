// "On a cruise, guests are offered several shows", "for each course, students submit assignments",
// "in each hotel, rooms have a view": a place or scope put before the clause, closed by a comma,
// holds the records the clause names (the shows of a cruise, the assignments of a course).
import type { DraftEntity } from './draft';
import type { Analysis, NounPhrase } from './grammar';

interface ScopeRead {
  analysis: Analysis;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  link: (child: DraftEntity, parent: DraftEntity) => void;
}

const SCOPE_PREPS = /^(in|on|at|for|within)$/;
/** A scope names one record, or each one ("for the sake of …", "at the end of each day" name none). */
const SCOPE_DETERMINERS = /^(a|an|each|every|the)$/;

export function linkFrontedScope({ analysis, entityIn, link }: ScopeRead): void {
  const { terms, phrases, clauses } = analysis;
  if (!SCOPE_PREPS.test(terms[0]?.w ?? '')) return;
  const scope = phrases[0];
  if (!scope || scope.start !== 1 || !SCOPE_DETERMINERS.test(scope.determiner ?? '') || !/,/.test(terms[scope.head].post)) return;
  const whole = entityIn(scope);
  if (!whole || whole.name === 'User') return;
  // The clause right after the comma: its subject (or its verb) comes next.
  const clause = clauses.find((c) => (c.subject?.start ?? c.verbIndex) === scope.head + 1);
  if (!clause || clause.verb === 'be') return;
  const records = clause.objects.map((o) => entityIn(o)).filter((e): e is DraftEntity => !!e && e !== whole && e.name !== 'User');
  // ("In each hotel, rooms have a view": with no record as the object, the subject is what the scope holds.)
  const subject = !records.length && clause.verb === 'have' ? entityIn(clause.subject) : undefined;
  for (const part of subject ? [subject] : records) if (part !== whole && part.name !== 'User') link(part, whole);
}
