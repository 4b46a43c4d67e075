// "As a tenant, I want to submit a repair request": in a user story the role is who acts, so what the
// want makes belongs to that role, as in "tenants submit repair requests". Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const owned = (text: string) => {
  const spec = extractSpec(text);
  return {
    owners: spec.relations.filter((r) => r.to === 'User').map((r) => `${r.from}.${r.name}`),
    ownership: spec.rules.filter((r) => r.kind === 'ownership').map((r) => r.entity),
  };
};

describe('extract relations: what a story\'s want makes is the role\'s', () => {
  it('"As a tenant, I want to submit a repair request" gives the request its tenant, with the owner\'s rule', () => {
    assert.deepEqual(owned('As a tenant, I want to submit a repair request with a title and a description.'), { owners: ['RepairRequest.tenant'], ownership: ['RepairRequest'] });
  });

  it('reads the same as the plain sentence ("adopters submit adoption requests")', () => {
    const story = owned('As an adopter, I want to submit an adoption request with a message.\nAs an adopter, I want to see animals.');
    const plain = owned('Adopters sign in. Adopters submit adoption requests with a message. Adopters see animals.');
    assert.deepEqual(story.owners, ['AdoptionRequest.adopter']);
    assert.deepEqual(plain.owners, story.owners);
  });

  it('a want that only looks at records owns nothing ("I want to see the events")', () => {
    assert.deepEqual(owned('As a visitor, I want to see the events with their date and place.\nAs an organiser, I want to sign in.').owners, []);
  });
});
