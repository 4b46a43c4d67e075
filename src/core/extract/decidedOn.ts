// "The customer can accept or decline the offer", "a person accepts or refuses the proposal", "the
// manager approves applications": what someone decides on is a thing put forward and kept until
// (and after) it is decided, a record: an offer, a proposal, an application, a request.
import type { Analysis, NounPhrase } from './grammar';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/**
 * Verbs of deciding on what was put forward. Not "accept", which also takes what is agreed to or paid
 * with ("accept the terms and conditions", "the kiosk accepts coins"), nor "cancel" or "confirm", said
 * of one's own bookings ("accept or decline the offer" still names the offer).
 */
const DECIDE = /^(?:refuse|approve|reject|decline)$/;

/** The things decided on in the sentence: objects of a deciding verb, named as things ("the offer", "applications"). */
export function decidedOn(analysis: Analysis, storable: Storable): NounPhrase[] {
  return analysis.clauses
    .filter((c) => DECIDE.test(c.verb) && !c.passive && !c.negated)
    .flatMap((c) => c.objects)
    .filter((o) => (o.plural || !!o.determiner) && storable(o, analysis));
}

/** Evidence: each thing decided on is a record. */
export function decidedOnEvidence(analysis: Analysis, storable: Storable, add: Add): void {
  for (const phrase of decidedOn(analysis, storable)) add(phrase.key, 2, true);
}
