// Ownership: "members can only change their own bookings", "only the reporter or an admin may delete
// an issue", "only the speaker who wrote a proposal can withdraw it", "cancelled by the member who
// made them, not by other members", "only update cases assigned to them". The entity gets (or keeps)
// its owner link to User and an ownership rule for the actions the verbs name (create never).
import type { DraftEntity, DraftRelation } from '../draft';
import { NON_ENTITY, singular } from '../lexicon';
import { belongsTo } from './links';
import { addOrNote, fieldIn, isPeople, lastRecordIn, subjectRecordIn, mentionsIn, note, roleOf, type RuleContext } from './context';
import { actionsOf, isActionVerb, stripArticles, withoutSignIn, wordsOf, type Action } from './words';
import { pluralizeName, withArticle, words as nameWords } from '../../../model/project/naming';
import { guarded } from '../guardedRegExp';

export const OWNER_WORDS = /^(owner|author|creator|reporter|poster|writer|uploader|submitter|requester|requestor|organi[sz]er|seller|host|sender|maker|assignee|applicant|booker|renter|borrower)$/;

/** Action verbs in a fragment, as CRUD actions other than create (an owner exists only after creating). */
function ownedActions(fragment: string): Action[] {
  const verbs = wordsOf(withoutSignIn(fragment).replace(/\//g, ' ')).filter(isActionVerb);
  return actionsOf(verbs).filter((a) => a !== 'create');
}

/**
 * Makes `entity` user-owned through the relation the text names (e.g. its `reporter`), or through
 * the owner link the extractor would make; false with a note when it cannot be.
 */
export function makeOwned(ctx: RuleContext, entity: DraftEntity, names: string[] = []): boolean {
  if (entity.name === 'User') return false;
  const wanted = userLinkNamed(ctx, entity, names);
  if (wanted) {
    if (!entity.ownerRelation || entity.ownerRelation === wanted.name) {
      entity.ownerRelation = wanted.name;
      wanted.sources.add(ctx.sentence.id);
      return true;
    }
    note(ctx, `Looks like only the ${wanted.name} may change ${withArticle(entity.name)}, but ${entity.name} is already owned through ${entity.ownerRelation}; a record has one owner link.`);
    return false;
  }
  if (ctx.ensureOwner(entity.name, ctx.sentence.id)) return true;
  note(ctx, `Looks like an ownership rule on ${entity.name}, but ${ctx.roles.length ? `${entity.name} cannot be linked to the user who owns it` : 'the app has no sign-in, so rows have no owner'}.`);
  return false;
}

/** The first link from `entity` to User whose name holds one of `names` ("reporter", "assignee", a role), singular. */
function userLinkNamed(ctx: RuleContext, entity: DraftEntity, names: string[]): DraftRelation | undefined {
  return ctx.draft.relations.find((r) => r.kind === 'belongsTo' && r.from === entity.name && r.to === 'User' && names.some((n) => n && r.name.toLowerCase().includes(singular(n).toLowerCase().replace(/[^a-z]/g, ''))));
}

export function ownershipRule(ctx: RuleContext, entity: DraftEntity, actions: Action[], label: string, names: string[] = []): void {
  const list = actions.length ? actions : (['update', 'delete'] as Action[]);
  if (!makeOwned(ctx, entity, names)) return;
  addOrNote(ctx, { kind: 'ownership', entity: entity.name, actions: list, sources: [ctx.sentence.id] }, label);
}

/** "members can only change/cancel their own bookings", "I want to see only my own children". */
export function ownOwn(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain;
  const m = /\b(?:their|his|her|my|your|our|there|its|thier)\s+own\s+([a-z][a-z -]{1,40})/.exec(plain);
  if (!m) return false;
  const label = m[0];
  // "A reviewer cannot review their own talk": people kept from their own rows, the opposite of an
  // ownership rule (which lets only the owner act).
  if (/\b(?:cannot|can't|cant|can not|may not|must not|mustn't|should not|shouldn't|never|not allowed to|not be able to)\s+(?:[a-z]+\s+){0,2}$/.test(plain.slice(0, m.index))) {
    note(ctx, `Looks like people may not act on their own rows (${plain.slice(Math.max(0, m.index - 40), m.index + m[0].length).trim()}); an ownership rule does the opposite (only the owner may act), so nothing is enforced.`);
    return true;
  }
  if (ownedThrough(ctx, plain.slice(m.index + m[0].length - m[1].length), label)) return true;
  const target = mentionsIn(ctx, m[1]).find((x) => x.start === 0 && x.entity.name !== 'User');
  if (!target) {
    const head = stripArticles(wordsOf(m[1]))[0] ?? '';
    // "every product has its own SKU": a value the record stores (uniqueness, unique.ts), not a record someone owns.
    if (ctx.draft.entities.some((e) => fieldIn(e, stripArticles(wordsOf(m[1])), 1.8))) return false;
    if (mentionsIn(ctx, m[1]).some((x) => x.start === 0) || NON_ENTITY.has(head) || NON_ENTITY.has(singular(head))) return false;
    note(ctx, `Looks like an ownership rule (${label}), but "${stripArticles(wordsOf(m[1])).slice(0, 2).join(' ')}" is not a record type.`);
    return true;
  }
  const actions = ownedActions(plain.slice(0, m.index));
  for (const entity of ownedList(ctx, m[1], target)) ownershipRule(ctx, entity, actions, label);
  return true;
}

/** "their own orders and invoices": every record of the list after "own" is owned, not only the first. */
function ownedList(ctx: RuleContext, phrase: string, first: ReturnType<typeof mentionsIn>[number]): DraftEntity[] {
  const ws = wordsOf(phrase);
  const out = [first.entity];
  let end = first.end;
  for (const next of mentionsIn(ctx, ws).filter((x) => x.start > first.end && x.entity.name !== 'User').sort((a, b) => a.start - b.start)) {
    const between = ws.slice(end + 1, next.start);
    // Only joining words between ("orders, invoices and their own receipts"); anything else ends the list.
    if (!between.length || !between.every((w) => /^(?:and|or|,|&|the|their|his|her|my|your|our|own|all|any)$/.test(w)) || !between.some((w) => /^(?:and|or|,|&)$/.test(w))) break;
    if (!out.includes(next.entity)) out.push(next.entity);
    end = next.end;
  }
  return out;
}

/**
 * "their own centre's orders", "my own team's projects": the rows owned are the last noun's, owned
 * through another record. An ownership rule protects a row for its own owner, so it is said, not
 * put on the record before the possessive (that would protect the centre, not its orders).
 */
function ownedThrough(ctx: RuleContext, phrase: string, label: string): boolean {
  const poss = /^([a-z][a-z -]{0,30}?)(?:'s|s'|’s|s’)\s+([a-z][a-z -]{0,30})/.exec(phrase);
  if (!poss) return false;
  const owned = mentionsIn(ctx, poss[2]).find((x) => x.start === 0 && x.entity.name !== 'User');
  const via = stripArticles(wordsOf(poss[1])).join(' ');
  const through = `${label.replace(/\s+own\s+.*$/, ' own')} ${via}`;
  note(
    ctx,
    owned
      ? `Looks like an ownership rule on ${owned.entity.name} through another record (the ${pluralWords(owned.entity.name)} of ${through}); Takoss protects a row for the user who owns it, not for the owner of a linked record, so nothing is enforced. Add an ownership rule on ${owned.entity.name} if each is owned by one user, or ignore it.`
      : `Looks like an ownership rule through another record (${label}), but the record type owned was not found.`,
  );
  return true;
}

const pluralWords = (name: string): string => nameWords(pluralizeName(name)).join(' ').toLowerCase();

/** "only the reporter or an admin may delete an issue", "only the speaker who wrote a proposal can withdraw it". */
export function onlyOwner(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const who = /\b(?:only|(?:nobody|no one|no-one) (?:but|except|other than|apart from|besides))\s+(?:the|its|their|a|an)\s+([a-z][a-z -]{0,30}?)(?:\s+(?:who|that)\s+([a-z]+)\s+(?:a|an|the|it|them|this)?\s*([a-z][a-z -]{0,30}?))?(?:\s*(?:,|or|and)\s+(?:an?\s+|the\s+)?(?:admins?|administrators?|moderators?|managers?))?\s+(?:can|may|is allowed to|are allowed to|should be able to|should|will be able to)\s+(.+)$/.exec(plain);
  if (!who) return false;
  const whoWords = stripArticles(wordsOf(who[1]));
  const head = singular(whoWords[whoWords.length - 1] ?? '');
  const authored = !!who[2];
  // "only the assigned mechanic can mark a job done": the user the row is assigned to, in that role.
  const assignedOne = !authored && whoWords.length >= 2 && /^(?:assigned|allocated|designated|responsible)$/.test(whoWords[0]);
  if (!authored && !assignedOne && !OWNER_WORDS.test(head)) return false;
  // "the owner" who signs in as a role (a shop owner) restricts by role, not by row.
  if (!authored && !assignedOne && roleOf(ctx, whoWords) && !/\bof\b/.test(who[1])) return false;
  const rest = who[4];
  const label = plain.slice(who.index, who.index + 140);
  const object = mentionsIn(ctx, rest).find((x) => x.entity.name !== 'User');
  const authoredObject = authored ? mentionsIn(ctx, who[3] ?? '').find((x) => x.entity.name !== 'User') : undefined;
  const entity = authoredObject?.entity ?? object?.entity ?? ctx.draft.entities.find((e) => e.name === ctx.hint && e.name !== 'User');
  if (!entity) {
    note(ctx, `Looks like only the ${whoWords.join(' ')} may act on a record (${label}), but the record type was not found.`);
    return true;
  }
  // "only the member who posted a listing can accept an offer on it": the row acted on is not the one authored.
  if (authoredObject && object && object.entity !== authoredObject.entity) {
    note(ctx, `Looks like only the user who ${who[2]} ${withArticle(authoredObject.entity.name)} may act on ${withArticle(object.entity.name)} of it (${label}); an ownership rule protects a record for its own owner, not for the owner of another record, so nothing is enforced.`);
    return true;
  }
  if (assignedOne) return onlyAssigned(ctx, entity, head, ownedActions(rest), label);
  const rules = ctx.outcome.rules;
  ownershipRule(ctx, entity, ownedActions(rest), label, authored ? [whoWords[whoWords.length - 1], who[2]] : [head]);
  // "only the owner can …" may also mean the owner of the business, a person who signs in.
  if (ctx.outcome.rules > rules && head === 'owner' && !/\bof\b/.test(who[1])) {
    note(ctx, `Read as: only the user who owns the ${entity.name} row (or an admin). If "the owner" is a person who signs in (e.g. the owner of the business), add an "owner" role and restrict ${entity.name} to it instead.`);
  }
  return true;
}

/** Only the user `entity` is assigned to (its link to User named after the role, or its assignee) may act on it. */
function onlyAssigned(ctx: RuleContext, entity: DraftEntity, role: string, actions: Action[], label: string): boolean {
  const assigned = userLinkNamed(ctx, entity, [role, 'assign']);
  if (!assigned) {
    note(ctx, `Looks like only the ${role} ${withArticle(entity.name)} is assigned to may act on it (${label}), but ${entity.name} has no link to the user it is assigned to. Say who is assigned ("each ${nameWords(entity.name).join(' ').toLowerCase()} is assigned to one ${role}").`);
    return true;
  }
  ownershipRule(ctx, entity, actions, label, [assigned.name]);
  return true;
}

/** "… can be cancelled up to 2 hours before, by the member who made them, not by other members". */
export function notByOthers(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain;
  const by = /\bby the ([a-z][a-z -]{0,30}?) (?:who|that) (?:made|created|booked|wrote|placed|submitted|opened|added|posted|owns?|raised|reported|entered) (?:them|it)\b/.exec(plain);
  const others = /\bnot by (?:other|others|anyone else|anybody else|someone else)\b/.exec(plain);
  if (!by && !others) return false;
  // The record is the subject of the passive ("members' bookings can be cancelled …").
  const passive = /^(.*?)\b(?:can|may|could|should|must)\s+(?:only\s+)?be\s+([a-z]+(?:ed|en|t))\b/.exec(plain) ?? /^(.*?)\b(?:are|is)\s+(?:only\s+)?([a-z]+(?:ed|en))\s+(?:only\s+)?by\b/.exec(plain);
  const subject = passive ? subjectRecordIn(ctx, passive[1]) : undefined;
  const entity = subject?.entity ?? mentionsIn(ctx, ctx.sentence.plain).find((x) => x.entity.name !== 'User')?.entity;
  const label = (by ?? others)![0];
  if (!entity) {
    note(ctx, `Looks like an ownership rule (${label}), but the record it protects was not found.`);
    return true;
  }
  ownershipRule(ctx, entity, actionsOf(passive ? [passive[2]] : []).filter((a) => a !== 'create'), label);
  return true;
}

const MADE_BY_THEM = guarded(/\b([a-z][a-z -]{1,30}?)\s+(?:that\s+|which\s+)?(?:they|he|she|i|we|you)\s+(?:have\s+|has\s+)?(?:created|made|wrote|written|posted|added|submitted|booked|placed|opened|raised|reported|uploaded|own|entered)\b/);

/** "each user sees only the tasks they created", "members can only cancel bookings they made". */
export function ownCreated(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain;
  const m = MADE_BY_THEM.exec(plain);
  if (!m || !/\bonly\b/.test(plain)) return false;
  const target = lastRecordIn(ctx, m[1]);
  if (!target) return false;
  const beforeWords = [...wordsOf(plain.slice(0, m.index)), ...wordsOf(m[1]).slice(0, target.start)];
  ownershipRule(ctx, target.entity, ownedActions(beforeWords.join(' ')), m[0].trim());
  return true;
}

const ASSIGNED_TO_THEM = guarded(/\b([a-z][a-z -]{1,30}?)\s+(?:that are\s+|which are\s+)?(?:assigned|allocated|given|linked)\s+to\s+(?:them|him|her|me|themselves|myself|you)\b/);

/** "translators see only the orders assigned to them", "only update cases assigned to them". */
export function assignedToThem(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain;
  const m = ASSIGNED_TO_THEM.exec(plain);
  if (!m || !/\bonly\b/.test(plain)) return false;
  const target = lastRecordIn(ctx, m[1]);
  const label = m[0].slice(-140);
  if (!target) {
    note(ctx, `Looks like people may only work on what is assigned to them (${label}), but "${stripArticles(wordsOf(m[1])).join(' ')}" is not a record type.`);
    return true;
  }
  const entity = target.entity;
  // Who the rows are assigned to: the people named before the record ("drivers only update deliveries …").
  const beforeWords = [...wordsOf(plain.slice(0, m.index)), ...wordsOf(m[1]).slice(0, target.start)];
  const named = mentionsIn(ctx, beforeWords);
  const actor = named.find((x) => x.entity !== entity && belongsTo(ctx, entity, x.entity).length) ?? named.find((x) => x.person || isPeople(ctx, x.entity.key.split(' ')));
  const names = ['assign', 'assignee', actor?.role ?? '', ...(actor ? beforeWords.slice(actor.start, actor.end + 1) : [])].filter(Boolean);
  const assigned = userLinkNamed(ctx, entity, names);
  if (!assigned) {
    const toEntity = actor && actor.entity.name !== 'User' ? belongsTo(ctx, entity, actor.entity)[0] : undefined;
    note(
      ctx,
      toEntity
        ? `Looks like ${actor!.entity.name} rows may only see or change the ${entity.name} rows assigned to them, but they are records, not signed-in users; ownership works through a link to User.`
        : `Looks like people may only work on the ${entity.name} rows assigned to them, but ${entity.name} has no link to the user it is assigned to.`,
    );
    return true;
  }
  ownershipRule(ctx, entity, ownedActions(beforeWords.join(' ')), label, [assigned.name]);
  return true;
}
