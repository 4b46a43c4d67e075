// Roles named with a noun in front ("the shift coordinator", "front desk staff", "as a kitchen
// manager"): the whole name is the role when the text always writes it so (compoundRoles.ts), and
// the sign-in cue reads the last noun of its subject (auth.ts headBeforeCue). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const rolesOf = (text: string): string[] => {
  const spec = extractSpec(text);
  return spec.auth.kind === 'emailPassword' ? spec.auth.roles : [];
};

describe('extract roles: compound role names', () => {
  it('a role always written with the same noun in front is that compound, in the roles and in its rules', () => {
    const spec = extractSpec('Volunteers sign in to take shifts. The shift coordinator signs in as well; only the shift coordinator can delete a shift. A shift has a date and a start time.');
    assert.ok(spec.auth.kind === 'emailPassword');
    assert.deepEqual(spec.auth.roles, ['volunteer', 'shift_coordinator', 'admin']);
    const restricted = spec.rules.find((r) => r.kind === 'roleRequired' && r.entity === 'Shift');
    assert.deepEqual(restricted && 'roles' in restricted ? restricted.roles : undefined, ['shift_coordinator']);
    // The person is a role, not a record of its own.
    assert.ok(!spec.entities.some((e) => /Coordinator/.test(e.name)));
  });

  it('the role of a user story keeps its noun in front of a staff word ("as a kitchen manager")', () => {
    assert.deepEqual(rolesOf('As a kitchen manager, I want to add dishes with a name and a price so that the menu is up to date. As a waiter, I want to take orders for a table.'), ['waiter', 'kitchen_manager', 'admin']);
  });

  it('a role also written on its own stays the one word ("the store manager" … "the manager")', () => {
    assert.deepEqual(rolesOf('The store manager signs in to see the sales. Cashiers sign in to record sales. A sale has an amount and a date. Only the manager can delete a sale.'), ['manager', 'cashier', 'admin']);
  });

  it('the business in front of its people is no part of their role ("our tennis club … club members")', () => {
    assert.deepEqual(rolesOf('A booking app for our tennis club. Club members sign in and book courts. A court has a number and a surface.'), ['member', 'admin']);
  });

  it("the app's admin stays admin whatever is written in front (\"league admins\")", () => {
    assert.deepEqual(rolesOf('League admins sign in and enter match results. A match has a date and a score. Players sign in to see their matches.'), ['player', 'admin']);
  });

  it('the sign-in cue reads the last noun of its subject ("The front desk staff sign in")', () => {
    assert.deepEqual(rolesOf('Parents sign in to see their children. The front desk staff sign in to check children in. A child has a name and a birth date.'), ['parent', 'front_desk_staff', 'admin']);
  });

  it('a story\'s narrator or a signer named with an app word ("as a kitchen manager", "the event planner signs in") names no app, so its noun is no record', () => {
    const story = extractSpec('As a kitchen manager, I want to add dishes with a name and a price. As a waiter, I want to take orders for a table.');
    assert.deepEqual(story.entities.map((e) => e.name).sort(), ['Dish', 'Order', 'User']);
    const signer = extractSpec('The event planner signs in and adds weddings with a date and a venue.');
    assert.deepEqual(signer.entities.map((e) => e.name).sort(), ['User', 'Wedding']);
    // An app word naming the app still names what it keeps.
    assert.ok(extractSpec('A simple recipe manager for my family.').entities.some((e) => e.name === 'Recipe'));
  });
});
