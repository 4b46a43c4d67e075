// Relation shapes of English the extractor reads (or must not over-read), one test per shape (fourth set).
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);
const linked = (rels: string[], a: string, b: string) => rels.includes(`${a}->${b}`) || rels.includes(`${b}->${a}`);

describe('extractor relation shapes (4)', () => {
  it("'listeners can rate and comment on them': the records the two verbs make belong to what 'them' names (the verbs share it)", () => {
    const rels = pairs('A music site. Artists upload tracks; listeners can rate and comment on them.');
    assert.ok(linked(rels, 'Rating', 'Track'), rels.join(', '));
    assert.ok(linked(rels, 'Comment', 'Track'), rels.join(', '));
  });

  it("'listeners can rate a track and comment on it': 'it' is the record named before the verb", () => {
    const rels = pairs('A music site. Artists upload tracks. Listeners can rate a track and comment on it.');
    assert.ok(linked(rels, 'Comment', 'Track'), rels.join(', '));
  });

  it("'a mechanic is assigned to each job': every job has its one mechanic (the job belongs to the mechanic, not the other way)", () => {
    const rels = pairs('A car repair shop. A mechanic is assigned to each job. A job has a description and a price. A mechanic has a name and a skill level.');
    assert.ok(rels.includes('Job->Mechanic'), rels.join(', '));
    const role = extractSpec('A garage app. Mechanics log in. A mechanic is assigned to each repair job. Repair jobs have a description and a price.').relations;
    assert.ok(role.some((r) => r.from === 'RepairJob' && r.to === 'User' && r.name === 'mechanic'), JSON.stringify(role));
    // ("Each pupil is assigned to a tutor" keeps the pupil's one tutor.)
    assert.ok(pairs('A school. Each pupil is assigned to a tutor. Pupils have a name and a grade. Tutors have a name and a subject.').includes('Pupil->Tutor'));
  });

  it("a list of records with their values ('players (…), courts (…), matches (…)') makes no act of a listed noun the tagger reads as a verb", () => {
    const rels = pairs('Tennis club: players (name, ranking), courts (number, surface), matches (date, court, score).');
    assert.ok(rels.includes('Match->Court'), rels.join(', '));
    assert.ok(!linked(rels, 'Court', 'Player') && !linked(rels, 'Match', 'Player'), rels.join(', '));
  });

  it("'carers are assigned to residents for each shift': after the verb's 'to' phrase, 'for each shift' says how often, the residents are not the shift's", () => {
    const rels = pairs('A care home. Carers are assigned to residents for each shift. A resident has a name and a room number. A shift has a date and a kind (early, late).');
    assert.ok(!linked(rels, 'Resident', 'Shift'), rels.join(', '));
    // ("The ticket for each flight" still describes the ticket.)
    assert.ok(linked(pairs('Airline. Tickets have a price. A flight has a number. The ticket for each flight is stored with a seat.'), 'Ticket', 'Flight'));
  });

  it("'boats (name, length, owner)' with members the only people kept: the owner is a link to a member; with two kinds of people it stays a value", () => {
    const rels = pairs('Boat club: members (name, phone), boats (name, length, owner), outings (boat, date).');
    assert.ok(rels.includes('Boat->Member'), rels.join(', '));
    const two = extractSpec('Boat club: members (name, phone), instructors (name), boats (name, length, owner).');
    assert.ok(!two.relations.some((r) => r.from === 'Boat'), JSON.stringify(two.relations));
  });

  it("'bike riders': people named after what they deal with are not a part of it (no rider belongs to one bike); 'order lines' still belong to their order", () => {
    const rels = pairs('Bike sharing. Bikes have a frame number and a status. Riders have a name and an email. We keep the phone numbers of bike riders.');
    assert.ok(!linked(rels, 'Rider', 'Bike'), rels.join(', '));
    assert.ok(pairs('A shop. Orders have a date. Order lines have a quantity and a price.').includes('OrderLine->Order'));
  });

  it("'guests phone the restaurant to book a table': a purpose's 'to' after an object makes the booking the guests', not the restaurant's; 'allows guests to book' keeps the guests as who books", () => {
    const rels = pairs('Restaurant chain. Restaurants have an address. Tables have a number. Guests phone the restaurant to book a table. Each booking has a date and a party size.');
    assert.ok(!linked(rels, 'Booking', 'Restaurant'), rels.join(', '));
    assert.ok(linked(rels, 'Booking', 'Guest') && linked(rels, 'Booking', 'Table'), rels.join(', '));
    const allowed = extractSpec('Restaurant chain. Restaurants have an address. Tables have a number. The app allows guests to book a table. Guests have a name. Each booking has a date and a party size.').relations;
    assert.ok(allowed.some((r) => r.from === 'Booking' && r.to === 'User' && r.name === 'guest'), JSON.stringify(allowed));
  });
});
