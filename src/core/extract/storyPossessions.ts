// "As a customer, I want to add products to my wishlist": in a user story whose role is a record of
// its own (a customer kept with its own data, not only a sign-in role), what the role calls "my"
// in its want belongs to that record (Wishlist -> Customer). A sign-in role's things are its
// ownership (owners.ts); the benefit ("so that I can find my products") only says why.
import type { DraftEntity } from './draft';
import type { Analysis, NounPhrase } from './grammar';

export interface StoryPossessionRead {
  analysis: Analysis;
  /** The record "I" stands for in the story ("As a customer, I …"), if the role is one. */
  storyActor: DraftEntity | undefined;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  /** The child belongs to the parent (unless the two are linked already). */
  link: (child: DraftEntity, parent: DraftEntity) => void;
}

/** Index of the word that opens the story's benefit ("so that", "so I can"), else the sentence's length. */
function benefitStart(analysis: Analysis): number {
  const { terms } = analysis;
  for (let i = 1; i < terms.length - 1; i++) {
    if (terms[i].w === 'so' && /^(?:that|i|we)$/.test(terms[i + 1].w)) return i;
  }
  return terms.length;
}

export function linkStoryPossessions(read: StoryPossessionRead): void {
  const { analysis, storyActor } = read;
  if (!storyActor || storyActor.name === 'User') return;
  const end = benefitStart(analysis);
  for (const phrase of analysis.phrases) {
    if (phrase.start >= end) break;
    if (!phrase.possessed || phrase.determiner !== 'my') continue;
    const owned = read.entityIn(phrase);
    if (owned && owned !== storyActor && owned.name !== 'User') read.link(owned, storyActor);
  }
}
