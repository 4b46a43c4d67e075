// Field lists as evidence for entities: the subject of a list with fields is a record, a list of
// plurals is a list of records, and a singular item of a list is a field, not a record.
import type { SentenceInfo } from './sentences';
import { addEvidence, removeEvidence, type Evidence } from './entities';
import type { PendingList } from './applyFields';
import { findFieldLists } from './fields';
import { bulletIsField, headingNamesRecord, introducesList, leadSubjectKey } from './listLeads';
import { listOfRecords, titlesRecords } from './recordLists';
import { guarded } from './guardedRegExp';
import { regExp } from './regexps';

/** "sign up with", "register using", "create an account by giving": the phrase any sign-up with values has. */
const SIGN_UP_WITH_SOURCE = String.raw`(?:sign(?:s|ed)?[ -]?up|registers?|registered|create (?:an |their )?accounts?)\s+(?:with|using|by (?:giving|entering))\s`;
/** A cheap check before the subject's own pattern is asked for. */
const SIGN_UP_WITH = guarded(new RegExp(SIGN_UP_WITH_SOURCE));

/**
 * "Customers sign up with a name, an email and a password": with sign-in, what people sign up with
 * is their account's (User), not a record of their own beside it; the people are a role.
 */
function signUpSubject(list: PendingList, sentence: SentenceInfo): boolean {
  if (!list.subject || list.subject.includes(' ') || !SIGN_UP_WITH.test(sentence.plain)) return false;
  return regExp(String.raw`\b${list.subject}s?\s+(?:(?:can|must|should|will|first|simply|need to|have to)\s+)?` + SIGN_UP_WITH_SOURCE).test(sentence.plain);
}

/** Reads every sentence's field lists (to apply once the entities are known), scoring their subjects and items on the way. */
export function readListEvidence(sentences: SentenceInfo[], evidence: Evidence, signIn = false): PendingList[] {
  const pending: PendingList[] = [];
  const leadsSeen = new Set<number>();
  for (const sentence of sentences) {
    const lead = sentence.leadId !== undefined ? sentences[sentence.leadId] : undefined;
    // (Under a heading only bullets that name a field are its fields: "- Members log in." is not.)
    const leadIsList = !!lead && introducesList(lead) && (!headingNamesRecord(lead) || bulletIsField(sentence));
    for (const list of findFieldLists(sentence, leadIsList)) {
      if (signIn && signUpSubject(list, sentence)) list.subject = 'user';
      pending.push(list);
      scoreSubject(list, sentence, evidence);
      if (lead && list.leadId !== undefined && !leadsSeen.has(list.leadId)) {
        // A bullet list of fields makes the record its lead names an entity.
        leadsSeen.add(list.leadId);
        const key = leadSubjectKey(lead);
        if (key) addEvidence(evidence, key, 3, list.leadId);
      }
      scoreItems(list, sentence.id, evidence);
    }
  }
  return pending;
}

function scoreSubject(list: PendingList, sentence: SentenceInfo, evidence: Evidence): void {
  const source = sentence.id;
  if (list.subject && (list.items.length >= 2 || list.ownValue || list.items.some((i) => i.sub?.length)) && !titlesRecords(list, sentence)) addEvidence(evidence, list.subject, 3, source);
  // "with classes and instructors", "clients, their dogs, and walks": a list of plurals is a list of records.
  if (listOfRecords(list)) {
    for (const item of list.items) addEvidence(evidence, item.key, 2, source);
  }
}

function scoreItems(list: PendingList, source: number, evidence: Evidence): void {
  for (const item of list.items) {
    // ("the repair shop (name and address are known)": values of its own, said so in brackets.)
    if (item.sub?.length && ((item.plural && item.each) || item.ownValues)) addEvidence(evidence, item.key, 3, source);
    // "Each expense has an amount, a date, a note": a singular item there is a field, not evidence.
    else if (!item.plural && !item.sub) removeEvidence(evidence, item.key, source);
  }
}

/**
 * The records that have fields of their own: subjects of field lists (not lists of records) and
 * the records leads name over bullets ("- Customer" / "  - name" / "  - email" are one list).
 */
export function recordsWithFields(pending: PendingList[], sentences: SentenceInfo[]): Set<string> {
  const listed = pending.filter((l) => l.subject && l.items.length >= 2);
  const withFields = new Set(listed.filter((l) => !listOfRecords(l)).map((l) => l.subject!));
  const itemsByLead = new Map<number, number>();
  for (const list of pending) if (list.leadId !== undefined) itemsByLead.set(list.leadId, (itemsByLead.get(list.leadId) ?? 0) + list.items.length);
  for (const [leadId, count] of itemsByLead) {
    const key = count >= 2 ? leadSubjectKey(sentences[leadId]) : undefined;
    if (key) withFields.add(key);
  }
  return withFields;
}
