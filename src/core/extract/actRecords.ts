// The record a verb's doing is kept as, when the model names it after the verb: with examinations kept,
// "vets examine pets" and "pets are examined by vets" each make an examination of a pet by a vet;
// "a car can be repaired" makes a repair of the car.
import type { Clause, NounPhrase } from './grammar';

/** Nouns English makes from a verb: the verb itself (repair), -ation, -ment, -ion, -al, -y, -ance. */
function nounsOfVerb(verb: string): string[] {
  const stem = verb.replace(/e$/, '');
  return [verb, `${stem}ation`, `${verb}ment`, `${stem}ion`, `${stem}al`, `${verb}y`, `${verb}ance`];
}

/** Verbs of only fetching, looking or picking on screen: "users retrieve a secret" keeps no retrieval ("a successful
 *  retrieval returns 200"); "open a survey by selecting it" makes no selection (a selection may be an answer option). */
const FETCHING_VERBS = /^(?:retrieve|fetch|get|see|view|read|browse|search|find|look|display|show|list|check|open|access|select|choose|pick|click)$/;

/** The keys a record named after the verb may have: the verb itself ("repair"), or a noun made from it
 *  ("examination" after "examine") when the verb does more than fetch or look. */
export function recordKeysOfVerb(verb: string): Set<string> {
  return new Set(verb.length > 2 && !FETCHING_VERBS.test(verb) ? nounsOfVerb(verb) : [verb]);
}

/** "is delivered by a courier": who does a passive clause's act, its "by" phrase. */
export function passiveAgent(clause: Clause): NounPhrase | undefined {
  return clause.passive ? clause.preps.find((p) => p.prep === 'by')?.phrase : undefined;
}
