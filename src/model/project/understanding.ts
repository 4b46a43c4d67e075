// What was left out of a spec, said the same way everywhere (review step, CLI, generated README,
// Requirements Coverage): the sentences or clauses not understood, the ones recognised but not
// implemented, each with its reason and sentence numbers, and the totals of accountSentences().
// Sentences the user ignored drop out of both lists.
import { type AccountingSummary, accountSentences, everythingImplemented, type SentenceAccount, summarizeAccounts } from './accounting';
import type { ProjectSpec } from './projectSpec';
import { suggestionText } from './suggestions';
import { countOf } from '../count';

export interface LeftOutItem {
  text: string;
  reason: string;
  /** Requirement sentence ids (0-based, as in `sources`) it comes from, without ignored ones. */
  sentences: number[];
  /** Not understood only: the index in `spec.notUnderstood` (absent for a sentence dropped silently). */
  index?: number;
  /** Not understood only: the one-click fixes, as button texts. */
  suggestions?: string[];
}

export interface Understanding {
  accounts: SentenceAccount[];
  totals: AccountingSummary;
  /** spec.notUnderstood not ignored, then every sentence nothing came from and nothing explains. */
  notUnderstood: LeftOutItem[];
  notImplemented: LeftOutItem[];
  /** True only when no sentence is left out, partial, unbuilt or unaccounted and nothing is listed. */
  complete: boolean;
  /** The extractor's warning that the text is not (all) in English, when it gave one. */
  languageWarning?: string;
}

/** The reason given for a sentence the extractor turned into nothing and did not explain. */
export const UNACCOUNTED_REASON = 'Nothing was made of this sentence and no reason was recorded; check it yourself.';

export function understand(spec: ProjectSpec): Understanding {
  const ignored = new Set(spec.ignoredSentences);
  const live = (sources: readonly number[]) => sources.filter((id) => !ignored.has(id));
  const shown = (sources: readonly number[]) => !sources.length || live(sources).length > 0;
  const accounts = accountSentences(spec);
  const notUnderstood: LeftOutItem[] = spec.notUnderstood.flatMap((item, index) =>
    shown(item.sources) ? [{ text: item.text, reason: item.reason, sentences: live(item.sources), index, suggestions: item.suggestions.map(suggestionText) }] : [],
  );
  for (const account of accounts) {
    if (account.status === 'unaccounted') notUnderstood.push({ text: account.text, reason: UNACCOUNTED_REASON, sentences: [account.id], suggestions: [] });
  }
  const notImplemented: LeftOutItem[] = spec.unimplemented.flatMap((item) =>
    shown(item.sources) ? [{ text: item.text, reason: item.reason, sentences: live(item.sources) }] : [],
  );
  return {
    accounts,
    totals: summarizeAccounts(accounts),
    notUnderstood,
    notImplemented,
    complete: everythingImplemented(accounts) && !notUnderstood.length && !notImplemented.length,
    languageWarning: spec.warnings.find((warning) => /^only english/i.test(warning.trim())),
  };
}

/** How many sentences the items cover (an item citing no sentence counts as one). */
export function sentenceCount(items: readonly LeftOutItem[]): number {
  const ids = new Set<number>();
  let loose = 0;
  for (const item of items) {
    if (item.sentences.length) item.sentences.forEach((id) => ids.add(id));
    else loose++;
  }
  return ids.size + loose;
}


/** "3 sentences not understood, 2 not implemented" (empty when nothing is left out). */
export function leftOutHeadline(understanding: Understanding): string {
  const parts: string[] = [];
  const missed = sentenceCount(understanding.notUnderstood);
  const unbuilt = sentenceCount(understanding.notImplemented);
  if (missed) parts.push(`${countOf(missed, 'sentence')} not understood`);
  if (unbuilt) parts.push(parts.length ? `${unbuilt} not implemented` : `${countOf(unbuilt, 'sentence')} not implemented`);
  return parts.join(', ');
}

/** "sentence 3", "sentences 3, 4" (1-based, as the requirements are numbered for people). */
export function sentenceLabel(ids: readonly number[]): string {
  if (!ids.length) return 'no sentence';
  return `${ids.length === 1 ? 'sentence' : 'sentences'} ${ids.map((id) => id + 1).join(', ')}`;
}

/** What a status means, for people. */
export const STATUS_TEXT: Record<SentenceAccount['status'], string> = {
  mapped: 'implemented',
  partial: 'partly implemented',
  notImplemented: 'not implemented',
  notUnderstood: 'not understood',
  ignored: 'ignored (you said it needs nothing generated)',
  context: 'context only (a title, heading or introduction)',
  unaccounted: 'not understood (no reason recorded)',
};
