// A user story's benefit ("…, so that I can gain insight into their progress") says why the user
// wants something; what it names is mostly reasons and feelings, so it is weaker evidence of a
// record than the want itself (read like an optional section: half weight).
import type { SentenceInfo } from './sentences';
import { guarded } from './guardedRegExp';

const STORY = guarded(/^\s*as an? [^,]{1,60}?,?\s*i\b/i);
// "so that" always opens the benefit; a bare "so" only before its subject ("so I can", not "so much").
const BENEFIT = /,?\s+so that\s+|,?\s+so\s+(?=(?:i|we|you|they|he|she|it|my|our|their|the|other|all|users?|customers?|students?|parents?|people|everyone)\b)/i;

/** A sentence for entity evidence: a story as its want and its (optional) benefit; other sentences whole. */
export function storyParts(sentence: SentenceInfo): SentenceInfo[] {
  if (!STORY.test(sentence.plain)) return [sentence];
  const inText = BENEFIT.exec(sentence.text);
  const inPlain = BENEFIT.exec(sentence.plain);
  if (!inText || !inPlain) return [sentence];
  return [
    { ...sentence, text: `${sentence.text.slice(0, inText.index)}.`, plain: `${sentence.plain.slice(0, inPlain.index)}.` },
    { ...sentence, text: sentence.text.slice(inText.index + inText[0].length), plain: sentence.plain.slice(inPlain.index + inPlain[0].length), optional: true },
  ];
}

/**
 * "…, so that customers can manage their expectations", "…, so that I can gain insight into …": a
 * noun the text names only in the benefits of its stories is a reason or a feeling, not a thing the
 * app stores. True when the text names `key` (its head, any number) and every mention stands in a
 * story's benefit.
 */
export function namedOnlyInBenefits(key: string, sentences: SentenceInfo[]): boolean {
  const head = key.split(' ').pop() ?? key;
  const stem = head.replace(/(?:y|e)$/, '');
  const mention = new RegExp(`\\b${stem.replace(/[^a-z0-9]/g, '.')}[a-z]{0,3}\\b`);
  let inBenefit = false;
  for (const sentence of sentences) {
    if (!mention.test(sentence.plain)) continue;
    const parts = storyParts(sentence);
    if (parts.length < 2 || mention.test(parts[0].plain)) return false;
    inBenefit = true;
  }
  return inBenefit;
}
