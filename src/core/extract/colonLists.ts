// Colon lists: "Vehicles: plate number (unique), make, model", "bookings = member + car + dates",
// "A vessel has the following attributes: …". The key before the colon is the record the list is
// about (none for "Rules: …" or a sentence that happens to hold a colon).
import { headTakesValues, itemsNameValues } from './colonValueRecords';
import { analyze } from './grammar';
import { DOCUMENT_PART_WORDS, genericHeadAllowed, NON_ENTITY, NOT_STORED, USER_WORDS } from './lexicon';
import { trailingPhrase } from './phrases';
import { storable } from './recordWords';
import { remembered } from './remembered';
import type { SentenceInfo } from './sentences';
import { guarded } from './guardedRegExp';

const colonSubjects = remembered(readColonList, 2000);

/** Answers per sentence object: the passes ask each sentence many times (a look-up by the sentence's text costs a copy and a hash each time). */
const colonSubjectOf = new WeakMap<SentenceInfo, { subject: string | undefined }>();

/** "Vehicles: plate number (unique), make, model" — the key before a colon that starts a list. */
export function colonListSubject(sentence: SentenceInfo): string | undefined {
  let known = colonSubjectOf.get(sentence);
  if (!known) colonSubjectOf.set(sentence, (known = { subject: colonSubjects(sentence.text.replace(/\*\*|__|`/g, '')) }));
  return known.subject;
}

/** "Rules: …", "Notes: …": a colon list under a part of the document, not a record. */
const DOCUMENT_PART = new RegExp(String.raw`^(?:${DOCUMENT_PART_WORDS}|example|e\.g)$`);

/** "A vessel has the following attributes", "each order contains these details": a record announcing its values. */
const VALUES_ANNOUNCED = guarded(/^(?:(?:a|an|the|each|every|all|our)\s+)?([a-z][a-z ]{0,30}?)\s+(?:has|have|includes?|contains?|comes? with|(?:is|are) (?:described|characterized|characterised|defined) by)\s+(?:the following|these|several|some|various|a few|(?:two|three|four|five|six|seven|eight|nine|ten))\s+(?:attributes|fields|properties|details|characteristics|columns|values|features|data|pieces of information)$/);

/** "the status of a job", "the priority of each ticket": a kind of value of a record. */
const KIND_OF_RECORD = /^(?:the )?(?:status|state|type|kind|category|priority|level|stage|phase|mode)(?:es|s)? of\b/;

function readColonList(text: string): string | undefined {
  // ("bookings = member + car + start/end": notes write "=" for "has".)
  // ("Customer - name, email": a spaced hyphen separates too.)
  const match = /^\s*(?:[-*+]\s*)?([A-Za-z][A-Za-z ']{0,40}?[A-Za-z])\s*(?:[:–—]|\s=|\s-(?=\s))\s*(\S.*)$/.exec(text);
  if (!match) return undefined;
  const items = match[2].replace(/\([^()]*\)/g, ' ').split(/\.\s/)[0].split(/,|;|\band\b|\s\+\s/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 2 || items.some((i) => i.replace(/\([^()]*\)/g, ' ').trim().split(/\s+/).length > 6)) return undefined;
  // "A vessel has the following attributes: …": the values of the record before the verb.
  // "The status of a job: received, in progress, …" lists values of one field (enumStatements.ts), not fields of the job.
  if (KIND_OF_RECORD.test(match[1].toLowerCase())) return undefined;
  const announced = VALUES_ANNOUNCED.exec(match[1].toLowerCase());
  if (announced) return trailingPhrase(announced[1])?.key;
  // Read the prefix as a noun phrase ("Service records" is not "service" + the verb "records").
  const analysis = analyze(`the ${match[1].toLowerCase()}`);
  if (analysis.terms.some((t) => t.pos === 'verb' || t.pos === 'modal')) {
    // "need to log harvests per field: date, crop, kg": the plural the verb logs is the record.
    const logged = analysis.clauses.flatMap((c) => c.objects).find((o) => o.plural && storable(o, analysis));
    return logged && /^(log|record|track|keep|store|save|enter|add|note|list|register)$/.test(analysis.clauses.find((c) => c.objects.includes(logged))?.verb ?? '') ? logged.key : undefined;
  }
  const last = analysis.phrases[analysis.phrases.length - 1];
  if (!last || last.head !== analysis.terms.length - 1) return undefined;
  // "Repair tickets for a bike workshop: …": the list is about the tickets.
  const first = analysis.phrases[0];
  const prep = first && analysis.terms[first.head + 1];
  const phrase = first !== last && first.plural && prep && /^(for|of|at|in|per)$/.test(prep.w) ? first : last;
  const head = phrase.headWord;
  // ("Tool: name, category, condition": a list of values makes even a generic word a record.)
  const generic = (NON_ENTITY.has(head) || NOT_STORED.has(head)) && head !== 'field' && !genericHeadAllowed(phrase.key) && !(itemsNameValues(items) && headTakesValues(head));
  if (generic || USER_WORDS.has(head) || DOCUMENT_PART.test(head)) return undefined;
  // "Members borrow books: a loan records …" is a sentence, not a list of fields; a relative
  // clause inside one item ("the subjects they can teach") does not make it one.
  const clauseLike = (item: string) => {
    const bare = item.replace(/\([^()]*\)/g, ' ').trim();
    return bare.split(/\s+/).length > 3 && analyze(bare).clauses.some((c) => c.subject && c.subject.start === 0);
  };
  if (clauseLike(items[0]) || items.filter(clauseLike).length * 2 > items.length) return undefined;
  return phrase.key;
}
