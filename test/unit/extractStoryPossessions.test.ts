// "As a member, I want to renew my membership": in a user story whose role is a record of its own,
// what the role calls "my" in its want belongs to that record (storyPossessions.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extractor relations: what a story role calls "my"', () => {
  it("links the thing named 'my' in the want to the story's role record", () => {
    const rels = pairs('A member has a name and an email. A membership has a type and a start date. As a member, I want to renew my membership, so that I can keep training.');
    assert.ok(rels.includes('Membership->Member'), JSON.stringify(rels));
  });

  it("does not link what the benefit names ('so that I can reach my goal')", () => {
    const rels = pairs('A member has a name and an email. A workout has a date and a duration. A goal has a title and a target. As a member, I want to log a workout, so that I can reach my goal.');
    assert.ok(!rels.some((r) => r === 'Goal->Member' || r === 'Member->Goal'), JSON.stringify(rels));
  });
});
