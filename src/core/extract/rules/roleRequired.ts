// Roles: "only admins can delete tickets", "only timetablers can create, move or delete lessons",
// "only clerks approve or reject applications", "I want only teachers and myself to edit attendance",
// "nobody but the treasurer may mark rent as paid", "deleting boxes is restricted to managers", "the
// owner manages products". A role that changes records' state without "only" is noted, not enforced.
// The "only" phrasings are here; rolesMay.ts reads the rest (who does an action, what a role may
// not do, manages, or may change); rolePhrases.ts holds what they share.
import type { DraftEntity } from '../draft';
import { STAFF_ROLES, singular } from '../lexicon';
import { addOrNote, isPeople, subjectRecordIn, locateField, mentionsIn, note, roleOf, type RuleContext } from './context';
import { OWNER_WORDS as OWNERS, ownershipRule } from './ownership';
import { actionsOf, isActionVerb, stripArticles, withoutSignIn, wordsOf } from './words';
import { withArticle } from '../../../model/project/naming';
import { MODALS, OWNER_WORDS, roleRules, rolesNamed, suggestRoleRule, verbPhrases, type Act } from './rolePhrases';
import { guarded } from '../guardedRegExp';

/** "only admins can delete tickets", "only clerks approve or reject applications", "nobody but the treasurer may …". */
export function onlyRole(ctx: RuleContext): boolean {
  // "managers alone can delete invoices" is "only managers can …".
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, ''))
    .replace(/^(?:the\s+)?([a-z][a-z ]{0,30}?)\s+alone\s+(?=(?:can|may|should|will|are allowed to|is allowed to)\b)/, 'only $1 ')
    // "except for managers, nobody can delete refunds" is "nobody except managers can …".
    .replace(/^(?:except|apart from|other than|besides)\s+(?:for\s+)?([a-z][a-z ,]{0,40}?),?\s+(nobody|no one|no-one)\s+(?=(?:can|may|should|will|is allowed to)\b)/, '$2 except $1 ');
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
  // ("only the bakery owner": an owner named with the words in front of it may be a role, bakery_owner.)
  const whoWords = wordsOf(whoText);
  if (whoWords.some((w, k) => OWNER_WORDS.test(singular(w)) && !roleOf(ctx, whoWords.slice(0, k + 1)))) return false;
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
  // "refunds are deleted by managers alone" is "refunds can only be deleted by managers".
  // "bookings are cancelled only by the manager", "… are only cancelled by managers": a plural passive with "only".
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, ''))
    .replace(/^(.*?)\b(?:is|are)\s+([a-z]+(?:ed|en|t|ne))\s+by\s+(.+?)\s+(?:only|alone)$/, '$1 can only be $2 by $3')
    .replace(/^(.*?)\b(?:is|are)\s+(?:only\s+([a-z]+(?:ed|en|t|ne))|([a-z]+(?:ed|en|t|ne))\s+only)\s+by\s+/, (_all, subject: string, a?: string, b?: string) => `${subject}can only be ${a ?? b} by `);
  const m = /^(.*?)\b(?:can|may|should|must|will|are|is|shall)\s+(only\s+)?be\s+([a-z]+(?:ed|en|t|ne)(?:\s*(?:,|or|and)\s*(?:be\s+)?[a-z]+(?:ed|en|t|ne))*)\s+(only\s+)?by\s+(.+)$/.exec(plain);
  // "… can be deleted by admins only" / "… by managers alone".
  if (m && !m[2] && !m[4] && /\s+(?:only|alone)$/.test(m[5])) {
    m[4] = 'only';
    m[5] = m[5].replace(/\s+(?:only|alone)$/, '');
  }
  // "a seat can be booked by one passenger only": a count of people, not a role.
  if (m && /^\s*(?:one|a single|exactly one|just one|two|\d+)\b/.test(m[5])) return false;
  if (!m) {
    // "invoices are approved by a manager": a plain passive.
    const passive = /^(.*?)\b(?:is|are|gets?|get)\s+([a-z]+(?:ed|en|t|ne))(?:\s+(?:off|out|up))?(?:\s+to\s+date)?\s+by\s+(.+)$/.exec(plain);
    return passive ? byWithoutOnly(ctx, passive[1], passive[2], passive[3], plain) : false;
  }
  if (!m[2] && !m[4]) return byWithoutOnly(ctx, m[1], m[3], m[5], plain);
  // "payments for a student … can only be recorded by admins": the head of the subject, not the last record named.
  const entity = subjectRecordIn(ctx, m[1])?.entity ?? (/^\s*(?:it|they)\s*$/.test(m[1]) ? ctx.draft.entities.find((e) => e.name === ctx.hint) : undefined);
  const verbs = m[3].split(/\s*(?:,|\bor\b|\band\b)\s*/).map((v) => v.replace(/^be\s+/, '')).filter(Boolean);
  const actions = actionsOf(verbs);
  // "… by managers after they are shipped": the people end where a condition starts (noted by readClause).
  const by = m[5].split(/\s*(?:,|\bso\b|\bbecause\b|\bsince\b|\bwhen\b|\bwhenever\b|\bif\b|\bunless\b|\bonce\b|\bbefore\b|\bafter\b|\buntil\b|\bwhile\b)\s*/)[0];
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
    note(ctx, `Looks like only ${by} may ${verbs.join('/')} ${withArticle(entity.name)} (${label}), but ${by} is not a sign-in role of the app${ctx.roles.length ? ` (${ctx.roles.join(', ')})` : ' (it has no sign-in)'}.`);
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
    subjectRecordIn(ctx, subject)?.entity ??
    (/^\s*(?:it|they)\s*$/.test(subject) ? ctx.draft.entities.find((e) => e.name === ctx.hint) : undefined) ??
    fieldOwner(ctx, subject);
  const verbs = verbText.split(/\s*(?:,|\bor\b|\band\b)\s*/).map((v) => v.replace(/^be\s+/, '')).filter(Boolean);
  const actions = actionsOf(verbs);
  // "… by the supervisor and a find has one category": the people end where the next statement starts.
  const by = byText.split(/\s*(?:,|\bso\b|\bbecause\b|\bsince\b|\bwhen\b|\bif\b|\bbefore\b|\bafter\b)\s*|\s+(?:and|but)\s+(?:(?:a|an|each|every|no)\s|the\s+[a-z]+\s+(?:has|have|is|are|can|must|may|should|will)\b)/)[0];
  const label = plain.slice(0, 140);
  const kept = stewardedBy(ctx, plain, verbText, by);
  if (kept) return stewardRule(ctx, entity, subject, kept, by, label);
  if (!entity || entity.name === 'User' || !actions.length) return false;
  const byWords = stripArticles(wordsOf(by));
  // "can be edited by its author": only a permission modal makes it the owner's right.
  if (/^(?:its|their|his|her)$/.test(wordsOf(by)[0] ?? '') && byWords.length <= 2 && byWords.some((w) => OWNERS.test(singular(w)) && !roleOf(ctx, [w])) && new RegExp(String.raw`\b(?:can|may)\s+be\s+${verbText}\s+by\b`).test(plain)) {
    const owned = actions.filter((a) => a !== 'create');
    if (!owned.length) return false;
    ownershipRule(ctx, entity, owned, label, byWords);
    return true;
  }
  if (byWords.length > 3) return false;
  const who = rolesNamed(ctx, by);
  const changes = actions.filter((a) => a !== 'read');
  if (!changes.length) return false;
  if (!who.roles.length || who.unknown.length) return notASignInRole(ctx, entity, verbs, who, label);
  suggestRoleRule(ctx, entity, changes, who.roles, label);
  return true;
}

