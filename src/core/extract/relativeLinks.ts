// Links stated by "part of" and by relative clauses, which the clause reader leaves out:
// "each aircraft can be part of an airline", "theatres in which several shows are programmed",
// "several faculties, which are made up of institutes", "rooms, each of which may contain sensors",
// "journals to which institutions subscribe"; and by a fronted "For each location, a series of
// exhibitions is developed".
import type { DraftEntity } from './draft';
import { QUANTITY_HEADS, type Analysis, type Clause, type NounPhrase } from './grammar';

/** What linking needs from the sentence being read (nlpRelations' reader). */
export interface RelativeRead {
  analysis: Analysis;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  /** The child belongs to the parent (unless the two are linked already). */
  link: (child: DraftEntity | undefined, parent: DraftEntity | undefined) => void;
}

const BE = /^(?:be|is|are|was|were|been)$/;
/** "in which", "during which": what the relative clause's subject happens in; "to which", "for
 *  which": what it is done to or for ("journals to which institutions subscribe"). */
const PLACE_PREPS = /^(?:in|on|at|during|within|inside|to|for)$/;
/** "which are made up of", "which consist of", "each of which contains": the parts follow. */
const MADE_OF = /^(?:(?:is|are) (?:made up|composed|comprised|built up) of|consists? of|(?:(?:may|can|will) )?(?:contains?|includes?|has|have|comprises?))$/;

/** The noun phrase whose head is the word at `index`. */
function phraseEndingAt(analysis: Analysis, index: number): NounPhrase | undefined {
  return analysis.phrases.find((p) => p.head === index);
}

/** The noun phrase that starts within a few words after `index` (determiners and quantifiers between). */
function phraseAfter(analysis: Analysis, index: number): NounPhrase | undefined {
  return analysis.phrases.find((p) => p.start > index && p.start <= index + 3);
}

/** "X can be (a) part of a Y": X belongs to Y. */
function partOf(read: RelativeRead, i: number): void {
  const { terms } = read.analysis;
  if (terms[i].w !== 'part' || terms[i + 1]?.w !== 'of') return;
  const be = terms[i - 1]?.w === 'a' ? i - 2 : i - 1;
  if (!BE.test(terms[be]?.w ?? '')) return;
  const child = [...read.analysis.phrases].reverse().find((p) => p.head < be);
  read.link(read.entityIn(child), read.entityIn(phraseAfter(read.analysis, i + 1)));
}

/** "Ys in which Xs …": the X of the relative clause belongs to the Y. */
function inWhich(read: RelativeRead, i: number): void {
  const { terms } = read.analysis;
  if (terms[i].w !== 'which' || !PLACE_PREPS.test(terms[i - 1]?.w ?? '')) return;
  const container = phraseEndingAt(read.analysis, i - 2);
  read.link(read.entityIn(phraseAfter(read.analysis, i)), read.entityIn(container));
}

/** "Ys, which are made up of Xs and Zs", "Ys, each of which may contain Xs": the parts belong to the Y. */
function madeOfWhich(read: RelativeRead, i: number): void {
  const { terms } = read.analysis;
  if (terms[i].w !== 'which') return;
  const eachOf = terms[i - 1]?.w === 'of' && terms[i - 2]?.w === 'each';
  const whole = phraseEndingAt(read.analysis, eachOf ? i - 3 : i - 1);
  if (!whole || !/,/.test(terms[whole.head].post)) return;
  for (let n = 1; n <= 4; n++) {
    if (!MADE_OF.test(terms.slice(i + 1, i + 1 + n).map((t) => t.w).join(' '))) continue;
    for (const part of partsAfter(read.analysis, i + n)) read.link(read.entityIn(part), read.entityIn(whole));
    return;
  }
}

/** The coordinated noun phrases after `index` ("sensor devices and actuator devices"), up to the next verb. */
function partsAfter(analysis: Analysis, index: number): NounPhrase[] {
  const parts: NounPhrase[] = [];
  for (const phrase of analysis.phrases) {
    if (phrase.start <= index) continue;
    const between = analysis.terms.slice(parts.length ? parts[parts.length - 1].head + 1 : index + 1, phrase.start);
    if (between.some((t) => t.pos === 'verb' || t.pos === 'modal' || /^(?:which|that|who|where)$/.test(t.w)) || between.length > 4) break;
    parts.push(phrase);
  }
  return parts;
}

/** "For each location, a series of exhibitions is developed", "for every order the shop sends an
 *  invoice": the subject of the clause after a fronted "for each X" belongs to that X. */
function forEachFronted(read: RelativeRead): void {
  const { terms, phrases, clauses } = read.analysis;
  // ("So, for each location …": a connective and its comma may come first.)
  const at = terms[0]?.w === 'for' ? 0 : terms[0]?.pos !== 'noun' && /,/.test(terms[0]?.post ?? '') ? 1 : -1;
  if (at < 0 || terms[at]?.w !== 'for' || !/^(?:each|every)$/.test(terms[at + 1]?.w ?? '')) return;
  const owner = phrases.find((p) => p.start === at + 1);
  if (!owner) return;
  const clause = clauses.find((c) => c.subject && c.subject.start > owner.head);
  // (With no clause read, "… a series of exhibitions is developed" where the tagger took the participle for an adjective: the next noun.)
  const next = phrases.find((p) => p.start > owner.head);
  let subject = clause ? clause.subject : next && QUANTITY_HEADS.has(next.headWord) && terms[next.head + 1]?.w === 'of' ? phrases.find((p) => p.start === next.head + 2) : next;
  // ("a series of exhibitions" names exhibitions; "the number of visits" is a count the record
  // keeps and "the name of the page" one of its fields.)
  const before = subject && terms[subject.start - 1]?.w === 'of' ? phrases.find((p) => p.head === subject!.start - 2) : undefined;
  if (before && (!QUANTITY_HEADS.has(before.headWord) || before.determiner === 'the')) subject = undefined;
  const parent = read.entityIn(owner);
  const child = read.entityIn(subject);
  if (parent && child && parent !== child && parent.name !== 'User' && child.name !== 'User') read.link(child, parent);
}

