// Roles: "only admins can delete tickets", "only timetablers can create, move or delete lessons",
// "only clerks approve or reject applications", "I want only teachers and myself to edit attendance",
// "nobody but the treasurer may mark rent as paid", "deleting boxes is restricted to managers", "the
// owner manages products". A role that changes records' state without "only" is noted, not enforced.
import type { Rule } from '../../../model/project/projectSpec';
import type { DraftEntity } from '../draft';
import { STAFF_ROLES, singular } from '../lexicon';
import { addOrNote, fieldIn, isPeople, lastRecordIn, locateField, mentionsIn, note, roleOf, type RuleContext } from './context';
import { OWNER_WORDS as OWNERS, ownershipRule } from './ownership';
import { an, actionsOf, isActionVerb, stripArticles, verbLemma, withoutSignIn, wordsOf, type Action } from './words';

const MODALS = /^(can|may|should|could|will|must|to|shall)$/;
const SEPARATORS = /^(or|and|n|&|plus)$/;
const EVERYTHING = /^(?:all )?(?:things|anything|everything|records|data|items|entries|all|stuff|all of it|any record|any data)$/;
const SELF = /^(me|myself|i|us|ourselves|we)$/;
const OWNER_WORDS = /^(owner|author|creator|reporter|poster|writer|uploader|submitter|requester|organi[sz]er|seller|host|sender|maker|assignee)$/;

/** Roles named by "league admins", "teachers and myself", "me n jonas (admins)"; `unknown` lists words that are people but no role. */
export function rolesNamed(ctx: RuleContext, text: string): { roles: string[]; unknown: string[]; people: boolean } {
  const roles: string[] = [];
  const unknown: string[] = [];
  const paren = /\(([^()]+)\)/.exec(text);
  const parenRoles = paren ? wordsOf(paren[1]).map((w) => roleOf(ctx, [w])).filter((r): r is string => !!r) : [];
  const outside = text.replace(/\([^()]*\)/g, ' ');
  const parts: string[][] = [[]];
  for (const w of wordsOf(outside.replace(/,/g, ' and '))) {
    if (SEPARATORS.test(w)) parts.push([]);
    else parts[parts.length - 1].push(w);
  }
  let people = false;
  for (const part of parts.map((p) => stripArticles(p)).filter((p) => p.length)) {
    if (part.length === 1 && SELF.test(part[0])) {
      const mine = ctx.narrator ? roleOf(ctx, wordsOf(ctx.narrator)) : undefined;
      if (mine) roles.push(mine);
      else unknown.push(ctx.narrator ?? part[0]);
      people = true;
      continue;
    }
    const role = roleOf(ctx, part);
    if (role) {
      roles.push(role);
      people = true;
    } else if (isPeople(ctx, part)) {
      unknown.push(part.join(' '));
      people = true;
    } else if (!parenRoles.length) unknown.push(part.join(' '));
  }
  if (parenRoles.length) {
    people = true;
    // "me n jonas (admins)": the names are people of that role.
    roles.push(...parenRoles);
    unknown.length = 0;
  }
  return { roles: [...new Set(roles)], unknown, people };
}

interface Act {
  verb: string;
  object: string[];
}

