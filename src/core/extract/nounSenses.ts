// The knowledge table gives a noun one meaning, but a few common record nouns have two: a ticket
// someone raises at a help desk is a support ticket (a title, a status), a ticket someone buys for
// a show, a flight or a crossing is an admission ticket (a code, a price). What the text says
// around the noun picks the meaning: a ticket that is bought or sold, or that is for something
// happening at a time (a record with a date or time), admits its holder, unless the text also raises,
// resolves or assigns tickets, as only a support desk does.
import { findEntity, type Draft, type DraftEntity } from './draft';
import { knownNoun, type KnownField, type KnownNoun } from './knowledge';
import { TROUBLE_NOUNS } from './reportedThings';
import { TROUBLE_FIELDS } from './troubleFields';
import type { SentenceInfo } from './sentences';

interface OtherSense {
  /** The verbs a text uses on the noun in this sense ("buy tickets", "tickets are sold"). */
  verbs: string;
  /** Words that keep the usual sense even so ("support", "raise", "resolve"). */
  usual: RegExp;
  /** Whether a link to a record with a date or time says this sense ("each ticket is for a concert"). */
  forDatedThing: boolean;
  noun: KnownNoun;
}

const field = (name: string, type: KnownField['type'], required = false): KnownField => ({ name, type, required });

const OTHER_SENSES: Record<string, OtherSense> = {
  ticket: {
    verbs: 'buy|buys|bought|buying|purchase|purchases|purchased|purchasing|sell|sells|sold|selling|book|books|booked|booking|reserve|reserves|reserved|reserving|scan|scans|scanned|scanning',
    usual: /\b(?:support|help ?desk|helpdesk|service desk|bugs?|incidents?|(?:open|opens|opened|raise|raises|raised|file|files|filed|submit|submits|submitted|resolve|resolves|resolved|close|closes|closed|assign|assigns|assigned|escalate|escalates|escalated)\s+(?:(?:a|an|the|their|new|[a-z]+)\s+){0,2}tickets?)\b/,
    forDatedThing: true,
    noun: { fields: [field('code', 'string', true), field('price', 'money')] },
  },
};

const TROUBLE_RECORD: KnownNoun = { fields: TROUBLE_FIELDS };

/** The fields a record named `entity.key` usually has, in the sense the text uses it. */
export function knownNounInText(entity: DraftEntity, draft: Draft, sentences: SentenceInfo[]): KnownNoun | undefined {
  const head = entity.key.split(' ').pop() ?? '';
  const other = Object.prototype.hasOwnProperty.call(OTHER_SENSES, head) ? OTHER_SENSES[head] : undefined;
  if (other && otherSenseMeant(head, other, entity, draft, sentences)) return other.noun;
  // (A trouble the text makes a record, "residents report problems", is described and then dealt with;
  // the word alone is no record, so it is not on the knowledge table.)
  return knownNoun(entity.key) ?? (TROUBLE_NOUNS.test(head) ? TROUBLE_RECORD : undefined);
}

function otherSenseMeant(head: string, sense: OtherSense, entity: DraftEntity, draft: Draft, sentences: SentenceInfo[]): boolean {
  if (sentences.some((s) => sense.usual.test(s.plain))) return false;
  // "buy tickets", "book a ferry ticket", "tickets are sold at the door".
  const active = new RegExp(String.raw`\b(?:${sense.verbs})\s+(?:[a-z0-9-]+\s+){0,3}?${head}s?\b`);
  const passive = new RegExp(String.raw`\b${head}s?\s+(?:(?:are|is|were|was|get|gets|can\s+be|will\s+be|must\s+be)\s+)(?:${sense.verbs})\b`);
  if (sentences.some((s) => s.plain.includes(head) && (active.test(s.plain) || passive.test(s.plain)))) return true;
  // "each ticket is for a concert" (concerts have a date): a ticket to something that happens at a time.
  return sense.forDatedThing && draft.relations.some((r) => r.kind === 'belongsTo' && r.from === entity.name && !!findEntity(draft, r.to)?.fields.some((f) => f.type === 'date' || f.type === 'datetime'));
}
