// Yes/no values asked of a record the sentence names: "BTMS supports indicating whether a bus
// driver is on sick leave and whether a bus is in the repair shop", "it records whether the
// invoice is paid". Each question is a yes/no field of the record it asks about (the pronoun
// forms, "It is noted whether it is a self-service pump", are pronounValues').
import { trailingPhrase } from './phrases';
import { parseItem, type FieldItem } from './fieldItem';
import { cutClause } from './fieldItems';
import type { FieldList } from './fields';

/** A verb that keeps or shows the answer, then the first question. */
const ASKED = /\b(?:indicat(?:e|es|ed|ing)|not(?:e|es|ed|ing)|record(?:s|ed|ing)?|stor(?:e|es|ed|ing)|track(?:s|ed|ing)?|know|knows|mark(?:s|ed|ing)?|show(?:s|ing)?|register(?:s|ed|ing)?)\s+whether\s+(.+)$/;
/** One question about a record: "a bus driver is on sick leave" (a determiner, then the record, then the verb). */
const QUESTION = /^(?:the|a|an|each|every|this|that) ([a-z][a-z -]{0,40}?) (is|are|has|have|was|were) (.+)$/;

/** The yes/no fields a sentence asks of the records it names, one list per record. */
export function askedValues(sentence: number, plain: string): FieldList[] {
  const asked = ASKED.exec(plain);
  if (!asked) return [];
  const lists: FieldList[] = [];
  for (const question of cutClause(asked[1]).split(/,?\s+(?:and|or)\s+whether\s+/)) {
    const parts = QUESTION.exec(question.trim());
    const owner = parts ? trailingPhrase(parts[1]) : undefined;
    const item: FieldItem | undefined = parts ? parseItem(`whether it ${parts[2]} ${parts[3]}`) : undefined;
    if (!owner || !item || item.hint?.type !== 'boolean') continue;
    const same = lists.find((l) => l.subject === owner.key);
    if (same) same.items.push(item);
    else lists.push({ sentence, subject: owner.key, items: [item] });
  }
  return lists;
}
