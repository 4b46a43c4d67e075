// "a user", "an event": the article by the word's sound, for the review's rule texts and every
// generated text that names a record (test titles, OpenAPI summaries, README, comments).
import * as assert from 'node:assert/strict';
import { generateProject } from '../../src/core/generator';
import { article, withArticle } from '../../src/model/project/naming';
import { describeRule } from '../../src/model/project/edit';
import { loadFixtureSpec } from '../shared/claudeModels';

describe('the indefinite article', () => {
  it('follows the sound, not only the first letter', () => {
    for (const word of ['event', 'order', 'invoice', 'appointment', 'item', 'hour', 'honest fee']) assert.equal(article(word), 'an', word);
    for (const word of ['user', 'unit', 'uniform', 'euro account', 'one-off fee', 'booking', 'Task', 'usage report']) assert.equal(article(word), 'a', word);
    assert.equal(article('umbrella'), 'an');
    assert.equal(withArticle('Event', true), 'An Event');
  });

  it('the review’s rule texts and a generated project say "an" before a vowel sound', () => {
    assert.equal(describeRule({ kind: 'ownership', entity: 'Event', actions: ['update'], sources: [] }), 'Only the owner (or an admin) may update an Event');
    const files = generateProject(loadFixtureSpec('events')).list();
    const text = files.map((file) => file.content).join('\n');
    assert.doesNotMatch(text, /\b[Aa] (event|attendee)\b/, 'no "a event" / "a attendee" in any generated file');
    assert.match(text, /Create an event/);
    assert.match(text, /creates an attendee and reads it back/);
  });
});
