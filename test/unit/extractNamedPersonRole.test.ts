// "As a home delivery person, I want …": a person named by what they do is a sign-in role of its own,
// where "as a person" alone is anyone (auth.ts readUserStory).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const roles = (text: string) => {
  const auth = extractSpec(text).auth;
  return auth.kind === 'emailPassword' ? auth.roles : [];
};

describe('extractor: a user-story narrator named "<what they do> person"', () => {
  it('"As a contact person" signs in as contact_person', () => {
    const found = roles('As a contact person, I want to see the open tickets of my company, so that I can follow them up. As an agent, I want to close tickets with a resolution note.');
    assert.ok(found.includes('contact_person'), found.join(', '));
  });

  it('"As a person" alone names no role', () => {
    const found = roles('As a person, I want to see the open tickets of my company, so that I can follow them up. As an agent, I want to close tickets with a resolution note.');
    assert.ok(!found.some((r) => r.includes('person')), found.join(', '));
  });
});
