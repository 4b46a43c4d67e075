// Who may do what, beyond "only": "deleting invoices requires a manager", "managers are
// responsible for approving invoices" (a suggestion), "members cannot delete posts", "the owner
// manages products", "supervisors can approve quotes" (a suggestion).
import type { Rule } from '../../../model/project/projectSpec';
import { SEEING_VERBS as SEEING, STAFF_ROLES, singular } from '../lexicon';
import { addOrNote, isPeople, mentionsIn, note, roleOf, type RuleContext } from './context';
import { actionsOf, verbLemma, withoutSignIn, wordsOf } from './words';
import { withArticle } from '../../../model/project/naming';
import { objectEntity, roleRules, rolesNamed, STATE_VERBS, suggestRoleRule, verbPhrases } from './rolePhrases';
import { guarded } from '../guardedRegExp';

/**
 * "deleting invoices requires a manager" (only that role may: the rule); "approving invoices is the
 * job of managers", "managers are responsible for approving invoices" (who does it, not that only
 * they may: noted with the rule as a one-click suggestion).
 */
export function roleForAction(ctx: RuleContext): boolean {
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, '')).trim();
  // (An article is a word of its own: "is for admins" must not read "a" + "dmins".)
  const needs = /^([a-z]+ing\b.*?)\s+(?:requires|needs|is only for|is for)\s+(?:(?:a|an|the)\s+)?([a-z][a-z ]{0,30}?)(?:'s|s')?(?:\s+(?:role|rights|permission|account|access|approval|sign-off))?$/.exec(plain);
  const requires = needs ? { action: needs[1], who: needs[2] } : approvalNeeded(plain);
  const job =
    /^([a-z]+ing\b.*?)\s+is\s+(?:the\s+)?(?:job|task|responsibility|duty)\s+of\s+(?:(?:a|an|the)\s+)?([a-z][a-z ]{0,30})$/.exec(plain) ??
    /^([a-z]+ing\b.*?)\s+is\s+(?:a|an|the)\s+([a-z][a-z ]{0,30}?)(?:'s|s')\s+(?:job|task|responsibility|duty)$/.exec(plain) ??
    /^([a-z]+ing\b.*?)\s+is\s+(?:done|handled|carried out|performed|decided)\s+by\s+(?:(?:a|an|the)\s+)?([a-z][a-z ]{0,30})$/.exec(plain);
  const responsible = /^(?:the\s+)?([a-z][a-z ]{0,30}?)\s+(?:is|are)\s+(?:responsible|in charge)\s+(?:for|of)\s+([a-z]+ing\b.*)$/.exec(plain);
  const action = requires?.action ?? job?.[1] ?? responsible?.[2];
  const whoText = requires?.who ?? job?.[2] ?? responsible?.[1];
  if (!action || !whoText) return false;
  const who = rolesNamed(ctx, whoText);
  const acts = verbPhrases(action);
  if (!acts.length) return false;
  const label = plain.slice(0, 140);
  if (who.people && who.unknown.length) {
    note(ctx, `Says that ${acts.map((a) => a.verb).join('/')} is for ${who.unknown.join(' and ')} (${label}), but ${who.unknown.join(' and ')} ${who.unknown.length > 1 ? 'are' : 'is'} not a sign-in role of the app${ctx.roles.length ? ` (${ctx.roles.join(', ')})` : ' (it has no sign-in)'}; no role rule was made.`);
    return true;
  }
  if (!who.roles.length) return false;
  if (requires) {
    roleRules(ctx, who.roles, acts, label);
    return true;
  }
  const entity = objectEntity(ctx, acts[0].object);
  const actions = actionsOf(acts.map((a) => a.verb)).filter((a) => a !== 'read');
  if (!entity || entity.name === 'User' || !actions.length) return false;
  suggestRoleRule(ctx, entity, actions, who.roles, label);
  return true;
}