/** Verbs that give a role the keeping of a kind of record ("categories are maintained by the curator"). */
const STEWARD = /^(?:maintained|managed|administered|administrated|curated|moderated|kept)$/;

/**
 * "categories are maintained by the stores supervisor", "price lists are kept up by the office": the
 * people who keep a kind of record are the ones who change it (as "the manager maintains categories",
 * manageRole). Not "each team is managed by a coach": one person per row is a link, not a role.
 */
function stewardedBy(ctx: RuleContext, plain: string, verbText: string, by: string): ReturnType<typeof rolesNamed> | undefined {
  if (!STEWARD.test(verbText) || (verbText === 'kept' && !/\bkept\s+up\b/.test(plain))) return undefined;
  if (/^\s*(?:a|an|one|each|every|its|their|his|her)\b/.test(by) || stripArticles(wordsOf(by)).length > 3) return undefined;
  const who = rolesNamed(ctx, by);
  if (who.people) return who;
  // "… administered by the registrar": a title the people words do not know is still someone (not the app, not a record).
  const words = stripArticles(wordsOf(by));
  if (!words.length || /^(?:system|app|application|software|platform|database|computer|server|api|website|site|tool)s?$/.test(words[words.length - 1])) return undefined;
  if (mentionsIn(ctx, words).some((m) => m.entity.name !== 'User')) return undefined;
  return { roles: [], unknown: [words.join(' ')], people: true };
}

