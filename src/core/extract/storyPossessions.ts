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
  linkStoryReceipts(read, end);
}

/** Verbs of receiving: what comes to "I" is then mine. (Not "get": "get recipes based on …", "get the hours of each facility" ask to be shown things.) */
const RECEIVING = /^(?:receive|obtain|earn|win|gain)$/;

/**
 * "As a customer, I want to receive a personal discount", "as a guardian, I want to be told when I receive a
 * message": what the role receives in its want is its own, as "my" things are (Discount -> Customer). (Only
 * with "I" doing the receiving, and not in the benefit: "so that I get a discount" says why.)
 */
function linkStoryReceipts(read: StoryPossessionRead, end: number): void {
  const { analysis, storyActor } = read;
  const { terms } = analysis;
  for (const clause of analysis.clauses) {
    if (clause.verbIndex >= end || clause.passive || clause.negated || !RECEIVING.test(clause.verb) || !saidByI(terms, clause.verbIndex)) continue;
    for (const object of clause.objects) {
      const received = read.entityIn(object);
      if (received && received !== storyActor && received.name !== 'User') read.link(received, storyActor!);
    }
  }
}

/** Whether "I" does the verb at k: "I receive", "I want to receive", "I want to be able to get", "I can earn". */
function saidByI(terms: Analysis['terms'], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && /^(?:to|be|able|want|would|like|can|could|should|will|also|always|only|easily|directly|automatically)$/.test(terms[j].w)) j--;
  return terms[j]?.w === 'i';
}
