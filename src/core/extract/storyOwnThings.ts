// What the story's role calls its own in a user story's want: "As a customer, I want to extend my
// subscription", "As a manager, I want to view my employees' contracts". A thing a user has (and
// comes back to) is kept by the app; in a benefit ("so that I can use my time") it is only a reason.
import type { Analysis } from './grammar';
import { isPersonKey, storable, userStory } from './nlpEvidence';
import type { SentenceInfo } from './sentences';

type Add = (key: string, score: number, strong?: boolean) => void;

/** "bins around my area", "a complaint regarding my workplace": where the user is, or what a thing is about. */
const PLACE_OR_TOPIC = /^(?:around|near|nearby|across|throughout|regarding|concerning)$/;

/**
 * "I want to link my existing loyalty card", "add products to my wishlist": each thing written
 * after "my"/"our" or a possessive in a story's want is weak evidence (1): alone it makes no
 * record, named so in a second story, or with another cue, it does. ("see the bins around my
 * area", "file a complaint regarding my workplace": the place the user is in, or what the thing
 * is about, is not something the user keeps.)
 */
export function ownThingsInStory(analysis: Analysis, sentence: SentenceInfo, add: Add): void {
  if (sentence.optional || !userStory(sentence)) return;
  for (const phrase of analysis.phrases) {
    if (!phrase.possessed || isPersonKey(phrase.key) || !storable(phrase, analysis)) continue;
    if (PLACE_OR_TOPIC.test(analysis.terms[phrase.start - 1]?.w ?? '')) continue;
    add(phrase.key, 1, true);
  }
}
