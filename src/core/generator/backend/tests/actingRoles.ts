// Which roles a generated test's user needs to take an action with the factory's rows: the role
// rules on whole records, and on create also the role rules on fields, since the factory's body
// gives every field a value ("only managers can set the total": a customer's create is refused).
import type { EntityModel } from '../model';
import { fieldRulesFor } from '../fieldRoles';
import { rolesFor, type Action } from '../routes';

/** Role lists the user must be in (one of each) to take `action` with a factory row. */
export function actingRoles(entity: EntityModel, action: Action): string[][] {
  return [...rolesFor(entity, action), ...(action === 'create' ? fieldRulesFor(entity, 'create').map((r) => r.roles) : [])];
}

/** Whether a user of `role` may take every one of `actions` with factory rows. */
export function mayActAs(entity: EntityModel, role: string, actions: readonly Action[]): boolean {
  return actions.every((action) => actingRoles(entity, action).every((roles) => roles.includes(role)));
}
