// "Customers can sign up for the newsletter", "as a member, I want to subscribe to the weekly digest":
// joining the one thing of that name the app has keeps no sign-up row of its own (nlpEvidence's
// transactions make the joined thing the record); the one who joins is linked to it, as its subscriber.
import { addRelation, findEntity, type Draft, type DraftEntity } from './draft';
import type { Analysis, Clause } from './grammar';
import { transactionNoun } from './nlpEvidence';

export interface SubscribeRead {
  draft: Draft;
  id: number;
  analysis: Analysis;
  /** The record the clause's subject (or the story's "I") names, if any. */
  joiner: DraftEntity | undefined;
  entityIn: (phrase: Clause['objects'][number] | undefined) => DraftEntity | undefined;
}

/** True when the clause joins one named thing ("sign up for the newsletter") and the joiner was linked to it. */
export function linkSubscriber(read: SubscribeRead, clause: Clause): boolean {
  const { draft, analysis, joiner } = read;
  const noun = transactionNoun(clause, analysis);
  if ((noun !== 'sign-up' && noun !== 'subscription') || clause.passive || clause.negated || findEntity(draft, noun)) return false;
  // ("sign up for shifts", "subscribe to a plan": many things, or any one of them, make a row per joining: left to the transaction.)
  const joined = clause.preps.find((p) => (p.prep === 'for' || p.prep === 'to') && !p.phrase.plural && p.phrase.determiner === 'the');
  const thing = joined && read.entityIn(joined.phrase);
  if (!joiner || !thing || thing === joiner || thing.name === 'User' || joiner.name === 'User') return false;
  if (draft.relations.some((r) => (r.from === joiner.name && r.to === thing.name) || (r.from === thing.name && r.to === joiner.name))) return false;
  const relation = addRelation(draft, { from: joiner.name, to: thing.name, required: false, onDelete: 'setNull' }, read.id);
  if (relation) draft.used.add(read.id);
  return !!relation;
}
