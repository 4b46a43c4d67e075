// "Customers sign up with an email and a password and place orders": the list of values ends where a
// second predicate starts, but the list readers cut lists by their words, and "place orders" (no article,
// like "phone numbers") was read as one more value, `placeOrders`. A value named by a verb and the plural
// of one of the text's records, joined by "and" to values written with an article, is that predicate:
// customers place orders, which are records of their own (linked by the clause readers), not a value of
// the customer. "A course has a title and study points" keeps its value (points are no record of the
// text), and so do "…, access notes" and "double carports" (no "and" after a value: nouns, not a verb).
import type { Draft } from './draft';
import { singular } from './lexicon';
import { tagSentence } from './nlp';
import type { SentenceInfo } from './sentences';

/** Drops values named "<verb> <records>" (placeOrders, runsClasses) when the records are the text's. */
export function dropVerbPhraseFields(draft: Draft, sentences: SentenceInfo[]): void {
  const records = new Set(draft.entities.map((e) => e.key));
  for (const entity of draft.entities) {
    entity.fields = entity.fields.filter((field) => !namesAPredicate(field.name, records, [...field.sources].map((id) => sentences[id]?.plain ?? '')));
  }
}

function namesAPredicate(name: string, records: Set<string>, said: string[]): boolean {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
  if (words.length !== 2) return false;
  const [verb, object] = words;
  // (Not "opening hours", "signed forms": a participle before a noun describes it.)
  if (!/[^s]s$/.test(object) || /(?:ing|ed)$/.test(verb) || !records.has(singular(object))) return false;
  // "… a password and place orders": after "and", following a value written with its article.
  const joined = new RegExp(String.raw`\b(?:a|an|the|their|his|her|its)\s[^,;.()]*?\sand\s${verb}\s${object}\b`, 'i');
  if (!said.some((text) => joined.test(text))) return false;
  // "they place orders", "it runs classes": the word is a verb before its object.
  const terms = tagSentence(`${/[^s]s$/.test(verb) ? 'it' : 'they'} ${verb} ${object}`);
  return terms.length === 3 && terms[1].pos === 'verb' && terms[2].pos === 'noun';
}
