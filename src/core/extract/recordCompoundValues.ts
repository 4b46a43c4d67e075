// Values named by a compound that starts with a record's name: "Depending on the total invoice
// amount, …" (Invoice.totalAmount), "members can see the booking status" (Booking.status). Read after
// the entities are chosen, like valueMentions: the compound's last noun is a value word, the nouns
// before it name a known record, and a describing word before the record's name ("total") stays in
// the value's name. A compound that is a record of its own ("order line") is left to the links.
import { camelCase } from '../../model/project/naming';
import { addField, findEntity, type Draft } from './draft';
import { tagSentence, type Term } from './nlp';
import { resolveKey } from './mentions';
import type { SentenceInfo } from './sentences';
import { inferType } from './types';

/** Value words a record's name is written before ("invoice amount", "order date", "booking status"). */
const VALUE_HEADS = new Set(['amount', 'total', 'date', 'deadline', 'status', 'price', 'fee', 'cost', 'number', 'code', 'rating', 'score', 'balance', 'duration']);
/** A cheap test before the sentence is tagged. */
const HAS_HEAD = /\b(?:amount|total|date|deadline|status|price|fee|cost|number|code|rating|score|balance|duration)\b/;
/** Words that describe the value before the record's name ("the total invoice amount", "the net order price"). */
const DESCRIBING = new Set(['total', 'net', 'gross', 'current', 'final', 'minimum', 'maximum', 'estimated', 'expected', 'actual', 'initial', 'outstanding', 'remaining', 'average', 'overall']);

interface CompoundValue {
  record: string;
  /** The whole compound ("total invoice amount"), to find a field already named with it. */
  compound: string[];
  words: string[];
}

export function applyRecordCompoundValues(draft: Draft, sentences: SentenceInfo[]): void {
  for (const sentence of sentences) {
    if (sentence.heading || !HAS_HEAD.test(sentence.plain)) continue;
    for (const value of compoundValues(draft, tagSentence(sentence.text))) {
      const entity = findEntity(draft, value.record);
      if (!entity || entity.name === 'User') continue;
      // ("the order date" where the order has an orderDate, or a date not yet said in the text: that field.)
      const named = [camelCase(value.compound.join(' ')), camelCase(value.words.join(' '))];
      const existing = entity.fields.find((f) => named.includes(f.name));
      if (existing) {
        existing.sources.add(sentence.id);
        draft.used.add(sentence.id);
      } else if (addField(entity, { words: value.words, type: inferType(value.words, sentence.plain).type }, sentence.id)) draft.used.add(sentence.id);
    }
  }
}

/** Two words written next to each other in one phrase: no punctuation between them, not across a parenthesis. */
function joined(left: Term, right: Term): boolean {
  return !left.post.trim() && !right.pre.trim() && left.depth === right.depth;
}

function compoundValues(draft: Draft, terms: Term[]): CompoundValue[] {
  const found: CompoundValue[] = [];
  for (let i = 1; i < terms.length; i++) {
    const head = terms[i];
    if (head.pos !== 'noun' || head.plural || !VALUE_HEADS.has(head.w) || !joined(terms[i - 1], head)) continue;
    // (The compound ends at its value word: "the order number field" names something else.)
    if (terms[i + 1]?.pos === 'noun' && !head.post.trim()) continue;
    const value = recordBefore(draft, terms, i);
    if (value) found.push(value);
  }
  return found;
}

/** The record named by the nouns right before the value word at `at`, and the describing words before them. */
function recordBefore(draft: Draft, terms: Term[], at: number): CompoundValue | undefined {
  for (let size = 1; size <= 2; size++) {
    const start = at - size;
    const nouns = terms.slice(start, at);
    if (start < 0 || nouns.some((t, k) => t.pos !== 'noun' || t.possessive || t.plural || !joined(t, terms[start + k + 1]))) return undefined;
    const recordWords = nouns.map((t) => t.root);
    const record = resolveKey(draft, recordWords.join(' '));
    if (!record) continue;
    // ("the order line number": a compound that is a record of its own is not a value of the order.)
    if (resolveKey(draft, [...recordWords, terms[at].w].join(' '))) return undefined;
    let first = start;
    while (first > 0 && start - first < 2 && DESCRIBING.has(terms[first - 1].w) && joined(terms[first - 1], terms[first])) first--;
    // (Only the whole compound: a noun before it makes it another thing's ("the customer invoice amount").)
    if (first > 0 && terms[first - 1].pos === 'noun' && joined(terms[first - 1], terms[first])) return undefined;
    const describing = terms.slice(first, start).map((t) => t.w);
    return { record, compound: [...describing, ...recordWords, terms[at].w], words: [...describing, terms[at].w] };
  }
  return undefined;
}
