// A role rule narrowed by a state of the record: "only managers can delete orders after they are
// shipped", "once an invoice is paid, only accountants may change it". A role rule holds always, so
// such a clause becomes a refusal in that state that the roles are excepted from (refuseWhen with
// exceptRoles): shipped orders are refused to everyone but managers; other orders stay as they were.
import type { Rule, WriteAction } from '../../../model/project/projectSpec';
import type { RuleContext } from './context';
import { addRule } from './context';
import { conditionsFor, message } from './refuseConditions';

/** "after they are shipped" → the moment word and the state ("after", "shipped"). */
const STATE_WORDS = /^(when|once|after|before|until|as soon as)\s+.*?\s(?:is|are|was|were|gets?|got|becomes?|has|have|had)\s+((?:(?:already|been|not|no longer|fully|finally)\s+)*)([a-z]+)$/;

const WRITES: readonly WriteAction[] = ['create', 'update', 'delete'];

/**
 * Turns the role rule the clause just made (`added`) into a refusal in the state the condition names,
 * when the record has a field for that state; false (nothing changed) otherwise.
 */
export function roleRuleInState(ctx: RuleContext, added: Rule[], condition: string): boolean {
  if (added.length !== 1 || added[0].kind !== 'roleRequired') return false;
  const role = added[0];
  const words = STATE_WORDS.exec(condition.toLowerCase().trim());
  if (!words) return false;
  const entity = ctx.draft.entities.find((e) => e.name === role.entity);
  const actions = WRITES.filter((a) => role.actions.includes(a));
  if (!entity || !actions.length) return false;
  // "only managers can delete orders before they are shipped" limits the managers too (nobody deletes a
  // shipped order): a role rule and a refusal for everyone, which the refusal readers make.
  if (words[1] === 'before' || words[1] === 'until') return false;
  const state = /\bnot\b|no longer/.test(words[2]) ? `not ${words[3]}` : words[3];
  const conditions = conditionsFor(ctx, entity, state);
  if (conditions.length !== 1) return false;
  const [condition_] = conditions;
  // A record is never created in the state it reaches later ("shipped"): only its changes are refused.
  const refused = condition_.op === 'eq' || condition_.op === 'notEmpty' ? actions.filter((a) => a !== 'create') : actions;
  if (!refused.length) return false;
  const rule: Rule = {
    kind: 'refuseWhen',
    entity: entity.name,
    actions: refused,
    condition: { field: condition_.field.name, op: condition_.op, ...(condition_.value !== undefined ? { value: condition_.value } : {}) },
    message: message(ctx),
    exceptRoles: role.roles,
    sources: role.sources,
  };
  ctx.draft.rules.splice(ctx.draft.rules.indexOf(role), 1);
  ctx.outcome.rules--;
  if (addRule(ctx, rule).length) {
    // Does not fit after all: the role rule stays, and the caller says the state is not enforced.
    ctx.draft.rules.push(role);
    ctx.outcome.rules++;
    return false;
  }
  condition_.field.sources.add(ctx.sentence.id);
  return true;
}
