// The domain words of a spec that example rows are written in: the theme of the whole app (a
// bakery's products are bread, not desk lamps) and the examples its sentences give for an entity
// ('tags like "vegan" or "dessert"'). Read once per model.
import { singularizeWord, words } from '../../../model/project/naming';
import type { BackendModel, EntityModel } from './model';
import { PERSON_NOUNS, RECORD_NAMES, THEME_WORDS, THEMED_NAMES } from './sampleVocabulary';

export interface Wording {
  /** A key of THEME_WORDS, or 'default'. */
  theme: string;
  /** Quoted examples the requirement sentences give, by entity name. */
  examples: Map<string, string[]>;
}

const cache = new WeakMap<BackendModel, Wording>();

export function wordingOf(model: BackendModel): Wording {
  let wording = cache.get(model);
  if (!wording) {
    wording = { theme: themeOf(model), examples: new Map(model.entities.map((e) => [e.entity.name, sentenceExamples(e, model)])) };
    cache.set(model, wording);
  }
  return wording;
}

/** Singular lower-case words of a text. */
export function singularWords(text: string): string[] {
  return words(text).map((word) => singularizeWord(word));
}

/** The theme whose words the spec uses most (ties: the first listed), or 'default'. */
function themeOf(model: BackendModel): string {
  const { spec } = model;
  const text = [spec.title, spec.description, ...spec.requirements.sentences.map((s) => s.text), ...spec.entities.map((e) => e.label)].join(' ');
  const counts = new Map<string, number>();
  for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best = 'default';
  let bestHits = 0;
  for (const [theme, themeWords] of Object.entries(THEME_WORDS)) {
    const hits = themeWords.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    if (hits > bestHits) [best, bestHits] = [theme, hits];
  }
  return best;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QUOTED = /["\u201c]([^"\u201c\u201d]{1,80})["\u201d]/g;
const INTRODUCERS = String.raw`(?:like|such as|e\.g\.|for example|for instance|including|called|named)`;

/**
 * Values a sentence gives as examples of an entity: quoted words right after the entity's noun and
 * "like", "such as", "e.g." ... ('tags like "vegan" or "dessert"', 'categories such as "Bread"').
 * Only right after it: in 'recipes have tags like "vegan"' the examples are tags, not recipes.
 */
function sentenceExamples(entity: EntityModel, model: BackendModel): string[] {
  const forms = [entity.entity.label, entity.entity.pluralLabel].map((form) => escape(form.toLowerCase()));
  const pattern = new RegExp(
    String.raw`\b(?:${forms.join('|')})\s*,?\s+${INTRODUCERS}\s*:?\s*((?:["\u201c][^"\u201c\u201d]{1,80}["\u201d](?:\s*,?\s*(?:or|and|,)?\s*)?)+)`,
    'gi',
  );
  const found: string[] = [];
  for (const sentence of model.spec.requirements.sentences) {
    for (const match of sentence.text.matchAll(pattern)) {
      for (const quoted of match[1].matchAll(QUOTED)) {
        const value = quoted[1].trim();
        if (value && !found.includes(value)) found.push(value);
      }
    }
  }
  return found;
}

/** The noun keys of an entity, most specific first: "Fitness class" -> ['fitness class', 'class']. */
export function entityNouns(entity: EntityModel): string[] {
  const labelWords = singularWords(entity.entity.label);
  const nameWords = singularWords(entity.entity.name);
  const keys = [labelWords.slice(-2).join(' '), labelWords.at(-1), nameWords.slice(-2).join(' '), nameWords.at(-1)];
  return [...new Set(keys.filter((key): key is string => Boolean(key)))];
}

/** The names records of a noun go by in this app's theme, if the vocabulary knows the noun. */
export function namesOfNoun(noun: string, wording: Wording): string[] | undefined {
  const themed = THEMED_NAMES[noun];
  if (themed) return themed[wording.theme] ?? themed.default;
  return Object.prototype.hasOwnProperty.call(RECORD_NAMES, noun) ? RECORD_NAMES[noun] : undefined;
}

/** Whether an entity's records are people (members, patients, the auth users). */
export function isPersonEntity(entity: EntityModel): boolean {
  return entity.isAuthUser || entityNouns(entity).some((noun) => PERSON_NOUNS.has(noun));
}
