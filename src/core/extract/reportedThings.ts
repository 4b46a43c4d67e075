// "Residents report problems with machines", "I want to report a broken machine", "volunteers flag
// damaged tools": what people report is kept. A trouble reported (a problem, a fault, an issue) is a
// record of its own, and so is the thing it is with or about (the machine); a thing reported
// itself ("report a broken machine") is a thing the app keeps track of.
import { addEntity, addField, addRelation, findEntity, type Draft } from './draft';
import { TROUBLE_FIELDS } from './troubleFields';
import { analyze, type Analysis, type NounPhrase } from './grammar';
import type { SentenceInfo } from './sentences';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Verbs that hand a trouble to whoever deals with it. */
const TROUBLE_VERBS = /^(?:report|flag|raise|log|file|lodge)$/;
/** Verbs that also take the thing in trouble as their object ("report a broken machine"). */
const THING_VERBS = /^(?:report|flag)$/;
/** Nouns of trouble: what is reported about something. */
const TROUBLES = 'problem|issue|fault|defect|damage|incident|bug|complaint|breakdown|leak|outage|malfunction|hazard|concern';
export const TROUBLE_NOUNS = new RegExp(`^(?:${TROUBLES})$`);
/** Prepositions that tie a trouble to the thing it is with ("a problem with a plot", "a leak in the hall"). */
const ABOUT = /^(?:with|on|in|at|about|for|of)$/;

/** Evidence: the troubles reported, the things they are about, and things reported themselves. */
export function reportedThingsEvidence(analysis: Analysis, storable: Storable, add: Add): void {
  for (const clause of analysis.clauses) {
    if (clause.negated || clause.passive || !TROUBLE_VERBS.test(clause.verb)) continue;
    for (const object of clause.objects) {
      if (!TROUBLE_NOUNS.test(object.headWord)) {
        // ("report a broken machine": the machine; not a person, nor a value: "report the time".)
        if (THING_VERBS.test(clause.verb) && (object.plural || !!object.determiner) && storable(object, analysis)) add(object.key, 2, true);
        continue;
      }
      add(object.key, 2, true);
      const about = thingAbout(analysis, clause.preps, object, storable);
      if (about) add(about.key, 2, true);
    }
  }
}

/** The thing a trouble is with or about: the phrase of a preposition right after the trouble's head. */
function thingAbout(analysis: Analysis, preps: { prep: string; phrase: NounPhrase }[], trouble: NounPhrase, storable: Storable): NounPhrase | undefined {
  const prep = analysis.terms[trouble.head + 1];
  if (!prep || !ABOUT.test(prep.w)) return undefined;
  const next = preps.find(({ phrase }) => phrase.start > trouble.head + 1 && phrase.start <= trouble.head + 3);
  return next && (next.phrase.plural || !!next.phrase.determiner) && storable(next.phrase, analysis) ? next.phrase : undefined;
}

/**
 * "Residents report problems with machines": once both are records, the trouble belongs to the
 * thing it is with (the grammar would read "with a machine" as a value of the problem, as in "a card
 * with a nickname"; a trouble's "with" says what it is about).
 */
export function linkReportedTroubles(draft: Draft, sentences: SentenceInfo[]): void {
  if (!draft.entities.some((e) => TROUBLE_NOUNS.test(e.key.split(' ').pop() ?? ''))) return;
  for (const sentence of sentences) {
    if (sentence.heading || !TROUBLE_WORD.test(sentence.plain)) continue;
    const analysis = analyze(sentence.text);
    for (const clause of analysis.clauses) {
      if (clause.negated || clause.passive || !TROUBLE_VERBS.test(clause.verb)) continue;
      for (const object of clause.objects) {
        const trouble = TROUBLE_NOUNS.test(object.headWord) ? findEntity(draft, object.key) : undefined;
        const about = trouble && thingAbout(analysis, clause.preps, object, (p) => !!findEntity(draft, p.key));
        const thing = about && findEntity(draft, about.key);
        if (trouble && thing && thing !== trouble) addRelation(draft, { from: trouble.name, to: thing.name, required: true, onDelete: 'cascade' }, sentence.id);
      }
    }
  }
}
/** A trouble named anywhere in a sentence (singular or plural): the sentences worth reading again. */
const TROUBLE_WORD = new RegExp(String.raw`\b(?:${TROUBLES})s?\b`);

/** States of a thing that make reporting it a fault report ("report a broken machine"); a lost or found thing reported is itself the record. */
const FAULTY_STATES = 'broken|damaged|faulty|defective|leaking|leaky|jammed|blocked|clogged|vandalised|vandalized|dirty|unsafe';
const FAULTY = new RegExp(`^(?:${FAULTY_STATES})$`);
const FAULTY_WORD = new RegExp(String.raw`\b(?:${FAULTY_STATES})\b`);

/**
 * "As a resident, I want to report a broken machine": when no trouble is named, the report itself is
 * the record (a fault report, described and dealt with), and it belongs to the thing reported.
 */
export function addFaultReports(draft: Draft, sentences: SentenceInfo[]): void {
  if (draft.entities.some((e) => TROUBLE_NOUNS.test(e.key.split(' ').pop() ?? '') || e.key.endsWith('report'))) return;
  for (const sentence of sentences) {
    if (sentence.heading || !FAULTY_WORD.test(sentence.plain) || !/\b(?:report|flag)/.test(sentence.plain)) continue;
    const analysis = analyze(sentence.text);
    for (const clause of analysis.clauses) {
      if (clause.negated || clause.passive || !THING_VERBS.test(clause.verb)) continue;
      for (const object of clause.objects) {
        const state = analysis.terms[object.start] && analysis.terms.slice(object.start, object.head).find((t) => FAULTY.test(t.w));
        const thing = state && findEntity(draft, object.key);
        if (!thing || thing.name === 'User') continue;
        const report = addEntity(draft, 'fault report', sentence.id);
        if (!report) return;
        for (const f of TROUBLE_FIELDS) addField(report, { words: [], name: f.name, type: f.type, required: f.required, enumValues: f.enumValues });
        addRelation(draft, { from: report.name, to: thing.name, required: true, onDelete: 'cascade' }, sentence.id);
        return;
      }
    }
  }
}
