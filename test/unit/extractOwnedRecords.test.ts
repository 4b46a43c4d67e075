// "A todo app where users have lists and tasks": plural things people own are records, even words a
// list keeps out ("lists"), and users who own records sign in; "todo" and "task" are one record.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name).sort();

describe('extract: records people own', () => {
  it('"users have lists and tasks": both are records, and the users sign in', () => {
    const spec = extractSpec('A todo app where users have lists and tasks');
    assert.deepEqual(spec.entities.map((e) => e.name).sort(), ['List', 'Task', 'User']);
    assert.equal(spec.auth.kind, 'emailPassword');
    assert.ok(names('A shopping app where members keep lists').includes('List'));
  });

  it('"lists of books" are what the list holds; values people have are no records and sign nobody in', () => {
    assert.ok(!names('Users have lists of books').includes('List'));
    const spec = extractSpec('Each book has a title and an author. Users have names and emails.');
    assert.equal(spec.auth.kind, 'none');
  });

  it('a todo is a task: "a todo app" has one record of them', () => {
    assert.deepEqual(names('A todo app'), ['Task']);
    assert.deepEqual(names('A todo app where people have tasks and projects'), ['Project', 'Task', 'User']);
  });
});
