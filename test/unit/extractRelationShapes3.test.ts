// Relation shapes of English the extractor reads (or must not over-read), one test per shape (third set).
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);
const linked = (rels: string[], a: string, b: string) => rels.includes(`${a}->${b}`) || rels.includes(`${b}->${a}`);

describe('extractor relation shapes (3)', () => {
  it("'readers can subscribe to the digest': the one who joins the one thing of that name is its subscriber", () => {
    const rels = pairs('A reader has a name and an email address. The digest has a title and a send day. Readers can subscribe to the digest.');
    assert.ok(linked(rels, 'Reader', 'Digest'), JSON.stringify(rels));
  });

  it("'as a reader, I want to sign up for the digest': the story's role is the subscriber", () => {
    const rels = pairs('As a reader, I want to sign up for the digest, so that I hear about new books.\nAs a reader, I want to see my reviews.\nA reader has a name and an email address. The digest has a title and a send day.');
    assert.ok(linked(rels, 'Reader', 'Digest'), JSON.stringify(rels));
  });

  it("'volunteers sign up for shifts' keeps a row per sign-up: no direct volunteer–shift subscriber link is added", () => {
    const spec = extractSpec('A volunteer has a name and a phone. A shift has a start time and an end time. Volunteers sign up for shifts.');
    assert.ok(!spec.relations.some((r) => r.from === 'Volunteer' && r.to === 'Shift' && r.required === false), JSON.stringify(spec.relations));
  });

  it("'a student makes a lesson request from the chosen coach': after a light verb the phrase describes the request (a record), the student is not linked to the coach", () => {
    const rels = pairs('A student has a name and an email. A coach has a name and a sport. A lesson request has a date and a level. Each student can make a lesson request from the chosen coach.');
    assert.ok(linked(rels, 'LessonRequest', 'Student'), JSON.stringify(rels));
    assert.ok(!linked(rels, 'Student', 'Coach'), JSON.stringify(rels));
  });

  it("'a trip may be cancelled by the guide': who may undo a record is no link to it; 'each trip is led by one guide' still is", () => {
    assert.ok(!linked(pairs('A trip has a date and a destination. A guide has a name and a phone. A trip may be cancelled by the guide up to a day before.'), 'Trip', 'Guide'));
    assert.ok(linked(pairs('A trip has a date and a destination. A guide has a name and a phone. Each trip is led by one guide. A trip may be cancelled by the guide.'), 'Trip', 'Guide'));
  });

  it("a user story's benefit opened by a bare 'so' ('…, so players won't wait in an empty hall') links nothing", () => {
    const text = "As a coach, I want to move a training to another day, so players won't wait in an empty hall.\nAs a player, I want to see my trainings.\nA player has a name and a number. A hall has a name and an address. A training has a date and a duration.";
    assert.ok(!linked(pairs(text), 'Player', 'Hall'), JSON.stringify(pairs(text)));
  });

  it('a record named after a phrasal verb ("staff check dogs in": a check-in) belongs to what the verb acts on', () => {
    for (const text of ['Horses have a name. Grooms check horses in and out. Each check-in records the time and the stall.', 'Horses have a name. Grooms check in horses. Each check-in records the time and the stall.']) {
      assert.ok(linked(pairs(text), 'CheckIn', 'Horse'), `${text}: ${JSON.stringify(pairs(text))}`);
    }
  });

  it("an opening phrase of time set off by a comma ('At the start of each day, a delivery plan for that day is drawn up for each van') leaves the subject described by its 'for' phrase", () => {
    const rels = pairs('Each van has a plate. Each delivery plan has a date and a list of stops. At the start of each day, a delivery plan for that day is drawn up for each van.');
    assert.ok(linked(rels, 'DeliveryPlan', 'Van'), rels.join(', '));
  });

  it("a question pairing two records ('we keep track of what components are requested from which supplier') links each one to the other", () => {
    const rels = pairs('Each supplier has a name. Each component has a code. We keep track of what components are requested from which supplier.');
    assert.ok(rels.includes('Component->Supplier'), rels.join(', '));
    const many = extractSpec('Each cleaner has a name. Each room has a number. We note which rooms are cleaned by which cleaners.').relations;
    assert.ok(many.some((r) => r.kind === 'manyToMany' && linked([`${r.from}->${r.to}`], 'Room', 'Cleaner')), JSON.stringify(many));
  });

  it("a contact clause ('the recordings the studio has made of my band') links the noun to the clause's subject; two objects ('lends the reader the book') do not", () => {
    const rels = pairs('Each recording has a title. Each studio has an address. Each band has a name. As a manager, I want to download the recordings the studio has made of my band.');
    assert.ok(rels.includes('Recording->Studio'), rels.join(', '));
    const two = pairs('Each reader has a name. Each book has a title. The library lends the reader the book for two weeks.');
    assert.ok(!linked(two, 'Reader', 'Book'), two.join(', '));
  });
});
