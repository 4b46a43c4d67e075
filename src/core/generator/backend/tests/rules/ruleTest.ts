// What every rule test contributes to backend/test/rules.test.ts, and the parent rows they share.
import type { EntityModel } from '../../model';

export interface RuleTest {
  code: string;
  imports: string[];
  /** Tables the test writes directly (to put a row into the state a refusal reads). */
  tables?: string[];
}

/**
 * The test call that makes a parent row for a rule test ('' when there is none), adding what it
 * imports: a user of the role that owns the rows (or the default role) when the parent is the
 * sign-in user, else the parent's own factory.
 */
export function parentMaker(parent: EntityModel | undefined, viaOwner: boolean, imports: string[], ownerRole?: string): string {
  if (parent?.isAuthUser) {
    // (A given role is written as a literal: the user that acts in a test of a refusal some roles are excepted from.)
    if (viaOwner && ownerRole) {
      imports.push('createUser');
      return `createUser(t, ${JSON.stringify(ownerRole)})`;
    }
    const role = viaOwner ? 'TEST_ROLE' : 'DEFAULT_ROLE';
    imports.push('createUser', role);
    return `createUser(t, ${role})`;
  }
  if (!parent) return '';
  imports.push(`create${parent.names.pascal}`);
  return `create${parent.names.pascal}(t)`;
}