/** "refunds need a manager's approval": approving them is for that role. */
function approvalNeeded(plain: string): { action: string; who: string } | undefined {
  const m = /^(?:the\s+|a\s+|an\s+|each\s+|every\s+)?([a-z][a-z ]{0,30}?)\s+(?:require|requires|need|needs)\s+(?:(?:a|an|the)\s+)?([a-z][a-z ]{0,30}?)(?:'s|s')\s+(?:approval|sign-off)$/.exec(plain);
  return m ? { action: `approving ${m[1]}`, who: m[2] } : undefined;
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

/**
 * "Members can only see songs", "the director can add songs and rehearsals, members can only see
 * them": a role that may only look leaves creating, changing and deleting those records to the app's
 * other roles (roleRequired with every other role). "can only see their own orders" is ownership.
 */
export function roleReadOnly(ctx: RuleContext): boolean {
  if (ctx.clause.purpose || !ctx.clause.plain.includes('only')) return false;
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, '')).trim();
  // (The clause may follow another: "the director can add songs, members can only see them".)
  const m = new RegExp(String.raw`(?:^|[,;]\s*|\b(?:and|but|while|whereas)\s+)(?:the\s+|a\s+|an\s+)?([a-z][a-z ]{0,30}?)\s+(?:can|may|are allowed to|is allowed to)\s+only\s+${SEEING}\s+(.+)$`).exec(plain);
  if (!m || /\b(?:own|my|their|his|her|our)\b/.test(m[2])) return false;
  const role = roleOf(ctx, wordsOf(m[1]));
  const others = ctx.roles.filter((r) => r !== role);
  if (!role || role === 'admin' || !others.length) return false;
  // "… can only see them": the records the sentence named before this clause.
  const pronoun = /^(?:them|it|these|those|this|that)\b/.test(m[2]);
  const elsewhere = ctx.sentence.plain.replace(m[0], ' ');
  const named = pronoun ? mentionsIn(ctx, elsewhere) : mentionsIn(ctx, m[2]);
  const targets = [...new Set(named.map((x) => x.entity).filter((e) => e.name !== 'User'))];
  if (!targets.length && pronoun && ctx.hint && ctx.hint !== 'User') targets.push(...ctx.draft.entities.filter((e) => e.name === ctx.hint));
  if (!targets.length) return false;
  const label = plain.slice(0, 140);
  for (const entity of targets) addOrNote(ctx, { kind: 'roleRequired', entity: entity.name, actions: ['create', 'update', 'delete'], roles: others, sources: [ctx.sentence.id] }, label);
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


const PERSON_MAY = guarded(/^(?:the |a |an )?([a-z][a-z ]{0,30}?)s? (?:can|may|will) (.+)$/);

/** Who changes something: the narrator, or the subject before "can"/the verb; people words that name no role are kept as `people`. */
function changerOf(ctx: RuleContext, plain: string): { role?: string; rest?: string; people?: string } {
  if (ctx.narrator) return { role: roleOf(ctx, wordsOf(ctx.narrator)), rest: plain };
  // "caretakers can mark requests as done", "managers approve invoices" (no modal: the same statement).
  const m = PERSON_MAY.exec(plain);
  if (m) {
    const role = roleOf(ctx, wordsOf(m[1]));
    return { role, rest: m[2], people: !role && isPeople(ctx, wordsOf(m[1])) ? m[1] : undefined };
  }
  // No modal: the role is the first one to three words ("committee members approve …").
  const ws = wordsOf(plain.replace(/^(?:the|a|an)\s+/, ''));
  for (let n = 1; n <= 3 && n < ws.length; n++) {
    const role = roleOf(ctx, ws.slice(0, n));
    if (role) return { role, rest: ws.slice(n).join(' ') };
  }
  for (let n = 1; n <= 3 && n < ws.length; n++) {
    if (isPeople(ctx, ws.slice(0, n)) && !isPeople(ctx, ws.slice(0, n + 1))) return { rest: ws.slice(n).join(' '), people: ws.slice(0, n).join(' ') };
  }
  return {};
}

/**
 * "As a caretaker I want to mark a request as done": a role changing a record's state. Not a rule
 * unless the text says only they may; noted with the rule as a one-click suggestion.
 */
export function roleMayChange(ctx: RuleContext): boolean {
  if (ctx.clause.purpose || /\bonly\b|\bnobody\b|\bno one\b/.test(ctx.clause.plain)) return false;
  const plain = withoutSignIn(ctx.clause.plain.replace(/[.;!]\s*$/, ''));
  const { role, rest, people } = changerOf(ctx, plain);
  if (!rest || role === 'admin') return false;
  const acts = verbPhrases(rest).filter((a) => STATE_VERBS.has(verbLemma(a.verb)));
  if (!acts.length) return false;
  const entity = objectEntity(ctx, acts[0].object);
  if (!entity || entity.name === 'User') return false;
  if (!role) {
    // "the head chef approves recipes" where head chefs do not sign in: a decision no sign-in role carries.
    if (!people || !ctx.roles.length) return false;
    note(ctx, `Says who may ${verbLemma(acts[0].verb)} ${withArticle(entity.name)} (${people}), but ${people} is not a sign-in role of the app (${ctx.roles.join(', ')}); no role rule was made.`);
    return true;
  }
  const rule: Rule = { kind: 'roleRequired', entity: entity.name, actions: ['update'], roles: [role], sources: [ctx.sentence.id] };
  note(ctx, `Says that ${role.replace(/_/g, ' ')}s can ${verbLemma(acts[0].verb)} ${withArticle(entity.name)}, but not that only they may; nothing is enforced. Add the rule if nobody else should.`, [
    { kind: 'addRule', rule, label: `Only ${role.replace(/_/g, ' ')}s may change ${entity.name} rows` },
  ]);
  return true;
}

