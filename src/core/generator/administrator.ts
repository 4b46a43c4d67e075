// Every generated app with sign-in has an administrator. Once deployed, somebody has to hand out
// roles and do what only staff may do (a library's librarians, a clinic's receptionists): sign-up
// only ever makes the default role, so without an admin those features could never be used. A spec
// that names its admin-like role keeps it; otherwise the generated app gets a role `admin` that
// passes every role and ownership check, and ADMIN_EMAIL / ADMIN_PASSWORD create the first one.
import type { ProjectSpec } from '../../model/project/projectSpec';

export const IMPLICIT_ADMIN_ROLE = 'admin';

export function withAdministrator(spec: ProjectSpec): ProjectSpec {
  if (spec.auth.kind !== 'emailPassword' || spec.auth.adminRole) return spec;
  const roles = spec.auth.roles.includes(IMPLICIT_ADMIN_ROLE) ? spec.auth.roles : [...spec.auth.roles, IMPLICIT_ADMIN_ROLE];
  return { ...spec, auth: { ...spec.auth, roles, adminRole: IMPLICIT_ADMIN_ROLE } };
}
