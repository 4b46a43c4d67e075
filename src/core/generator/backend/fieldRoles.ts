// Role rules on some fields ("only managers can change prices"): the route checks that a request
// giving such a field a value (create: other than its default; update: other than the stored one)
// comes from one of the roles. Everyone else still creates and changes the rest of the record.
import { fieldRoleRules, type FieldRoleRule } from '../../../model/project/roleRules';
import { humanize, withArticle } from '../../../model/project/naming';
import type { Column, EntityModel } from './model';
import { str } from './util';

type FieldAction = 'create' | 'update';

/** The entity's field rules for one action. */
export function fieldRulesFor(entity: EntityModel, action: FieldAction): FieldRoleRule[] {
  return fieldRoleRules(entity.rules).filter((r) => r.actions.includes(action));
}

/** "change the price of a service record": what a refused user was trying to do. */
export function fieldRuleWhat(rule: FieldRoleRule, entity: EntityModel, action: FieldAction): string {
  const names = rule.fields.map((f) => humanize(f).toLowerCase());
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return `${action === 'create' ? 'set' : 'change'} the ${listed} of ${withArticle(entity.entity.label.toLowerCase())}`;
}

/** The test, in generated code, that `sent.<field>` gives the field a new value. */
function changedTest(column: Column, sent: string, stored: string): string {
  const numeric = column.type === 'decimal' || column.type === 'money';
  return `${sent}.${column.prop} !== undefined && !sameValue(${sent}.${column.prop}, ${stored}${numeric ? ', true' : ''})`;
}

/**
 * Statements (indented for a route handler) refusing with 403 a request that sets or changes a
 * field only some roles may, unless the user has one of them. `sent` is the parsed body, `row` the
 * stored row (update; on create the field's default stands for it).
 */
export function fieldRoleChecks(entity: EntityModel, action: FieldAction, sent: string, row: string | undefined, indent: string): string[] {
  return fieldRulesFor(entity, action).flatMap((rule) => {
    const tests = rule.fields.flatMap((name) => {
      const column = entity.columns.find((c) => c.field?.name === name);
      if (!column) return [];
      // (An unticked box is sent as false: on create it is no value of its own.)
      const fallback = column.default ?? (column.type === 'boolean' ? false : null);
      const stored = row ? `${row}.${column.prop}` : JSON.stringify(fallback);
      return [changedTest(column, sent, stored)];
    });
    if (!tests.length) return [];
    return [`${indent}if (${tests.join(' || ')}) requireRole(user, ${JSON.stringify(rule.roles)}, ${str(fieldRuleWhat(rule, entity, action))});`];
  });
}

/** Whether any entity of the app has a field rule (access.ts then carries sameValue). */
export function hasFieldRoleRules(entities: readonly EntityModel[]): boolean {
  return entities.some((e) => fieldRoleRules(e.rules).length > 0);
}
