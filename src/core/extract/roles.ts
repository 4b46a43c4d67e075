// Roles: the people who sign in (named roles and people without fields of their own), and the
// spec's auth object built from them.
import type { Auth } from '../../model/project/projectSpec';
import type { AuthFindings } from './auth';
import type { Evidence } from './entities';
import { PERSON_NOUNS, STAFF_ROLES } from './lexicon';

/** With sign-in, people who neither have fields of their own nor are said not to sign in are users with a role. */
export function personRolesOf(auth: AuthFindings, evidence: Evidence, withFields: Set<string>): string[] {
  const personRoles = [...auth.personRoles];
  if (!auth.enabled) return personRoles;
  for (const candidate of evidence.values()) {
    if (!PERSON_NOUNS.has(candidate.key) || auth.notUsers.has(candidate.key) || withFields.has(candidate.key)) continue;
    if (!personRoles.includes(candidate.key)) personRoles.push(candidate.key);
  }
  return personRoles;
}

/** Every word that names a role: person roles, staff roles, and the staff words that map to them. */
export function roleWordsOf(auth: AuthFindings, personRoles: string[]): Set<string> {
  const roles = [...personRoles, ...auth.staffRoles];
  // A compound role ("harbour_master") is written with spaces in the text.
  const written = roles.filter((role) => role.includes('_')).map((role) => role.replace(/_/g, ' '));
  return new Set<string>([...roles, ...written, ...Object.keys(STAFF_ROLES).filter((w) => auth.staffRoles.includes(STAFF_ROLES[w]))]);
}

/** A name the spec accepts for a role: lower case, letters, digits and _, at most 31 characters. */
export function isRoleName(name: string): boolean {
  return /^[a-z][a-z0-9_]{0,30}$/.test(name);
}

export function buildAuth(auth: AuthFindings, personRoles: string[]): Auth {
  if (!auth.enabled) return { kind: 'none', sources: [] };
  const staff = auth.staffRoles;
  const generic = auth.genericUsersSignIn || staff.length === 0;
  const defaultRole = personRoles[0] ?? (generic ? 'member' : staff[0]);
  const roles = [...new Set([defaultRole, ...personRoles, ...staff])];
  let adminRole = roles.includes('admin') ? 'admin' : auth.adminLike;
  if (!adminRole || auth.adminImplied) {
    if (!roles.includes('admin')) roles.push('admin');
    adminRole = 'admin';
  }
  const selfSignup = auth.selfSignup || personRoles.length > 0 || (generic && staff.length === 0);
  const roleList = roles.filter(isRoleName);
  return { kind: 'emailPassword', roles: roleList, defaultRole, adminRole, selfSignup, sources: [...new Set(auth.sources)].sort((a, b) => a - b) };
}