/** "create, move or delete lessons" -> create/move/delete lessons; "delete a box or change a location's weight" -> two. */
function verbPhrases(text: string): Act[] {
  const ws = withoutSignIn(text.toLowerCase()).replace(/\//g, ' , ').match(/[a-z0-9]+(?:[-'][a-z0-9]+)*|,/g) ?? [];
  const acts: Act[] = [];
  let expectVerb = true;
  for (const raw of ws) {
    const w = raw.replace(/'s$/, '');
    if (/^(so|because|since|which|when|if|unless|but|while|otherwise|without)$/.test(w)) break;
    if (SEPARATORS.test(w) || w === ',') {
      expectVerb = true;
      continue;
    }
    if (expectVerb && isActionVerb(w)) {
      acts.push({ verb: w, object: [] });
      expectVerb = false;
      continue;
    }
    if (!acts.length) {
      if (/^(be|able|also|only|ever|actually|directly)$/.test(w)) continue;
      return [];
    }
    acts[acts.length - 1].object.push(w);
    expectVerb = false;
  }
  // Verbs without an object share the next one's ("create, move or delete lessons").
  for (let i = acts.length - 2; i >= 0; i--) if (!acts[i].object.length) acts[i].object = acts[i + 1].object;
  return acts;
}

/** The record a verb's object names: an entity, an entity's field ("prices on a service record"), or "it". */
function objectEntity(ctx: RuleContext, object: string[]): DraftEntity | undefined {
  const words = stripArticles(object);
  if (!words.length || /^(it|them|this|that|these|those)$/.test(words[0])) return ctx.draft.entities.find((e) => e.name === ctx.hint && e.name !== 'User');
  const named = mentionsIn(ctx, words).filter((m) => m.entity.name !== 'User' || !m.person);
  if (named.length) {
    // "rent as paid": the state after "as"/"to" may name the entity that stores it.
    return named[0].entity;
  }
  const cut = words.findIndex((w) => /^(as|to|from|into|for|in|on|of|at)$/.test(w));
  const head = cut > 0 ? words.slice(0, cut) : words;
  const hit = locateField(ctx, head.join(' '), []);
  if (hit?.field) return hit.entity;
  if (cut > 0) {
    const state = words.slice(cut + 1);
    for (const e of ctx.draft.entities) if (e.name !== 'User' && (fieldIn(e, state, 2.5) || e.fields.some((f) => f.enumValues?.includes(state.join('_'))))) return e;
  }
  return undefined;
}

function roleRules(ctx: RuleContext, roles: string[], acts: Act[], label: string): void {
  const byEntity = new Map<DraftEntity, Set<Action>>();
  const missing: string[] = [];
  for (const act of acts) {
    const actions = actionsOf([act.verb]);
    // "only admins can delete things": every record type.
    if (actions.length && stripArticles(act.object).length <= 2 && EVERYTHING.test(stripArticles(act.object).join(' '))) {
      for (const e of ctx.draft.entities.filter((x) => x.name !== 'User')) {
        const set = byEntity.get(e) ?? new Set<Action>();
        actions.forEach((a) => set.add(a));
        byEntity.set(e, set);
      }
      continue;
    }
    const entity = objectEntity(ctx, act.object);
    if (!entity || !actions.length) {
      missing.push(`${act.verb} ${act.object.join(' ')}`.trim());
      continue;
    }
    const set = byEntity.get(entity) ?? new Set<Action>();
    actions.forEach((a) => set.add(a));
    byEntity.set(entity, set);
  }
  for (const [entity, set] of byEntity) {
    const actions = (['create', 'read', 'update', 'delete'] as Action[]).filter((a) => set.has(a));
    addOrNote(ctx, { kind: 'roleRequired', entity: entity.name, actions, roles, sources: [ctx.sentence.id] }, label);
  }
  // "only the treasurer can mark rent as paid" with no "paid" on the record the rule was bound to: said, not silently widened.
  for (const act of acts) {
    const words = stripArticles(act.object);
    const cut = words.findIndex((w) => w === 'as' || w === 'to');
    if (cut < 1 || !STATE_VERBS.has(verbLemma(act.verb))) continue;
    const state = words.slice(cut + 1).filter((w) => !/^(a|an|the)$/.test(w));
    const entity = objectEntity(ctx, act.object);
    if (!state.length || state.length > 3 || !entity || !byEntity.has(entity)) continue;
    const stored = fieldIn(entity, state, 2.5) || entity.fields.some((f) => f.enumValues?.includes(state.join('_')));
    if (!stored) note(ctx, `Looks like only ${roles.join(' and ')} may ${verbLemma(act.verb)} ${an(entity.name)} as "${state.join(' ')}", but ${entity.name} stores no "${state.join(' ')}" value; the role rule made covers every change of ${entity.name}, and the state itself is not checked.`);
  }
  if (missing.length) note(ctx, `Looks like only ${roles.join(' and ')} may ${missing.join(', ')}, but ${missing.length > 1 ? 'these do' : 'this does'} not name a record type of the model.`);
}

/** "only admins can delete tickets", "only clerks approve or reject applications", "nobody but the treasurer may …". */
export function onlyRole(ctx: RuleContext): boolean {
  // "managers alone can delete invoices" is "only managers can …".
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, '')).replace(/^(?:the\s+)?([a-z][a-z ]{0,30}?)\s+alone\s+(?=(?:can|may|should|will|are allowed to|is allowed to)\b)/, 'only $1 ');
  const m = /\b(?:only|(?:nobody|no one|no-one) (?:but|except|other than|apart from|besides))\s+(.+)$/.exec(plain);
  if (!m) return false;
  // Who: the words up to a modal or the first action verb; the rest is what they do.
  const tokens = m[1].split(/\s+/);
  const first = tokens[0].replace(/[^a-z']/g, '');
  if (/^(be|been|being|if|when|while|whilst|until|before|after|once|need|needs|have|has|had|get|gets|to|for|in|on|at|with|by|from|during|within|within|as|so|because|then|just|ever|one|two|three|few|some|possible|allowed|permitted|available|valid)$/.test(first) || /^a (?:few|little|couple)\b/.test(m[1]) || (isActionVerb(first) && !isPeople(ctx, [first]))) return false;
  let i = 0;
  let depth = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    depth += (t.match(/\(/g) ?? []).length - (t.match(/\)/g) ?? []).length;
    const w = t.replace(/[^a-z'-]/g, '');
    if (depth > 0 || /[()]/.test(t)) continue;
    if (MODALS.test(w) || /^(is|are) (allowed|able)$/.test(`${w} ${tokens[i + 1] ?? ''}`)) break;
    if (i > 0 && isActionVerb(w) && !isPeople(ctx, [w]) && !STAFF_ROLES[singular(w)]) break;
  }
  if (i === 0 || i >= tokens.length) return false;
  const whoText = tokens.slice(0, i).join(' ');
  // "only the teacher who created a course": the author of the row; "only drivers edit their own rides": ownership (ownership.ts).
  if (/\b(?:who|that|which|whose)\b/.test(whoText) || /\b(?:their|his|her|my|your|our|there|thier)\s+own\b/.test(plain)) return false;
  let restTokens = tokens.slice(i);
  while (restTokens.length && /^(can|may|should|could|will|must|to|shall|be|able|is|are|allowed|get)$/.test(restTokens[0].replace(/[^a-z]/g, ''))) restTokens = restTokens.slice(1);
  const who = rolesNamed(ctx, whoText);
  // Words that name no record are taken for people ("only treasurers can …"); records are not ("only the orders …").
  if (!who.people && mentionsIn(ctx, whoText).some((x) => x.entity.name !== 'User')) return false;
  if (!who.people && !stripArticles(wordsOf(whoText)).length) return false;
  // "only the reporter (or an admin)": the owner of the row, read by ownership.ts.
  if (wordsOf(whoText).some((w) => OWNER_WORDS.test(singular(w)) && !roleOf(ctx, [w]))) return false;
  const acts = verbPhrases(restTokens.join(' '));
  const label = plain.slice(m.index, m.index + 140);
  if (!acts.length) {
    if (who.roles.length) note(ctx, `Looks like a restriction to ${who.roles.join(' and ')} (${label}), but what they alone may do was not recognised as creating, changing, deleting or seeing a record.`);
    return who.roles.length > 0;
  }
  if (who.unknown.length && !who.roles.length) {
    note(ctx, `Looks like only ${who.unknown.join(' and ')} may ${acts.map((a) => a.verb).join('/')} (${label}), but ${who.unknown.join(' and ')} ${who.unknown.length > 1 ? 'are' : 'is'} not a sign-in role of the app${ctx.roles.length ? ` (${ctx.roles.join(', ')})` : ' (it has no sign-in)'}.`);
    return true;
  }
  if (who.unknown.length) note(ctx, `Only the roles ${who.roles.join(' and ')} are enforced; ${who.unknown.join(' and ')} ${who.unknown.length > 1 ? 'are' : 'is'} not a sign-in role.`);
  roleRules(ctx, who.roles, acts, label);
  return true;
}

/** "leave requests can only be approved by managers", "a post can be edited only by its author". */
export function onlyBy(ctx: RuleContext): boolean {
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, ''));
  const m = /^(.*?)\b(?:can|may|should|must|will|are|is|shall)\s+(only\s+)?be\s+([a-z]+(?:ed|en|t|ne)(?:\s*(?:,|or|and)\s*(?:be\s+)?[a-z]+(?:ed|en|t|ne))*)\s+(only\s+)?by\s+(.+)$/.exec(plain);
  // "… can be deleted by admins only".
  if (m && !m[2] && !m[4] && /\s+only$/.test(m[5])) {
    m[4] = 'only';
    m[5] = m[5].replace(/\s+only$/, '');
  }
  // "a seat can be booked by one passenger only": a count of people, not a role.
  if (m && /^\s*(?:one|a single|exactly one|just one|two|\d+)\b/.test(m[5])) return false;
  if (!m) {
    // "invoices are approved by a manager": a plain passive.
    const passive = /^(.*?)\b(?:is|are|gets?|get)\s+([a-z]+(?:ed|en|t|ne))(?:\s+(?:off|out|up))?\s+by\s+(.+)$/.exec(plain);
    return passive ? byWithoutOnly(ctx, passive[1], passive[2], passive[3], plain) : false;
  }
  if (!m[2] && !m[4]) return byWithoutOnly(ctx, m[1], m[3], m[5], plain);
  const entity = lastRecordIn(ctx, m[1])?.entity ?? (/^\s*(?:it|they)\s*$/.test(m[1]) ? ctx.draft.entities.find((e) => e.name === ctx.hint) : undefined);
  const verbs = m[3].split(/\s*(?:,|\bor\b|\band\b)\s*/).map((v) => v.replace(/^be\s+/, '')).filter(Boolean);
  const actions = actionsOf(verbs);
  const by = m[5].split(/\s*(?:,|\bso\b|\bbecause\b|\bsince\b)\s*/)[0];
  const label = plain.slice(0, 140);
  if (!entity || !actions.length) {
    note(ctx, `Looks like only ${by} may ${verbs.join('/')} something (${label}), but the record type was not found.`);
    return true;
  }
  const byWords = stripArticles(wordsOf(by));
  // "by its author", "by the person who created it": the row's owner.
  if (byWords.some((w) => OWNERS.test(singular(w)) && !roleOf(ctx, [w])) || /\b(?:who|that|whoever)\s+(?:created|wrote|made|added|posted|submitted|booked|opened|raised|reported|owns?)\b/.test(by)) {
    ownershipRule(ctx, entity, actions.filter((a) => a !== 'create'), label, byWords);
    return true;
  }
  const who = rolesNamed(ctx, by);
  if (!who.roles.length) {
    note(ctx, `Looks like only ${by} may ${verbs.join('/')} ${an(entity.name)} (${label}), but ${by} is not a sign-in role of the app${ctx.roles.length ? ` (${ctx.roles.join(', ')})` : ' (it has no sign-in)'}.`);
    return true;
  }
  addOrNote(ctx, { kind: 'roleRequired', entity: entity.name, actions, roles: who.roles, sources: [ctx.sentence.id] }, label);
  return true;
}

function fieldOwner(ctx: RuleContext, subject: string): DraftEntity | undefined {
  const words = stripArticles(wordsOf(subject));
  if (!words.length || words.length > 4) return undefined;
  const hit = locateField(ctx, words.join(' '), []);
  return hit?.field ? hit.entity : undefined;
}

/**
 * "a post can be edited by its author" (the row's owner: an ownership rule), "invoices are approved
 * by a manager" (a sign-in role doing it, without "only": noted with the rule as a one-click
 * suggestion, like roleMayChange). Anything else ("orders are shipped by courier") is not a rule.
 */
function byWithoutOnly(ctx: RuleContext, subject: string, verbText: string, byText: string, plain: string): boolean {
  // "a player can play a game when it is published by the admin": the passive is a condition, not the statement.
  if (/\b(?:not|never|no longer|when|whenever|if|once|after|before|while|until|unless|because|so|can|may|must|should|will)\b|:/.test(subject)) return false;
  // "prices are set by managers": a field names its record.
  const entity =
    lastRecordIn(ctx, subject)?.entity ??
    (/^\s*(?:it|they)\s*$/.test(subject) ? ctx.draft.entities.find((e) => e.name === ctx.hint) : undefined) ??
    fieldOwner(ctx, subject);
  const verbs = verbText.split(/\s*(?:,|\bor\b|\band\b)\s*/).map((v) => v.replace(/^be\s+/, '')).filter(Boolean);
  const actions = actionsOf(verbs);
  if (!entity || entity.name === 'User' || !actions.length) return false;
  const by = byText.split(/\s*(?:,|\bso\b|\bbecause\b|\bsince\b|\bwhen\b|\bif\b|\bbefore\b|\bafter\b)\s*/)[0];
  const byWords = stripArticles(wordsOf(by));
  const label = plain.slice(0, 140);
  // "can be edited by its author": only a permission modal makes it the owner's right.
  if (/^(?:its|their|his|her)$/.test(wordsOf(by)[0] ?? '') && byWords.length <= 2 && byWords.some((w) => OWNERS.test(singular(w)) && !roleOf(ctx, [w])) && new RegExp(String.raw`\b(?:can|may)\s+be\s+${verbText}\s+by\b`).test(plain)) {
    const owned = actions.filter((a) => a !== 'create');
    if (!owned.length) return false;
    ownershipRule(ctx, entity, owned, label, byWords);
    return true;
  }
  if (byWords.length > 3) return false;
  const who = rolesNamed(ctx, by);
  if (!who.roles.length || who.unknown.length) return false;
  const changes = actions.filter((a) => a !== 'read');
  if (!changes.length) return false;
  const rule: Rule = { kind: 'roleRequired', entity: entity.name, actions: changes, roles: who.roles, sources: [ctx.sentence.id] };
  note(ctx, `Says who does this to ${an(entity.name)} (${label}), but not that only ${who.roles.join(' or ')} may; nothing is enforced. Add the rule if nobody else should.`, [
    { kind: 'addRule', rule, label: `Only ${who.roles.join(' or ')} may ${changes.join('/')} ${entity.name} rows` },
  ]);
  return true;
}

/** "admins are the only ones who can delete users". */
export function onlyOnes(ctx: RuleContext): boolean {
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, ''));
  const m = /^(.*?)\s+(?:is|are)\s+the\s+only\s+(?:ones?|people|persons|users|role|roles)\s+(?:(?:who|that)\s+(?:can|may|are allowed to|is allowed to|should)|allowed to|permitted to|able to)\s+(.+)$/.exec(plain);
  if (!m) return false;
  const who = rolesNamed(ctx, m[1]);
  const label = plain.slice(0, 140);
  if (!who.roles.length) {
    note(ctx, `Looks like only ${m[1]} may ${m[2]} (${label}), but ${m[1]} is not a sign-in role of the app${ctx.roles.length ? ` (${ctx.roles.join(', ')})` : ' (it has no sign-in)'}.`);
    return true;
  }
  const acts = verbPhrases(m[2]);
  if (!acts.length) return false;
  roleRules(ctx, who.roles, acts, label);
  return true;
}