function stewardRule(ctx: RuleContext, entity: DraftEntity | undefined, subject: string, who: ReturnType<typeof rolesNamed>, by: string, label: string): boolean {
  const thing = stripArticles(wordsOf(subject)).join(' ');
  if (!entity || entity.name === 'User') {
    note(ctx, `Says who keeps ${thing} (${label}), but "${thing}" is not a record type of the model; no role rule was made.`);
    return true;
  }
  if (!who.roles.length || who.unknown.length) {
    const people = who.unknown.length ? who.unknown.join(' and ') : by.trim();
    note(ctx, `Says who keeps ${withArticle(entity.name)} (${label}), but ${people} ${who.unknown.length > 1 ? 'are' : 'is'} not a sign-in role of the app${ctx.roles.length ? ` (${ctx.roles.join(', ')})` : ' (it has no sign-in)'}; no role rule was made.`);
    return true;
  }
  addOrNote(ctx, { kind: 'roleRequired', entity: entity.name, actions: ['create', 'update', 'delete'], roles: who.roles, sources: [ctx.sentence.id] }, label);
  return true;
}

/**
 * "refunds are approved by managers" in an app where managers do not sign in: people decide on
 * existing rows, which reads like a role rule no sign-in role can carry, so it is said. Creating
 * ("orders are placed by customers") only says who makes rows, and stays unsaid.
 */
function notASignInRole(ctx: RuleContext, entity: DraftEntity, verbs: string[], who: ReturnType<typeof rolesNamed>, label: string): boolean {
  if (!ctx.roles.length || !who.people || !who.unknown.length) return false;
  if (!actionsOf(verbs).some((a) => a === 'update' || a === 'delete')) return false;
  note(ctx, `Says who ${verbs.join('/')} ${withArticle(entity.name)} (${label}), but ${who.unknown.join(' and ')} ${who.unknown.length > 1 ? 'are' : 'is'} not a sign-in role of the app (${ctx.roles.join(', ')}); no role rule was made.`);
  return true;
}

const THE_ONLY_ONES = guarded(/^(.*?)\s+(?:is|are)\s+the\s+(?:only\s+(?:ones?|people|persons|users|role|roles)|ones?)\s+(?:(?:who|that)(?:\s+(?:can|may|are allowed to|is allowed to|should))?|allowed to|permitted to|able to)\s+(.+)$/);

/** "admins are the only ones who can delete users". */
export function onlyOnes(ctx: RuleContext): boolean {
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, ''));
  // "managers are the ones who approve refunds" says the same as "the only ones".
  const m = THE_ONLY_ONES.exec(plain);
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

export { manageRole, roleForAction, roleForbidden, roleMayChange, roleReadOnly } from './rolesMay';
