// Coordinated modifiers sharing one head: "an individual or group session", "public and private
// events". The tagger's noun phrase keeps only the last modifier ("group session"), but the phrase
// speaks of sessions of either kind, so when the text has a record for the head alone (Session),
// that record is the one meant; linking the last modifier's compound (GroupSession) would tie the
// link to one kind only.
import type { DraftEntity, Draft } from './draft';
import { entityIndex } from './entityIndex';
import type { Analysis, NounPhrase } from './grammar';

/** The head's record when the phrase's modifier is the last of coordinated modifiers, else undefined. */
export function sharedHeadEntity(draft: Draft, analysis: Analysis, phrase: NounPhrase): DraftEntity | undefined {
  const { terms } = analysis;
  if (phrase.key.split(' ').length < 2 || phrase.determiner) return undefined;
  const conj = terms[phrase.start - 1];
  const modifier = terms[phrase.start - 2];
  if (!conj || !modifier || !/^(?:or|and)$/.test(conj.w) || /[,;:]/.test(modifier.post)) return undefined;
  // ("customers and order lines": a noun heading a phrase of its own is a second thing, not a modifier.)
  const modifies = modifier.pos === 'adj' || (modifier.pos === 'noun' && !analysis.phrases.some((p) => p.head === phrase.start - 2));
  if (!modifies) return undefined;
  return entityIndex(draft).first.get(phrase.headWord);
}