/** "deleting boxes is restricted to managers", "rooms are reserved for staff". */
export function restrictedTo(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = /^(.*?)\b(?:is|are)\s+(?:restricted|limited|reserved)\s+(?:to|for)\s+(.+)$/.exec(plain) ?? /^(.*?)\b(?:is|are)\s+(?:for\s+)?([a-z][a-z ]*?)\s+only$/.exec(plain);
  if (!m) return false;
  const who = rolesNamed(ctx, m[2]);
  if (!who.people) return false;
  const label = plain.slice(0, 140);
  if (!who.roles.length) {
    note(ctx, `Looks like a restriction to ${who.unknown.join(' and ')} (${label}), but that is not a sign-in role of the app.`);
    return true;
  }
  const subject = stripArticles(wordsOf(m[1]));
  const gerund = subject.findIndex((w) => /ing$/.test(w) && isActionVerb(w));
  const acts: Act[] = gerund >= 0 ? [{ verb: subject[gerund], object: subject.slice(gerund + 1) }] : ['create', 'read', 'update', 'delete'].map((verb) => ({ verb: verb === 'read' ? 'see' : verb, object: subject }));
  roleRules(ctx, who.roles, acts, label);
  return true;
}

/**
 * "deleting invoices requires a manager" (only that role may: the rule); "approving invoices is the
 * job of managers", "managers are responsible for approving invoices" (who does it, not that only
 * they may: noted with the rule as a one-click suggestion).
 */
