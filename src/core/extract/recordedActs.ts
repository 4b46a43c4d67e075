// "Singers mark attendance at rehearsals", "coaches log bookings for a court": a verb of recording
// whose object names an act (attendance, a booking, a loan: a noun a transaction verb makes) keeps a
// record of that act, which belongs to who records it and to what it happened at.
import type { DraftEntity } from './draft';
import type { Analysis, Clause, NounPhrase } from './grammar';
import { TRANSACTIONS } from './nlpEvidence';
import { entityIn, link, type SentenceRead } from './sentenceLinks';

/** Verbs of writing something down. */
const RECORDING = /^(?:mark|record|log|take|register|track|keep|enter|note)$/;
/** Where or for what the act happened ("at rehearsals", "for each class", "of a member"). */
const ACT_PREPS = /^(?:at|for|of|in|on|during)$/;
/** The nouns of acts (attendance, booking, loan…), made on first use: nlpEvidence imports this module. */
let actNouns: Set<string> | undefined;
const isActNoun = (key: string) => (actNouns ??= new Set(Object.values(TRANSACTIONS))).has(key);

/** The act noun a recording clause names, and the phrases of where or for what it happened. */
function recordedAct(clause: Clause): { act: NounPhrase; targets: NounPhrase[] } | undefined {
  if (!RECORDING.test(clause.verb) || clause.passive) return undefined;
  const act = clause.objects.find((o) => isActNoun(o.key));
  const targets = act ? clause.preps.filter((p) => ACT_PREPS.test(p.prep) && p.phrase.start > act.head).map((p) => p.phrase) : [];
  return act && targets.length ? { act, targets } : undefined;
}

/** Evidence: the act recorded at something is a record ("attendance" is kept, one row each time). */
export function recordedActEvidence(analysis: Analysis, storable: (phrase: NounPhrase, analysis: Analysis) => boolean, add: (key: string, score: number, strong?: boolean) => void): void {
  for (const clause of analysis.clauses) {
    const found = recordedAct(clause);
    if (found && found.targets.some((t) => storable(t, analysis))) add(found.act.key, 2, true);
  }
}

/** Links the recorded act to who records it and to what it happened at; true when the clause was read so. */
export function linkRecordedAct(read: SentenceRead, clause: Clause, subject: DraftEntity | undefined): boolean {
  const found = recordedAct(clause);
  const act = found && entityIn(read, found.act);
  if (!found || !act) return false;
  if (subject && subject !== act) link(read, act, subject);
  for (const phrase of found.targets) {
    const target = entityIn(read, phrase);
    if (target && target !== act && target.name !== 'User') link(read, act, target);
  }
  return true;
}
