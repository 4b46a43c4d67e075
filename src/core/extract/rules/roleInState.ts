// A role rule narrowed by a state of the record: "only managers can delete orders after they are
// shipped", "once an invoice is paid, only accountants may change it". A role rule holds always, so
// such a clause becomes a refusal in that state that the roles are excepted from (refuseWhen with
// exceptRoles): shipped orders are refused to everyone but managers; other orders stay as they were.
import type { Rule, WriteAction } from '../../../model/project/projectSpec';
import type { RuleContext } from './context';
import { addRule, note } from './context';
import { humanize, withArticle } from '../../../model/project/naming';
import { conditionsFor, message } from './refuseConditions';

const WRITES: readonly WriteAction[] = ['create', 'update', 'delete'];

/**
 * Turns the role rule the clause just made (`added`) into a refusal in the state the condition names
 * (`condition`: STATE_CONDITION's match of rules/index.ts, "after they are shipped" → the moment word,
 * the words before the state, the state), when the record has a field for that state; false (nothing
 * changed) otherwise.
 */
export function roleRuleInState(ctx: RuleContext, added: Rule[], condition: RegExpExecArray): boolean {
  if (added.length !== 1 || added[0].kind !== 'roleRequired') return false;
  const role = added[0];
  const [, moment, qualifiers, stateWord] = condition;
  const entity = ctx.draft.entities.find((e) => e.name === role.entity);
  const actions = WRITES.filter((a) => role.actions.includes(a));
  if (!entity || !actions.length) return false;
  // "only managers can delete orders before they are shipped" limits the managers too (nobody deletes a
  // shipped order): a role rule and a refusal for everyone, which the refusal readers make.
  if (moment === 'before' || moment === 'until') return false;
  const state = /\bnot\b|no longer/.test(qualifiers) ? `not ${stateWord}` : stateWord;
  const conditions = conditionsFor(ctx, entity, state);
  if (conditions.length !== 1) return false;
  const [inState] = conditions;
  // A record is never created in the state it reaches later ("shipped"): only its changes are refused.
  const refused = inState.op === 'eq' || inState.op === 'notEmpty' ? actions.filter((a) => a !== 'create') : actions;
  if (!refused.length) return false;
  const rule: Rule = {
    kind: 'refuseWhen',
    entity: entity.name,
    actions: refused,
    condition: { field: inState.field.name, op: inState.op, ...(inState.value !== undefined ? { value: inState.value } : {}) },
    message: message(ctx),
    exceptRoles: role.roles,
    sources: role.sources,
  };
  // Does not fit: the role rule stays, and the caller says the state is not enforced. Fits: it replaces the role rule.
  if (addRule(ctx, rule).length) return false;
  ctx.draft.rules.splice(ctx.draft.rules.indexOf(role), 1);
  ctx.outcome.rules--;
  inState.field.sources.add(ctx.sentence.id);
  // A refusal reads no values: "only managers can change the price after it is done" refuses every change in that state.
  if (role.fields) {
    const values = role.fields.map((f) => humanize(f).toLowerCase()).join(', ');
    note(ctx, `Looks like only ${role.roles.join(' and ')} may change the ${values} of ${withArticle(entity.name)} once it is ${state}; the refusal made covers every change of the record in that state, not only ${role.fields.length > 1 ? 'those values' : 'that value'}.`);
  }
  return true;
}