export function roleForAction(ctx: RuleContext): boolean {
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, '')).trim();
  const requires = /^([a-z]+ing\b.*?)\s+(?:requires|needs|is only for|is for)\s+(?:a|an|the)?\s*([a-z][a-z ]{0,30}?)(?:\s+(?:role|rights|permission|account|access))?$/.exec(plain);
  const job = /^([a-z]+ing\b.*?)\s+is\s+(?:the\s+)?(?:job|task|responsibility|duty)\s+of\s+(?:a|an|the)?\s*([a-z][a-z ]{0,30})$/.exec(plain);
  const responsible = /^(?:the\s+)?([a-z][a-z ]{0,30}?)\s+(?:is|are)\s+(?:responsible|in charge)\s+(?:for|of)\s+([a-z]+ing\b.*)$/.exec(plain);
  const action = requires?.[1] ?? job?.[1] ?? responsible?.[2];
  const whoText = requires?.[2] ?? job?.[2] ?? responsible?.[1];
  if (!action || !whoText) return false;
  const who = rolesNamed(ctx, whoText);
  if (!who.roles.length || who.unknown.length) return false;
  const acts = verbPhrases(action);
  if (!acts.length) return false;
  const label = plain.slice(0, 140);
  if (requires) {
    roleRules(ctx, who.roles, acts, label);
    return true;
  }
  const entity = objectEntity(ctx, acts[0].object);
  const actions = actionsOf(acts.map((a) => a.verb)).filter((a) => a !== 'read');
  if (!entity || entity.name === 'User' || !actions.length) return false;
  const rule: Rule = { kind: 'roleRequired', entity: entity.name, actions, roles: who.roles, sources: [ctx.sentence.id] };
  note(ctx, `Says who does this to ${an(entity.name)} (${label}), but not that only ${who.roles.join(' or ')} may; nothing is enforced. Add the rule if nobody else should.`, [
    { kind: 'addRule', rule, label: `Only ${who.roles.join(' or ')} may ${actions.join('/')} ${entity.name} rows` },
  ]);
  return true;
}

