// Linking two records from one sentence being read: the sentence's state (its analysis, the record
// "it" refers to, the story's role), finding the record a phrase names, and adding a belongs-to link
// unless the pair is already linked, one end is a kind word, or a joining row already links them.
import { addRelation, type Draft, type DraftEntity } from './draft';
import type { Analysis, NounPhrase } from './grammar';
import { PLACE_ROWS } from './rules/words';
import { entityOf } from './phraseEntity';
import { sharedHeadEntity } from './sharedHeads';

/** Nouns that name kinds of a record, not a record linked to it ("two variants of the controller"). */
export const KIND_WORDS = /^(kind|type|sort|variant|variety|subtype)$/;

/** One sentence being read: its words, and what linking two records with it as the source needs. */
export interface SentenceRead {
  draft: Draft;
  roleWords: Set<string>;
  analysis: Analysis;
  id: number;
  /** The record "it" refers to when the sentence names none before the pronoun. */
  previousTopic: DraftEntity | undefined;
  /** Whether the sentence just before started with that record (a pronoun reaches back one sentence only, to its first noun). */
  topicJustBefore: boolean;
  /** "As a parent, I want …": the phrase naming the role, and the record "I" stands for. */
  asRole: NounPhrase | undefined;
  storyActor: DraftEntity | undefined;
  /** "An author writes many books" seen as author>book: with "a book has many authors" the pair is many-to-many. */
  manySides: Set<string>;
}

export function entityIn(read: SentenceRead, phrase: NounPhrase | undefined): DraftEntity | undefined {
  return (phrase && sharedHeadEntity(read.draft, read.analysis, phrase)) ?? entityOf(read.draft, phrase, read.roleWords);
}

export function linksPair(r: { from: string; to: string }, a: DraftEntity, b: DraftEntity): boolean {
  return (r.from === a.name && r.to === b.name) || (r.from === b.name && r.to === a.name);
}

/** The child belongs to the parent, unless the two are already linked (either way) or the link says nothing. */
export function link(read: SentenceRead, child: DraftEntity | undefined, parent: DraftEntity | undefined, name?: string): void {
  const { draft, id } = read;
  if (!child || !parent || child === parent || child.name === 'User' || KIND_WORDS.test(child.key) || KIND_WORDS.test(parent.key)) return;
  if (draft.relations.some((r) => linksPair(r, child, parent))) return;
  if (joinedBy(draft, child, parent)) return;
  if (parent.name === 'User' && !name) return;
  if (addRelation(draft, { from: child.name, to: parent.name, name, required: true, onDelete: parent.name === 'User' ? 'cascade' : 'restrict' }, id)) draft.used.add(id);
}

/** A link under a role's name: a second link of the pair when none has that name yet. */
export function linkNamed(read: SentenceRead, child: DraftEntity, parent: DraftEntity, name: string): void {
  const { draft, id } = read;
  if (child === parent || child.name === 'User' || parent.name === 'User' || KIND_WORDS.test(child.key) || KIND_WORDS.test(parent.key)) return;
  if (draft.relations.some((r) => linksPair(r, child, parent) && (r.name === name || r.inverseName === name))) return;
  if (addRelation(draft, { from: child.name, to: parent.name, name, required: false, onDelete: 'setNull' }, id)) draft.used.add(id);
}

/**
 * A row that records one of them taking part in the other (an enrolment of a student in a course, a
 * booking of a member on a class) and belongs to both: "a course takes at most 15 students" is then
 * about those rows, not a second link (a student belongs to many courses through them). The user
 * (the owner of such rows) keeps its direct links.
 */
function joinedBy(draft: Draft, a: DraftEntity, b: DraftEntity): DraftEntity | undefined {
  if (a.name === 'User' || b.name === 'User') return undefined;
  const belongs = (from: DraftEntity, to: DraftEntity) => draft.relations.some((r) => r.kind === 'belongsTo' && r.from === from.name && r.to === to.name);
  return draft.entities.find((e) => e !== a && e !== b && (PLACE_ROWS.test(e.key) || PLACE_ROWS.test(e.key.split(' ').pop() ?? '')) && belongs(e, a) && belongs(e, b));
}
