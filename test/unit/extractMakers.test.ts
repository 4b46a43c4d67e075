// Who made a work in a catalogue ("books have … an author", "pieces have a composer") is a name kept
// with it; the maker is a user of the app only when people make the record in the app or the maker signs in.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: the maker of a work', () => {
  it('keeps the author, composer or director of a catalogue as a text field', () => {
    const spec = extractSpec('Library: books have an ISBN, a title, an author and a year. Members sign in and borrow books.');
    const book = spec.entities.find((e) => e.name === 'Book');
    assert.ok(book?.fields.some((f) => f.name === 'author' && f.type === 'string'), JSON.stringify(book?.fields));
    assert.ok(!spec.relations.some((r) => r.from === 'Book' && r.to === 'User'), JSON.stringify(spec.relations));
    const choir = extractSpec('Singers log in to see rehearsals. A piece has a title, a composer and a duration.');
    assert.ok(choir.entities.find((e) => e.name === 'Piece')?.fields.some((f) => f.name === 'composer'));
  });

  it('staff adding works to a catalogue do not make them ("librarians add books"), nor does a verb of another craft', () => {
    const makerLink = (text: string, entity: string) => extractSpec(text).relations.some((r) => r.from === entity && r.to === 'User' && /author|composer/.test(r.name));
    assert.ok(!makerLink('Librarians add books. A book has a title and an author.', 'Book'), 'the librarian is not the author');
    assert.ok(!makerLink('Songs have a title and a composer. Only the director can add songs.', 'Song'), 'whoever adds a song did not compose it');
    // Users who add or post their own things made them; a composer composes.
    assert.ok(makerLink('Users add recipes. A recipe has a title and an author.', 'Recipe'));
    assert.ok(makerLink('Members log in and compose songs. A song has a title and a composer.', 'Song'));
  });

  it('links the maker to the user who makes the record in the app, or who signs in as that role', () => {
    const blog = extractSpec('Users sign in and write posts. A post has a title, a body and an author.');
    assert.ok(blog.relations.some((r) => r.from === 'Post' && r.to === 'User' && r.name === 'author'), JSON.stringify(blog.relations));
    const reviews = extractSpec('Authors and editors log in. A paper has a title, an abstract and an author.');
    assert.ok(reviews.relations.some((r) => r.from === 'Paper' && r.to === 'User' && r.name === 'author'), JSON.stringify(reviews.relations));
    // Other people named as fields stay links to users.
    const tracker = extractSpec('Developers log in. An issue has a title, a reporter and an assignee.');
    assert.ok(tracker.relations.some((r) => r.from === 'Issue' && r.name === 'assignee'), JSON.stringify(tracker.relations));
  });
});