const FORBIDDABLE = /^(?:create|add|delete|remove|edit|change|update|modify|approve|reject|close|archive|publish|cancel|mark|assign|reopen|confirm|verify|see|view|read)$/;

/**
 * "Employees may not delete invoices", "guests cannot edit menus": a sign-in role refused an action
 * is the other roles' right (roleRequired with every other role). Only when the app has other roles.
 */
export function roleForbidden(ctx: RuleContext): boolean {
  if (ctx.clause.purpose) return false;
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, '')).trim();
  const m = /^(?:the\s+|a\s+|an\s+)?([a-z][a-z ]{0,30}?)\s+(?:cannot|can't|cant|can not|may not|must not|mustn't|should not|shouldn't|are not allowed to|aren't allowed to|is not allowed to|isn't allowed to|are not able to)\s+(.+)$/.exec(plain);
  if (!m) return false;
  const whoWords = wordsOf(m[1]);
  const role = roleOf(ctx, whoWords);
  if (!role || role === 'admin') return false;
  // "a suspended member can't …": a role with a qualifier is some of its people (a refusal on their state), not the role.
  if (whoWords.length > 1 && roleOf(ctx, whoWords.slice(1))) return false;
  // "members cannot delete their own posts …" / "… once it is approved": ownership and refusals are read elsewhere.
  if (/\b(?:own|once|after|before|when|while|if|unless|until|other|others|another|anyone|twice|more than|at the same time)\b/.test(m[2])) return false;
  const acts = verbPhrases(m[2]);
  // Verbs that act on the record named ("book a room" makes a booking, not a room).
  if (!acts.length || acts.some((a) => !FORBIDDABLE.test(verbLemma(a.verb)) || !objectEntity(ctx, a.object))) return false;
  const others = ctx.roles.filter((r) => r !== role);
  const label = plain.slice(0, 140);
  if (!others.length) return false;
  roleRules(ctx, others, acts, label);
  return true;
}

