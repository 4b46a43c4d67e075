// Refusals after a stored date: "votes are not accepted after the closing date", "nobody can
// register after the registration deadline", "answers can't be changed after the due date of the
// quiz". The date is a field of the record acted on, or of the record it belongs to; the refusal
// holds once that moment has passed (op "past"). Margins ("2 days before") are refuseTimeMargin's.
import type { WriteAction } from '../../../model/project/projectSpec';
import type { DraftEntity } from '../draft';
import { addOrNote, isTimeField, subjectRecordIn, locateField, mentionsIn, note, type RuleContext } from './context';
import { belongsTo, rowOf } from './links';
import { clausePlain, message, NEG } from './refuseConditions';
import { actionsOf, isActionVerb, stripArticles, withoutSignIn, wordsOf } from './words';
import { withArticle } from '../../../model/project/naming';
import { guarded } from '../guardedRegExp';

/** "… after the closing date", "… past its deadline", "… once the due date has passed". */
const AFTER_DATE = guarded(/\s+(?:after|past|beyond|once)\s+((?:the|its|their|a|an)\s+[a-z][a-z -]{1,40}?)(?:\s+(?:has|have)\s+passed)?$/);
/** "rows are not accepted", "nobody can vote", "answers can't be changed", "no entries". */
const REFUSED = new RegExp(
  String.raw`^(?:(.*?)\s+(?:(?:is|are|will be)\s+not|isn't|aren't|won't be)\s+(accepted|allowed|permitted|possible)|(?:nobody|no one|no-one)\s+(?:can|may|is allowed to)\s+(.+)|(.*?)\s*\b${NEG}\s+(.+)|no\s+(?:new\s+|more\s+|further\s+)?([a-z][a-z -]{1,30}?))$`,
);

export function refuseAfterDate(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  const after = AFTER_DATE.exec(plain);
  if (!after) return false;
  const head = REFUSED.exec(plain.slice(0, after.index).trim());
  if (!head) return false;
  const dateWords = stripArticles(wordsOf(after[1]));
  // "… after it has started" or "after 5 pm" are other patterns' (or no date field at all).
  if (!dateWords.length || /^(?:it|they|\d)/.test(dateWords[0])) return false;
  const named = mentionsIn(ctx, plain).filter((m) => m.entity.name !== 'User').map((m) => m.entity);
  const hit = locateField(ctx, dateWords.join(' '), named, isTimeField);
  if (!hit?.field || !isTimeField(hit.field)) return false;
  const { subject, verbs } = refusedAct(head);
  // "the return date cannot be after the due date" orders two dates (dateOrder.ts): no verb, no refusal.
  if (!verbs.length && (head[3] !== undefined || head[5] !== undefined)) return false;
  const actions = (verbs.length ? actionsOf(verbs, 'refusal') : ['create']).filter((a): a is WriteAction => a !== 'read');
  if (!actions.length) return false;
  const label = plain.slice(0, 140);
  const acted = subject ? subjectRecordIn(ctx, subject)?.entity : undefined;
  const target = acted ?? (verbs.length ? rowOf(ctx, verbs[0], [hit.entity]) : undefined) ?? hit.entity;
  hit.field.sources.add(ctx.sentence.id);
  if (target === hit.entity) {
    addOrNote(ctx, { kind: 'refuseWhen', entity: target.name, actions, condition: { field: hit.field.name, op: 'past' }, message: message(ctx), sources: [ctx.sentence.id] }, label);
    return true;
  }
  return refuseUnder(ctx, target, hit.entity, hit.field.name, actions, label);
}

/** The refusal on a row under the record holding the date ("votes … after the poll's closing date"). */
function refuseUnder(ctx: RuleContext, row: DraftEntity, parent: DraftEntity, field: string, actions: WriteAction[], label: string): boolean {
  const relation = belongsTo(ctx, row, parent)[0];
  if (!relation) {
    note(ctx, `Looks like ${withArticle(row.name)} is refused after ${withArticle(parent.name)}'s ${field} (${label}), but ${row.name} is not linked to ${parent.name}, so the date cannot be checked.`);
    return true;
  }
  addOrNote(ctx, { kind: 'refuseWhen', entity: row.name, actions, condition: { relation: relation.name, field, op: 'past' }, message: message(ctx), sources: [ctx.sentence.id] }, label);
  return true;
}

/** What is refused: the record words (a passive's subject, an object, "no entries") and the action verbs. */
function refusedAct(head: RegExpExecArray): { subject?: string; verbs: string[] } {
  const [, passiveSubject, , nobodyDoes, negSubject, negDoes, noRows] = head;
  if (passiveSubject !== undefined) return { subject: passiveSubject, verbs: [] };
  if (noRows !== undefined) return { subject: noRows, verbs: [] };
  const does = (nobodyDoes ?? negDoes ?? '').replace(/^be\s+/, '');
  const ws = wordsOf(does);
  const verbs = ws.filter((w) => isActionVerb(w));
  const objectStart = ws.findIndex((w) => !isActionVerb(w) && !/^(or|and|nor|be|to|for|in|on|up)$/.test(w));
  const object = objectStart >= 0 ? ws.slice(objectStart).join(' ') : '';
  // A passive ("answers can't be changed") is about its subject; an active verb about its object.
  const passive = /^be\s+/.test(nobodyDoes ?? negDoes ?? '');
  return { subject: passive ? negSubject : object || undefined, verbs };
}
