// Role rules come in two shapes: on whole records ("only managers can delete jobs") and on some
// fields of a record ("only managers can change prices", `fields`). Every reader of roleRequired
// picks the shape it enforces through these two filters, so a field rule never closes a record.
import type { Rule } from './projectSpec';

export type RoleRule = Extract<Rule, { kind: 'roleRequired' }>;
export type FieldRoleRule = RoleRule & { fields: string[] };

/** roleRequired rules on whole records (no `fields`). */
export function recordRoleRules(rules: readonly Rule[]): RoleRule[] {
  return rules.filter((r): r is RoleRule => r.kind === 'roleRequired' && !r.fields);
}

/** roleRequired rules on some fields of a record. */
export function fieldRoleRules(rules: readonly Rule[]): FieldRoleRule[] {
  return rules.filter((r): r is FieldRoleRule => r.kind === 'roleRequired' && !!r.fields);
}

/** "set/change": what a field rule's actions do to its fields, in words. */
export function fieldActionWords(rule: Pick<RoleRule, 'actions'>): string {
  const words = [rule.actions.includes('create') ? 'set' : '', rule.actions.includes('update') ? 'change' : ''].filter(Boolean);
  return words.join('/') || rule.actions.join('/');
}
