// A value people give to a record ("each reviewer gives a proposal a score from 1 to 5", "I want to
// give each project a score between 1 and 10"). Kept as a field of the record given it (or of the
// giver), it holds one value per record, while each of the people who give it usually gives their
// own: then it is a record of its own (who gave it, to what, the value). The bound is made as read,
// and the sentence is said, so the user decides; nothing is guessed into a new record.
import { withArticle } from '../../../model/project/naming';
import { singular } from '../lexicon';
import { entityLabel, mentionsIn, note, type RuleContext } from './context';
import { boundedFields } from './ruleSubject';

/** "give(s) each project a score", "awards a team a grade", "assign every entry a rating": recipient, then value. */
const GIVES = /\b(?:give|gives|giving|award|awards|awarding|assign|assigns|assigning)\s+(?:each|every|a|an|the|one)\s+([a-z]+(?: [a-z]+)?)\s+(?:a|an)\s+([a-z]+)\b/;

/** Notes a bound this clause set on the value given, when it sits on the record given it or on the giver. */
export function sayGivenValue(ctx: RuleContext, boundedBefore: Set<string>): void {
  const m = GIVES.exec(ctx.clause.plain);
  if (!m) return;
  const value = singular(m[2]);
  const recipientEntity = mentionsIn(ctx, m[1]).find((x) => x.entity.name !== 'User')?.entity;
  const recipient = recipientEntity?.name;
  const givers = new Set(mentionsIn(ctx, ctx.clause.plain.slice(0, m.index)).map((x) => x.entity.name));
  for (const key of boundedFields(ctx)) {
    const [entity, field] = key.split('.');
    if (boundedBefore.has(key) || field.toLowerCase() !== value) continue;
    // On a record of its own (a Review given to a proposal), the value is already one per giver.
    if (entity !== recipient && !givers.has(entity)) continue;
    const to = recipientEntity ? entityLabel(recipientEntity) : m[1];
    note(ctx, `The value range on ${key} was made from this sentence, so each ${entity} holds one ${value}. If each of several people gives ${withArticle(to)} their own ${value}, the ${value} is a record of its own (who gave it, to which ${to}, the value): add it as a record.`);
  }
}
