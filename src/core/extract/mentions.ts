// Finds which entities (and which people words, meaning User) a sentence names, in order.
import { findEntity, type Draft, type DraftEntity } from './draft';
import { entityIndex } from './entityIndex';
import { trailingPhrase } from './phrases';
import { PERSON_NOUNS, singular, STAFF_ROLES, tokenize, USER_WORDS, type Token } from './lexicon';
import { phrasesIn } from './entities';

export interface Mention {
  entity: string;
  /** Token index of the first word and of the head noun. */
  start: number;
  head: number;
  plural: boolean;
  /** The word was a people word mapped to User (value: role name, or '' for generic users). */
  role?: string;
}

export interface SentenceMentions {
  tokens: Token[];
  mentions: Mention[];
}

/** Resolves a phrase key to an entity, dropping leading modifiers that are not part of a name. */
export function resolveKey(draft: Draft, key: string): string | undefined {
  const words = key.split(' ');
  // "an application form with …": a form of a record is how that record is entered (not a "consent form",
  // where no consent record exists).
  const formOf = words.length > 1 && words[words.length - 1] === 'form' && !draft.entities.some((e) => e.key === key) ? resolveKey(draft, words.slice(0, -1).join(' ')) : undefined;
  if (formOf && formOf !== 'User') return formOf;
  for (let i = 0; i < words.length; i++) {
    const candidate = words.slice(i).join(' ');
    const entity = draft.entities.find((e) => e.key === candidate);
    if (entity) return entity.name;
  }
  return undefined;
}

/**
 * The record (never User) the last noun phrase of some words names. With `byHead`, a head alone names
 * the one record of its kind ("leave requests … requests can be approved" is LeaveRequest).
 */
export function recordNamedBy(draft: Draft, words: string, byHead = false): DraftEntity | undefined {
  const phrase = trailingPhrase(words);
  if (!phrase) return undefined;
  const name = resolveKey(draft, phrase.key);
  const onlyOfItsKind = byHead && !name && !phrase.key.includes(' ') ? entityIndex(draft).compoundsByHead.get(phrase.key) : undefined;
  const entity = name ? findEntity(draft, name) : onlyOfItsKind?.length === 1 ? onlyOfItsKind[0] : undefined;
  return entity?.name === 'User' ? undefined : entity;
}

export function findMentions(draft: Draft, plain: string, roleWords: Set<string>): SentenceMentions {
  const tokens = tokenize(plain);
  const mentions: Mention[] = [];
  const hasUser = draft.entities.some((e) => e.name === 'User');
  const phrases = phrasesIn(tokens);
  for (let k = 0; k < phrases.length; k++) {
    const phrase = phrases[k];
    const head = singular(tokens[phrase.head].w);
    // ("every business owner can own …": a role of two words is one person, not a business and an owner.)
    const role = hasUser ? compoundRole(phrase, phrases[k + 1], roleWords) : undefined;
    if (role) {
      mentions.push({ entity: 'User', start: phrase.start, head: phrases[k + 1].head, plural: phrases[k + 1].plural, role: role.replace(/ /g, '_') });
      k++;
      continue;
    }
    const entity = resolveKey(draft, phrase.key);
    if (entity) {
      mentions.push({ entity, start: phrase.start, head: phrase.head, plural: phrase.plural });
      continue;
    }
    if (hasUser && (USER_WORDS.has(tokens[phrase.head].w) || USER_WORDS.has(head) || roleWords.has(head))) {
      const role = STAFF_ROLES[head] ?? (roleWords.has(head) ? head : '');
      mentions.push({ entity: 'User', start: phrase.start, head: phrase.head, plural: phrase.plural, role });
    } else if (hasUser && PERSON_NOUNS.has(head) && roleWords.has(head)) {
      mentions.push({ entity: 'User', start: phrase.start, head: phrase.head, plural: phrase.plural, role: head });
    }
  }
  return { tokens, mentions };
}

/** A phrase and the one right after it that together are a two-word role ("business" + "owner"). */
function compoundRole(phrase: { head: number; key: string }, next: { start: number; head: number; key: string } | undefined, roleWords: Set<string>): string | undefined {
  if (!next || next.start !== phrase.head + 1 || next.head !== next.start) return undefined;
  const joined = `${phrase.key} ${next.key}`;
  return roleWords.has(joined) ? joined : undefined;
}
