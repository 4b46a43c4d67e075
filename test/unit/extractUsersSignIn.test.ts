// Plain "users" who make things of their own in the app (post recipes, create projects, invite
// others) need to sign in: the app must know whose recipe or project it is. What an API "allows
// users to" do, and users who only look, do not imply a sign-in.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: users who make things sign in', () => {
  it('turns on sign-in when users post, create or invite, and links what they make to them', () => {
    const recipes = extractSpec('Recipe site. Users post recipes. A recipe has a title and a cooking time.');
    assert.equal(recipes.auth.kind, 'emailPassword');
    assert.ok(recipes.relations.some((r) => r.from === 'Recipe' && r.to === 'User'), JSON.stringify(recipes.relations));
    const board = extractSpec('Team board. Users create projects and invite other users. A project has a name and a deadline.');
    assert.equal(board.auth.kind, 'emailPassword');
  });

  it('reads "only the project owner can …" as an owner rule that needs sign-in', () => {
    const spec = extractSpec('Projects have a name and a deadline. Only the project owner can delete a project.');
    assert.equal(spec.auth.kind, 'emailPassword');
    assert.ok(spec.rules.some((r) => r.kind === 'ownership' && r.entity === 'Project'), JSON.stringify(spec.rules));
  });

  it('does not turn on sign-in for what an API allows users to do, or for users who only look', () => {
    const api = extractSpec('The /notes endpoint allows users to upload a note. A note has a title and a body.');
    assert.equal(api.auth.kind, 'none');
    const catalogue = extractSpec('Users browse products. A product has a name and a price.');
    assert.equal(catalogue.auth.kind, 'none');
  });
});
