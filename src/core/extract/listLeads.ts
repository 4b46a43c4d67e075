// Bullet lists under a lead: whether a sentence introduces a list of fields ("A book has the
// following fields:", "## Visitors", "Customer:"), which record it names, and which bullets name a field.
import { DOCUMENT_PART_WORDS } from './lexicon';
import { leadingPhrase, trailingPhrase } from './phrases';
import { analyze } from './grammar';
import { namesAField, type SentenceInfo } from './sentences';

/** The record a list-introducing sentence is about ("A book has the following fields:" -> book). */
export function leadSubjectKey(lead: SentenceInfo): string | undefined {
  if (headingNamesRecord(lead)) return trailingPhrase(lead.plain.replace(/[^a-z -]+/g, ' ').trim())?.key;
  const match = /^(.*?)\b(?:has|have|with|contains?|containing|includes?|including|records?|stores?|tracks?|needs?|consists of)\b/.exec(lead.plain);
  return match ? (trailingPhrase(match[1]) ?? leadingPhrase(match[1]))?.key : undefined;
}

/** Headings that name parts of the document, not records. */
const DOCUMENT_HEADS = new RegExp(String.raw`^(?:${DOCUMENT_PART_WORDS}|users?|examples?|overview|introduction|background|context|scope|summary|questions?|ideas?|stor(?:y|ies)|permissions?|workflows?|process(?:es)?|reports?|notifications?|deadlines?|numbers?|people|who|what|why|how|data|model|entities|records|tables|fields|glossary|appendix|day|week|flows?|steps?)$`);

// A lead is asked about once for every bullet under it (and again for its record): tag it once.
// (Read only after the title line is settled, which is the last change to a sentence's heading.)
const namesRecord = new WeakMap<SentenceInfo, boolean>();

/**
 * "## Visitors" over "- name", "- email", "1. Customer" over "   - name", "Customer:" over
 * "  name: string": a heading, a bullet or a line ending in a colon that names a record alone
 * (a noun phrase, no verb).
 */
export function headingNamesRecord(sentence: SentenceInfo): boolean {
  let names = namesRecord.get(sentence);
  if (names === undefined) namesRecord.set(sentence, (names = readHeadingNamesRecord(sentence)));
  return names;
}

function readHeadingNamesRecord(sentence: SentenceInfo): boolean {
  // (A line ending in a colon names a record alone: "Customer:", not "Each dog has:".)
  if (/\b(?:each|every|a|an|the|has|have|with|contains?|includes?|stores?|records?|needs?|following)\b/.test(sentence.plain)) return false;
  if (!sentence.heading && !sentence.bullet && !/^[a-z][a-z -]{1,40}:\s*$/.test(sentence.plain)) return false;
  const words = sentence.plain.replace(/[^a-z -]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 4) return false;
  const analysis = analyze(`the ${words.join(' ')}`);
  if (analysis.terms.some((t) => t.pos === 'verb' || t.pos === 'modal')) return false;
  const last = analysis.phrases[analysis.phrases.length - 1];
  return !!last && last.head === analysis.terms.length - 1 && !DOCUMENT_HEADS.test(last.headWord) && !DOCUMENT_HEADS.test(words[words.length - 1]);
}

/** A bullet that names one field ("- phone (optional)", "- status: open, closed"), not a sentence. */
export function bulletIsField(sentence: SentenceInfo): boolean {
  const bare = sentence.plain.replace(/\([^()]*\)/g, ' ').replace(/:.*$/, '').replace(/[.!]\s*$/, '').trim();
  const words = bare.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 5 && namesAField(bare);
}

/** Whether a sentence introduces a bullet list of fields ("… containing the following:"). */
export function introducesList(sentence: SentenceInfo): boolean {
  if (headingNamesRecord(sentence)) return true;
  // "Records:", "Entities:", "Data model:" label a list of records, not the fields of one.
  if (/^(?:the )?(?:records?|entities|entity list|tables?|models?|objects?|data(?: model)?|domain(?: model)?)\s*:\s*$/.test(sentence.plain)) return false;
  return /:\s*$/.test(sentence.plain) && /\b(following|fields?|contains?|containing|has|have|with|includes?|columns?|attributes?|properties|details|stores?|records?|tracks?)\b/.test(sentence.plain);
}
