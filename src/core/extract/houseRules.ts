// "Admins remove posts that break the rules", "sellers must accept the terms": the rules of the
// site or the club are the text the app runs by, not rows it stores. Only when the text writes
// them that way every time; "Admins define rules. Each rule has a condition" keeps them.
import type { SentenceInfo } from './sentences';

/** Nouns for the norms a site, club or game is run by. */
const NORM_HEADS = /^(?:rule|term|guideline|policy|regulation|condition|law)$/;
const PLURALS: Record<string, string> = { policy: 'policies' };

/** Words before the norms that make them the one set the place has ("the rules", "our community guidelines"). */
const THE_ONES = /(?:^|\s)(?:the|our|its|their|these|those|site|house|club|community|game|platform|app|league|service)\s+$/;
/** Verbs of keeping to (or breaking) a set of norms, right before them. */
const KEEPING = /\b(?:break|breaks|breaking|broke|broken|violate|violates|violating|violated|follow|follows|following|followed|obey|obeys|obeying|obeyed|respect|respects|respecting|respected|accept|accepts|accepting|accepted|agree to|agrees to|agreed to|ignore|ignores|ignoring|ignored|against|comply with|complies with|breach|breaches|breached|read|reads)\s+(?:(?:the|our|its|their|these|those)\s+)?(?:[a-z-]+\s+)?$/;

/**
 * Whether every mention of `key` (a norm noun, maybe with one modifier: "house rule") is the plural
 * after "the", "our", "site" …, and at least one is kept to or broken ("break the rules", "accept
 * the terms of service"): the place's own rules, which no table holds.
 */
export function theHouseRules(key: string, sentences: SentenceInfo[]): boolean {
  const words = key.split(' ');
  const head = words[words.length - 1];
  if (words.length > 2 || !NORM_HEADS.test(head)) return false;
  const plural = PLURALS[head] ?? `${head}s`;
  const modifier = words.length === 2 ? `${words[0]}\\s+` : '';
  const mention = new RegExp(String.raw`\b${modifier}(?:${head}|${plural})\b`, 'g');
  let kept = false;
  let any = false;
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    for (const match of sentence.plain.matchAll(mention)) {
      const before = sentence.plain.slice(Math.max(0, match.index - 60), match.index);
      // ("terms and conditions": the second of the pair is named like the first.)
      const paired = /\b(?:terms|rules)\s+(?:and|&)\s+$/.test(before);
      if (!match[0].endsWith(plural) || (!THE_ONES.test(before) && !paired)) return false;
      any = true;
      kept ||= KEEPING.test(before) || paired;
    }
  }
  return any && kept;
}
