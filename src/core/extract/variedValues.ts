// Values the records are said to differ in: "several cinemas in different towns", "bus lines with
// different destinations", "exhibitions in different stages of advancement", "devices of different
// types". Each record has one such value (a town, a destination, a stage, a type); a thing that is
// itself a record ("offer tutoring in different subjects" with Subject a record) is a link, which the
// relation readers handle. Read after the entities are chosen, on known records only.
import { addField, findEntity, type Draft } from './draft';
import { tagSentence, type Term } from './nlp';
import { resolveKey } from './mentions';
import { isHeadWord } from './phrases';
import { PERSON_NOUNS, singular, USER_WORDS } from './lexicon';
import { isPersonWord } from './nlpEvidence';
import type { SentenceInfo } from './sentences';
import { inferType } from './types';

const VARIED = new Set(['different', 'various', 'varying']);
/** Words that sort things rather than name a value when "of" follows ("various types of insurance policies"). */
const SORTS = new Set(['type', 'kind', 'sort', 'form', 'variety', 'category']);

/** Adds to each record the value its records are said to differ in. */
export function applyVariedValues(draft: Draft, sentences: SentenceInfo[], roleWords: Set<string>): void {
  for (const sentence of sentences) {
    if (sentence.heading || !/\b(?:different|various|varying)\b/.test(sentence.plain)) continue;
    const terms = tagSentence(sentence.text);
    for (let i = 2; i + 1 < terms.length; i++) {
      if (!VARIED.has(terms[i].w) || !/^(?:in|with|of)$/.test(terms[i - 1].w)) continue;
      const value = variedValue(terms, i + 1);
      const record = value && recordBefore(draft, terms, i - 1);
      if (!value || !record) continue;
      const head = value[value.length - 1];
      if (PERSON_NOUNS.has(head) || USER_WORDS.has(head) || roleWords.has(head) || isPersonWord(head)) continue;
      if (resolveKey(draft, value.join(' ')) || resolveKey(draft, head)) continue;
      const entity = findEntity(draft, record);
      if (!entity || entity.name === 'User' || entity.fields.some((f) => f.name.toLowerCase().endsWith(head))) continue;
      if (addField(entity, { words: value, type: inferType(value, sentence.plain).type }, sentence.id)) entity.fieldsFromText = true;
    }
  }
}

/** The value's singular words after "different": one or two nouns, the last plural ("towns", "bus stops"). */
function variedValue(terms: Term[], from: number): string[] | undefined {
  let end = from;
  while (end < terms.length && end - from < 2 && terms[end].pos === 'noun' && !terms[end].possessive) {
    end++;
    if (terms[end - 1].post.trim()) break;
  }
  const last = terms[end - 1];
  if (end === from || !last.plural || !isHeadWord(last.root)) return undefined;
  if (SORTS.has(last.root) && terms[end]?.w === 'of') return undefined;
  return terms.slice(from, end).map((t) => t.root);
}

/** The record named right before the preposition ("cinemas", "bus lines"), if it is a known one. */
function recordBefore(draft: Draft, terms: Term[], preposition: number): string | undefined {
  let start = preposition;
  while (start > 0 && preposition - start < 2 && terms[start - 1].pos === 'noun' && !terms[start - 1].possessive && (start === preposition || !terms[start - 1].post.trim())) start--;
  if (start === preposition || terms[preposition - 1].post.trim()) return undefined;
  return resolveKey(draft, terms.slice(start, preposition).map((t) => singular(t.root)).join(' '));
}
