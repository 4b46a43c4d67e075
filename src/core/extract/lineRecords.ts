// "box lines", "shipment line", "invoice item": a record whose name is another record's name plus a
// line-like head is a line of that record and belongs to it.
import { addRelation, type Draft } from './draft';

/** Heads of compounds that name a part of the record their modifier names ("box line", "invoice item"). */
const LINE_HEADS = /^(line|item|entry|row|detail|position|part)$/;

/** "box lines", "shipment line", "invoice item": a line belongs to the record it is a line of. */
export function linesOfRecords(draft: Draft): void {
  for (const line of draft.entities) {
    const words = line.key.split(' ');
    if (words.length < 2 || !LINE_HEADS.test(words[words.length - 1])) continue;
    const parent = draft.entities.find((e) => e !== line && e.key === words.slice(0, -1).join(' ')) ?? draft.entities.find((e) => e !== line && e.key === words[words.length - 2]);
    if (!parent || parent.name === 'User') continue;
    if (draft.relations.some((r) => (r.from === line.name && r.to === parent.name) || (r.from === parent.name && r.to === line.name))) continue;
    const source = Math.min(...line.sources);
    if (addRelation(draft, { from: line.name, to: parent.name, required: true, onDelete: 'cascade' }, source)) draft.used.add(source);
  }
}
