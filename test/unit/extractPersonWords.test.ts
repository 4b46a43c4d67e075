// People the tagger does not know as people ("stewards", "the headmistress") sign in as roles, and
// a phrasal verb whose particle changes the action ("write off a tool") is read as that action
// (lexicon.ts PERSON_NOUNS; rules/words.ts phrasalVerb). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

function rolesAndRules(text: string) {
  const spec = extractSpec(text);
  return {
    roles: spec.auth.kind === 'emailPassword' ? spec.auth.roles : [],
    entities: spec.entities.map((e) => e.name),
    roleRules: spec.rules.flatMap((r) => (r.kind === 'roleRequired' ? [`${r.entity} ${r.actions.join('/')} by ${r.roles.join('/')}`] : [])),
  };
}

describe('extract roles: person nouns the tagger does not know', () => {
  it('stewards and a headmistress are roles, and their "only" rules are made', () => {
    const stewards = rolesAndRules('The stage manager and the stewards sign in. Only stewards may close a gate. A gate has a number and a zone.');
    assert.ok(stewards.roles.includes('steward'), stewards.roles.join(', '));
    assert.deepEqual(stewards.roleRules, ['Gate update by steward']);
    const school = rolesAndRules('The headmistress and the teachers sign in. Only the headmistress can delete a class. A class has a name and a room.');
    assert.ok(school.roles.includes('headmistress'), school.roles.join(', '));
    assert.deepEqual(school.roleRules, ['Class delete by headmistress']);
    assert.ok(!school.entities.includes('Headmistress'));
  });
});

describe('extract rules: a phrasal verb is its own action', () => {
  it('"write off tools" removes them; it writes nothing', () => {
    const { roleRules } = rolesAndRules('Volunteers sign in to lend tools. A tool has a name and a condition. Only the coordinator can write off tools.');
    assert.deepEqual(roleRules, ['Tool delete by coordinator']);
  });

  it('"write a review" still creates one', () => {
    const { roleRules } = rolesAndRules('Guests and critics sign in. A review has a text and a rating. Only critics can write reviews.');
    assert.deepEqual(roleRules, ['Review create by critic']);
  });
});

describe('extract roles: compounds ending in -man, -woman, -person', () => {
  it('a boatman is a person who signs in; a specimen is no person', () => {
    const boats = rolesAndRules('Rowers sign in and book boats. A boat has a name and a seat count. Only the boatman can mark a boat as damaged.');
    assert.ok(boats.roles.includes('boatman'), boats.roles.join(', '));
    assert.deepEqual(boats.roleRules, ['Boat update by boatman']);
    const lab = rolesAndRules('Technicians sign in and record specimens. A specimen has a code and a collection date.');
    assert.ok(lab.entities.includes('Specimen'), lab.entities.join(', '));
    assert.ok(!lab.roles.includes('specimen'));
  });
});
