// What the CLI says about the requirements it could not use: the same lists as the review step
// (not understood, not implemented, each with its reason and sentence numbers), on stderr before
// generating, and as the `understanding` object of the stdout summary.
import type { AccountingSummary } from '../model/project/accounting';
import type { ProjectSpec } from '../model/project/projectSpec';
import { type LeftOutItem, sentenceLabel, understand } from '../model/project/understanding';

export interface UnderstandingItemJson {
  text: string;
  reason: string;
  /** Requirement sentence numbers, counted from 1 as printed (spec `sources` count from 0). */
  sentenceNumbers: number[];
  /** Not understood only: what the review step offers as one-click fixes. */
  suggestions?: string[];
}

export interface UnderstandingJson {
  /** How many requirement sentences have each status (summarizeAccounts). */
  totals: AccountingSummary;
  /** Whether every sentence became part of the spec (or is a heading, or was ignored). */
  complete: boolean;
  notUnderstood: UnderstandingItemJson[];
  notImplemented: UnderstandingItemJson[];
  languageWarning?: string;
}

const line = (item: LeftOutItem) => {
  const suggestions = item.suggestions?.length ? ` (suggested: ${item.suggestions.join('; ')})` : '';
  return `  ${sentenceLabel(item.sentences)}: “${item.text}” — ${item.reason}${suggestions}`;
};

/** The lines for stderr; nothing when every sentence was used. */
export function understandingLines(spec: ProjectSpec): string[] {
  const result = understand(spec);
  const lines: string[] = [];
  if (result.notUnderstood.length) lines.push(`Not understood (${result.notUnderstood.length}):`, ...result.notUnderstood.map(line));
  if (result.notImplemented.length) lines.push(`Not implemented (${result.notImplemented.length}):`, ...result.notImplemented.map(line));
  const ignored = spec.ignoredSentences.length;
  if (lines.length && ignored) lines.push(`(${ignored} ${ignored === 1 ? 'sentence' : 'sentences'} ignored on review: ${sentenceLabel(spec.ignoredSentences)})`);
  return lines;
}

export function understandingJson(spec: ProjectSpec): UnderstandingJson {
  const result = understand(spec);
  const item = ({ text, reason, sentences, suggestions }: LeftOutItem): UnderstandingItemJson => ({
    text,
    reason,
    sentenceNumbers: sentences.map((id) => id + 1),
    ...(suggestions ? { suggestions } : {}),
  });
  return {
    totals: result.totals,
    complete: result.complete,
    notUnderstood: result.notUnderstood.map(item),
    notImplemented: result.notImplemented.map(item),
    ...(result.languageWarning ? { languageWarning: result.languageWarning } : {}),
  };
}