/** "the photos the camp has taken", "the books the library bought": a clause that follows a noun with no
 *  relative pronoun (a contact clause) says what its subject did to that noun; the noun belongs to the subject.
 *  ("give the customer the receipt": two objects, no verb after the second.) */
function contactClause(read: RelativeRead): void {
  const { terms, phrases } = read.analysis;
  for (let n = 0; n + 1 < phrases.length; n++) {
    const thing = phrases[n];
    const doer = phrases[n + 1];
    if (doer.start !== thing.head + 1 || !/^(?:the|a|an|my|our|their|his|her|its|your)$/.test(doer.determiner ?? '') || /[,;:]/.test(terms[thing.head].post)) continue;
    const have = /^(?:has|have|had)$/.test(terms[doer.head + 1]?.w ?? '');
    const verb = terms[doer.head + (have ? 2 : 1)];
    if (verb?.pos !== 'verb' || !/(?:ed|en|ght|ook|ade|ew|ung|old|ept)$/.test(verb.w)) continue;
    read.link(read.entityIn(thing), read.entityIn(doer));
  }
}

export function linkRelatives(read: RelativeRead): void {
  forEachFronted(read);
  contactClause(read);
  for (let i = 1; i < read.analysis.terms.length; i++) {
    partOf(read, i);
    inWhich(read, i);
    madeOfWhich(read, i);
  }
}

/**
 * "the team that submitted a project", "a guide who leads a tour": a clause whose subject is the
 * relative pronoun is said of the noun right before it (a comma between allowed). ("in which",
 * "to which" name a place, read by inWhich; "which" after a recording verb asks a question.)
 */
export function withRelativeSubject(analysis: Analysis, clause: Clause): Clause {
  if (clause.subject) return clause;
  const { terms, phrases } = analysis;
  let k = clause.verbIndex - 1;
  while (k >= 0 && (terms[k].pos === 'modal' || terms[k].pos === 'adv' || /^(?:also|then|only|not|always|usually)$/.test(terms[k].w))) k--;
  if (k < 1 || !/^(?:who|that|which)$/.test(terms[k].w)) return clause;
  const noun = phrases.find((p) => p.head === k - 1);
  // ("a list that …" counts; "research groups that …" names records: only a bare quantity word is left out.)
  if (!noun || QUANTITY_HEADS.has(noun.key) || /^(?:in|on|at|to|for|of|with|from|by|during)$/.test(terms[noun.start - 1]?.w ?? '')) return clause;
  return { ...clause, subject: noun };
}

/** Verbs whose object is told something ("notify the guest that …", "remind members that …"). */
const TELLING = /^(?:tell|tells|told|notify|notifies|notified|inform|informs|informed|remind|reminds|reminded|warn|warns|warned|show|shows|showed|ask|asks|asked|email|emails|emailed|alert|alerts|alerted|assure|assures|convince|persuade|teach|teaches|promise|promises)$/;

/**
 * "the courses that a student takes", "each room that a guest books": a relative clause with a subject of
 * its own and no object says what its subject did to the noun before "that"/"which": that noun is its object.
 * ("the rooms that guests are staying in": a preposition left at the clause's end takes the noun instead.)
 */
export function withRelativeObject(analysis: Analysis, clause: Clause): Clause {
  const { terms, phrases } = analysis;
  if (!clause.subject || clause.passive || clause.objects.length || clause.verb === 'be' || clause.verb === 'have') return clause;
  const pronoun = clause.subject.start - 1;
  if (!/^(?:that|which|whom)$/.test(terms[pronoun]?.w ?? '')) return clause;
  const noun = phrases.find((p) => p.head === pronoun - 1);
  if (!noun || QUANTITY_HEADS.has(noun.key) || /[,;:]/.test(terms[noun.head].post)) return clause;
  // ("tell the customer that the order shipped": after a verb of telling, "that" starts what is told.)
  if (TELLING.test(terms[noun.start - 1]?.w ?? '')) return clause;
  const after = terms[clause.verbIndex + 1];
  const stranded = after?.pos === 'prep' && (!terms[clause.verbIndex + 2] || /[,;:.]/.test(after.post) || terms[clause.verbIndex + 2].pos === 'verb' || terms[clause.verbIndex + 2].pos === 'modal');
  if (stranded) return { ...clause, preps: [...clause.preps, { prep: after.w, phrase: noun }] };
  if (clause.preps.length || (after && after.pos !== 'verb' && after.pos !== 'modal' && !/[,;:.]/.test(terms[clause.verbIndex].post))) return clause;
  return { ...clause, objects: [noun] };
}
