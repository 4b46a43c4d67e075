// What the role phrasings share: the roles a phrase names, the verb phrases of an action list, the
// record a verb's object names, and the rules (or suggestions) a role phrasing makes.
import type { Rule } from '../../../model/project/projectSpec';
import { entityNameOf, type DraftEntity, type DraftField } from '../draft';
import { addOrNote, fieldIn, isPeople, locateField, mentionsIn, note, recordSuggestion, roleOf, type RuleContext } from './context';
import { actionsOf, isActionVerb, phrasalVerb, stripArticles, verbLemma, withoutSignIn, wordsOf, type Action } from './words';
import { humanize, withArticle } from '../../../model/project/naming';
import { ACTION_NOUNS } from '../lexicon';
import { belongsTo, recordsNamed } from './links';

export const MODALS = /^(can|may|should|could|will|must|to|shall)$/;
export const SEPARATORS = /^(or|and|n|&|plus)$/;
export const EVERYTHING = /^(?:all )?(?:things|anything|everything|records|data|items|entries|all|stuff|all of it|any record|any data)$/;
export const SELF = /^(me|myself|i|us|ourselves|we)$/;
export const OWNER_WORDS = /^(owner|author|creator|reporter|poster|writer|uploader|submitter|requester|organi[sz]er|seller|host|sender|maker|assignee)$/;

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

export interface Act {
  verb: string;
  object: string[];
  /** Where the object's list items after the first start ("the price and the title of a job": 2). */
  itemStarts?: number[];
}