/** "The owner manages products and categories": only that role may create, change and delete them. */
export function manageRole(ctx: RuleContext): boolean {
  const m = /^(?:the |only )?([a-z]+?)s? (?:can |may )?(?:manages?|maintains?|administers?)\s+(.*)$/.exec(ctx.clause.plain);
  if (!m) return false;
  const role = STAFF_ROLES[m[1]] ?? STAFF_ROLES[singular(m[1])];
  if (!role || !ctx.roles.includes(role)) return false;
  const objects = m[2].split(/\band (?=\w+s\b)(?!\w+ies\b)(?=(?:updates|sees|views|approves|edits|deletes|creates|adds|reviews|handles|runs|checks)\b)/)[0];
  const targets = [...new Set(mentionsIn(ctx, objects).map((x) => x.entity).filter((e) => e.name !== 'User'))];
  for (const entity of targets) addOrNote(ctx, { kind: 'roleRequired', entity: entity.name, actions: ['create', 'update', 'delete'], roles: [role], sources: [ctx.sentence.id] }, m[0].slice(0, 100));
  return targets.length > 0;
}

const STATE_VERBS = new Set(['mark', 'approve', 'reject', 'verify', 'close', 'accept', 'decline', 'confirm', 'resolve', 'inspect', 'reopen']);

