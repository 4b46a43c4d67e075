// Kinds of the people who sign in: "two types of users: the regular users who buy music, and the
// business users who upload it", "administrators are special users" name roles, not a type column
// (readKinds leaves kinds of users out of the records).
import type { AuthFindings } from './auth';
import type { KindStatement } from './kinds';
import { STAFF_ROLES } from './lexicon';
import { isRoleName } from './roles';

/** Adds each kind of user as a sign-in role ("regular user" -> regular_user), when people sign in. */
export function addUserKindRoles(auth: AuthFindings, userKinds: KindStatement[]): void {
  if (!auth.enabled) return;
  for (const statement of userKinds) {
    for (const subtype of statement.subtypes) {
      const staff = STAFF_ROLES[subtype.key];
      const role = subtype.key.replace(/\s+/g, '_');
      if (staff) {
        if (!auth.staffRoles.includes(staff)) auth.staffRoles.push(staff);
      } else if (isRoleName(role) && !/^(?:user|person|people|visitor|account)$/.test(role) && !auth.personRoles.includes(role)) auth.personRoles.push(role);
    }
  }
}