/** "create, move or delete lessons" -> create/move/delete lessons; "delete a box or change a location's weight" -> two. */
export function verbPhrases(text: string): Act[] {
  const ws = withoutSignIn(text.toLowerCase()).replace(/\//g, ' , ').match(/[a-z0-9]+(?:[-'][a-z0-9]+)*|,/g) ?? [];
  const acts: Act[] = [];
  let expectVerb = true;
  // A list inside one object ("the price and the title of a job") keeps where its items start.
  let listed = false;
  for (const raw of ws) {
    const w = raw.replace(/'s$/, '');
    if (/^(so|because|since|which|when|if|unless|but|while|otherwise|without)$/.test(w)) break;
    if (SEPARATORS.test(w) || w === ',') {
      expectVerb = true;
      listed = acts.length > 0 && acts[acts.length - 1].object.length > 0;
      continue;
    }
    if (expectVerb && isActionVerb(w)) {
      acts.push({ verb: w, object: [] });
      expectVerb = false;
      listed = false;
      continue;
    }
    if (!acts.length) {
      if (/^(be|able|also|only|ever|actually|directly)$/.test(w)) continue;
      return [];
    }
    const act = acts[acts.length - 1];
    // ("write off a costume": the particle is the verb's, and makes it another action.)
    const phrasal = act.object.length ? undefined : phrasalVerb(act.verb, w);
    if (phrasal) {
      act.verb = phrasal;
      continue;
    }
    if (listed) act.itemStarts = [...(act.itemStarts ?? []), act.object.length];
    listed = false;
    act.object.push(w);
    expectVerb = false;
  }
  // Verbs without an object share the next one's ("create, move or delete lessons").
  for (let i = acts.length - 2; i >= 0; i--) if (!acts[i].object.length) acts[i].object = acts[i + 1].object;
  return acts;
}

/** The record a verb's object names: an entity, an entity's field ("prices on a service record"), or "it". */
export function objectEntity(ctx: RuleContext, object: string[]): DraftEntity | undefined {
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

export function roleRules(ctx: RuleContext, roles: string[], acts: Act[], label: string): void {
  const byEntity = new Map<DraftEntity, Set<Action>>();
  const missing: string[] = [];
  const byField = new Map<DraftEntity, { fields: Set<string>; actions: Set<Action> }>();
  const widened: string[] = [];
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
    const object = objectEntity(ctx, act.object);
    // "only members can book classes": booking a class makes a Booking, it does not make a class.
    const taking = object ? takingOf(ctx, act.verb, object) : undefined;
    if (taking === null) {
      const name = entityNameOf(ACTION_NOUNS[verbLemma(act.verb)]);
      const record = recordSuggestion(ctx.draft, name);
      note(ctx, `Looks like only ${roles.join(' and ')} may ${act.verb} ${act.object.join(' ')} (${label}), but that makes ${withArticle(name ?? ACTION_NOUNS[verbLemma(act.verb)])} record, which the model does not have${object ? ` linked to ${object.name}` : ''}; ${object?.name ?? 'the record'} itself is not restricted.`, record ? [record] : []);
      continue;
    }
    const entity = taking ?? object;
    if (!entity || !actions.length) {
      missing.push(`${act.verb} ${act.object.join(' ')}`.trim());
      continue;
    }
    // "only managers can change prices": a rule on that value; the rest of the record stays open.
    const scoped = actions.includes('update') && !taking ? fieldScope(ctx, entity, act) : undefined;
    const fields = scoped?.fields;
    if (fields && scoped.complete && actions.every((a) => a === 'create' || a === 'update')) {
      const scope = byField.get(entity) ?? { fields: new Set<string>(), actions: new Set<Action>() };
      for (const field of fields) {
        scope.fields.add(field.name);
        field.sources.add(ctx.sentence.id);
      }
      actions.forEach((a) => scope.actions.add(a));
      byField.set(entity, scope);
      continue;
    }
    // ("only managers can manage prices": deleting is no change of a value, so the whole record's rule, said to be wider.)
    if (fields) widened.push(`${act.verb} the ${fields.map((f) => humanize(f.name).toLowerCase()).join(', ')} of ${withArticle(entity.name)}`);
    const set = byEntity.get(entity) ?? new Set<Action>();
    actions.forEach((a) => set.add(a));
    byEntity.set(entity, set);
  }
  if (widened.length) note(ctx, `Looks like only ${roles.join(' and ')} may ${widened.join(', ')} (${label}); the rule made covers every change of the record, not only that value.`);
  // (A rule on values may yet become a refusal in a state the clause names, "… after it is done".)
  if (byField.size || widened.length) ctx.outcome.fieldScoped = true;
  const ordered = (set: Set<Action>) => (['create', 'read', 'update', 'delete'] as Action[]).filter((a) => set.has(a));
  for (const [entity, set] of byEntity) addOrNote(ctx, { kind: 'roleRequired', entity: entity.name, actions: ordered(set), roles, sources: [ctx.sentence.id] }, label);
  for (const [entity, scope] of byField) {
    addOrNote(ctx, { kind: 'roleRequired', entity: entity.name, actions: ordered(scope.actions), roles, fields: [...scope.fields], sources: [ctx.sentence.id] }, label);
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
    if (!stored) note(ctx, `Looks like only ${roles.join(' and ')} may ${verbLemma(act.verb)} ${withArticle(entity.name)} as "${state.join(' ')}", but ${entity.name} stores no "${state.join(' ')}" value; the role rule made covers every change of ${entity.name}, and the state itself is not checked.`);
  }
  if (missing.length) note(ctx, `Looks like only ${roles.join(' and ')} may ${missing.join(', ')}, but ${missing.length > 1 ? 'these do' : 'this does'} not name a record type of the model.`);
}

/**
 * The fields an act's object names instead of the record ("change prices", "edit the total of an
 * order", "the price and the title of a job"), when the words before "of"/"on" are the record's
 * fields and not the record itself; `complete` when every value listed is one.
 */
function fieldScope(ctx: RuleContext, entity: DraftEntity, act: Act): { fields: DraftField[]; complete: boolean } | undefined {
  const cut = act.object.findIndex((w) => /^(of|on|for|in|at|after|before|once|when|while|until)$/.test(w));
  const end = cut >= 0 ? cut : act.object.length;
  const head = stripArticles(act.object.slice(0, end));
  if (!head.length || mentionsIn(ctx, head).some((m) => m.entity === entity)) return undefined;
  // "the price and the title", "prices, titles or statuses": every value listed must be a field, or
  // the rule is not narrowed at all (a value left out would be open to everyone).
  const starts = [0, ...(act.itemStarts ?? []).filter((i) => i < end), end];
  const named = starts.slice(0, -1).map((from, i) => stripArticles(act.object.slice(from, starts[i + 1]))).filter((item) => item.length);
  if (!named.length || named.some((item) => item.length > 3)) return undefined;
  const fields = named.map((item) => {
    const hit = locateField(ctx, item.join(' '), [entity]);
    return hit?.entity === entity ? hit.field : undefined;
  });
  const found = [...new Set(fields.filter((f): f is DraftField => !!f))];
  return found.length ? { fields: found, complete: fields.every(Boolean) } : undefined;
}

/** Verbs whose doing is a row of its own and never makes the thing acted on (a class is booked, not made). */
const TAKING_VERBS = new Set(['book', 'borrow', 'rent', 'rate', 'vote', 'comment', 'reply', 'like', 'follow', 'favorite', 'favourite', 'bookmark', 'enroll', 'enrol', 'attend', 'subscribe']);

/**
 * The row a verb of taking makes on `object` (book -> the Booking linked to the class), undefined when
 * the verb is no such verb (the rule is about the object itself), null when the model has no such row.
 */
function takingOf(ctx: RuleContext, verb: string, object: DraftEntity): DraftEntity | null | undefined {
  const lemma = verbLemma(verb);
  const noun = ACTION_NOUNS[lemma];
  if (!noun) return undefined;
  const row = recordsNamed(ctx, [noun]).find((e) => e !== object && belongsTo(ctx, e, object).length);
  if (row) return row;
  return TAKING_VERBS.has(lemma) ? null : undefined;
}

/** Who does it, without "only": nothing is enforced; the rule is offered as a one-click suggestion. */
/** Verbs that change a record's state (a role that may do them may change the record). */
export const STATE_VERBS = new Set(['mark', 'approve', 'reject', 'verify', 'close', 'accept', 'decline', 'confirm', 'resolve', 'inspect', 'reopen']);

export function suggestRoleRule(ctx: RuleContext, entity: DraftEntity, actions: RoleRule['actions'], roles: string[], label: string): void {
  const rule: Rule = { kind: 'roleRequired', entity: entity.name, actions, roles, sources: [ctx.sentence.id] };
  note(ctx, `Says who does this to ${withArticle(entity.name)} (${label}), but not that only ${roles.join(' or ')} may; nothing is enforced. Add the rule if nobody else should.`, [
    { kind: 'addRule', rule, label: `Only ${roles.join(' or ')} may ${actions.join('/')} ${entity.name} rows` },
  ]);
}

type RoleRule = Extract<Rule, { kind: 'roleRequired' }>;