/**
 * "As a caretaker I want to mark a request as done": a role changing a record's state. Not a rule
 * unless the text says only they may; noted with the rule as a one-click suggestion.
 */
export function roleMayChange(ctx: RuleContext): boolean {
  if (ctx.clause.purpose || /\bonly\b|\bnobody\b|\bno one\b/.test(ctx.clause.plain)) return false;
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, ''));
  let role: string | undefined;
  let rest: string | undefined;
  if (ctx.narrator) {
    role = roleOf(ctx, wordsOf(ctx.narrator));
    rest = plain;
  } else {
    // "caretakers can mark requests as done", "managers approve invoices" (no modal: the same statement).
    const m = /^(?:the |a |an )?([a-z][a-z ]{0,30}?)s? (?:can|may|will) (.+)$/.exec(plain);
    if (m) {
      role = roleOf(ctx, wordsOf(m[1]));
      rest = m[2];
    } else {
      // No modal: the role is the first one to three words ("committee members approve …").
      const ws = wordsOf(plain.replace(/^(?:the|a|an)\s+/, ''));
      for (let n = 1; n <= 3 && n < ws.length && !role; n++) {
        role = roleOf(ctx, ws.slice(0, n));
        if (role) rest = ws.slice(n).join(' ');
      }
    }
  }
  if (!role || !rest || role === 'admin') return false;
  const acts = verbPhrases(rest).filter((a) => STATE_VERBS.has(verbLemma(a.verb)));
  if (!acts.length) return false;
  const entity = objectEntity(ctx, acts[0].object);
  if (!entity || entity.name === 'User') return false;
  const rule: Rule = { kind: 'roleRequired', entity: entity.name, actions: ['update'], roles: [role], sources: [ctx.sentence.id] };
  note(ctx, `Says that ${role.replace(/_/g, ' ')}s can ${verbLemma(acts[0].verb)} ${an(entity.name)}, but not that only they may; nothing is enforced. Add the rule if nobody else should.`, [
    { kind: 'addRule', rule, label: `Only ${role.replace(/_/g, ' ')}s may change ${entity.name} rows` },
  ]);
  return true;
}
