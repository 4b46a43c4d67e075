// What a user story's role calls its own ("extend my subscription") is evidence of a record (storyOwnThings.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';
import { plainOf, type SentenceInfo } from '../../src/core/extract/sentences';
import { storyParts } from '../../src/core/extract/storyBenefit';
import { ownThingsInStory } from '../../src/core/extract/storyOwnThings';

/** The keys the cue credits in one sentence (want and benefit read apart, as the extractor does). */
function owned(text: string): string[] {
  const keys: string[] = [];
  for (const part of storyParts({ id: 0, text, plain: plainOf(text) } as SentenceInfo)) ownThingsInStory(analyze(part.text), part, (key) => keys.push(key));
  return keys;
}

describe('extractor: what a story\'s role calls its own', () => {
  it('a thing after "my" or a possessive in the want, not a person, not in the benefit, not outside a story', () => {
    assert.deepEqual(owned('As a member, I want to extend my subscription.'), ['subscription']);
    assert.deepEqual(owned("As a manager, I want to view my employee's contracts."), ['contract']);
    assert.deepEqual(owned('As a member, I want to see the classes, so that I can plan my week.'), []);
    assert.deepEqual(owned('As a parent, I want to message my children.'), []);
    assert.deepEqual(owned('Members extend my subscription.'), []);
  });

  it('named so in two stories, the thing is a record; a thing owned once with no other cue is not', () => {
    const text = [
      'As a member, I want to book classes with a date and a trainer, so that I can train.',
      'As a member, I want to extend my subscription, so that I can keep training.',
      'As a member, I want to pause my subscription while I travel.',
      'As a member, I want to change my password.',
      'As a trainer, I want to see my classes with the members who booked them.',
      'As a member, I want to see my mood after a class.',
    ].join('\n');
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Subscription'), names.join(', '));
    assert.ok(!names.includes('Mood') && !names.includes('Password'), names.join(', '));
  });

  it('the place the user is in, or what a thing is about, is not a thing the user keeps ("around my area", "regarding my office")', () => {
    assert.deepEqual(owned('As a resident, I want to see the parking spots around my neighbourhood.'), []);
    assert.deepEqual(owned('As a tenant, I want to file a complaint regarding my office.'), []);
    assert.deepEqual(owned('As a tenant, I want to add furniture to my office.'), ['office']);
    const text = [
      'As a resident, I want to see the parking spots around my neighbourhood, so that I can park.',
      'As a resident, I want to book a parking spot near my neighbourhood.',
      'As a resident, I want to see the events around my neighbourhood.',
      'As a tenant, I want to file a complaint regarding my office, so that it is repaired.',
      'As a tenant, I want to cancel my complaints.',
    ].join('\n');
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Complaint') && !names.includes('Neighbourhood') && !names.includes('Office'), names.join(', '));
  });
});
