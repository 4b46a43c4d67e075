// Who may change a user's row: the one place backend routes, generated tests, the frontend's
// buttons and the README agree on which actions on an owned row only its owner (or an admin) takes.
import type { ProjectSpec } from '../../model/project/projectSpec';
import { USER_ENTITY } from '../../model/project/specIndex';
import { fieldRoleRules, recordRoleRules } from '../../model/project/roleRules';

export type RowAction = 'read' | 'update' | 'delete';
const ROW_ACTIONS: readonly RowAction[] = ['read', 'update', 'delete'];

/**
 * The actions on a row of `entityName` that only its owner or an admin may take. An entity has an
 * owner when its `ownerRelation` is a belongsTo User the API fills from the signed-in user.
 *
 * - An `ownership` rule lists its actions (reading included: only then are rows private).
 * - Without one, changing and deleting are still owner-only: a member editing another member's
 *   booking is never what a spec means by leaving it unsaid.
 * - A `roleRequired` rule for update or delete is the spec saying who decides instead: "only
 *   librarians may change loans" means librarians manage every loan, so the role check alone applies
 *   (stacking ownership on it would lock the staff out of the rows members create).
 *
 * Other belongsTo User relations (a task's assignee, a book's author) are chosen by the client, not
 * filled from the signed-in user, so they say nothing about who created the row: no default there.
 */
export function ownerOnlyActions(spec: ProjectSpec, entityName: string): RowAction[] {
  if (spec.auth.kind !== 'emailPassword') return [];
  const entity = spec.entities.find((e) => e.name === entityName);
  const owner = entity?.ownerRelation;
  if (!owner || !spec.relations.some((r) => r.kind === 'belongsTo' && r.from === entityName && r.name === owner && r.to === USER_ENTITY)) return [];
  const rules = spec.rules.filter((r) => r.entity === entityName);
  const byRule = (action: RowAction) => rules.some((r) => r.kind === 'ownership' && r.actions.includes(action));
  const byRole = (action: RowAction) => recordRoleRules(rules).some((r) => r.actions.includes(action));
  return ROW_ACTIONS.filter((action) => byRule(action) || (action !== 'read' && !byRole(action)));
}

/** Whether the owner-only actions come from the default alone (no ownership rule names any of them). */
export function ownershipByDefault(spec: ProjectSpec, entityName: string): boolean {
  return !spec.rules.some((r) => r.kind === 'ownership' && r.entity === entityName);
}

/**
 * Roles that manage rows they do not own for `action`: a refusal that excepts roles ("only managers
 * can delete orders once they are shipped") names who decides about those rows, as a roleRequired
 * rule does. Owners still act on their own rows; without this the managers could act only on
 * orders they placed themselves, which is never what such a sentence means. The roles of a rule on
 * some fields ("only managers can change prices") manage those rows the same way.
 */
export function ownerExemptRoles(spec: ProjectSpec, entityName: string, action: RowAction): string[] {
  const rules = spec.rules.filter((r) => r.entity === entityName);
  const roles = rules.flatMap((r) => (r.kind === 'refuseWhen' && r.exceptRoles && (r.actions as string[]).includes(action) ? r.exceptRoles : []));
  // "only managers can change prices": the managers set the prices of every row, not only of their own.
  roles.push(...fieldRoleRules(rules).flatMap((r) => ((r.actions as string[]).includes(action) ? r.roles : [])));
  return [...new Set(roles)];
}
