// Nouns a cue made candidates that the text shows are not records (notRecords.ts).
import * as assert from 'node:assert/strict';
import { notARecord, theBusinessItself } from '../../src/core/extract/notRecords';
import { splitSentences } from '../../src/core/extract/sentences';
import { extractSpec } from '../../src/core/extract';

const sentences = (text: string) => splitSentences(text).sentences;

describe('extractor: nouns that are not records', () => {
  it('a report the app prints or sends is output, unless the text says it is stored', () => {
    assert.ok(notARecord('report', sentences('Each month we print a report for the board with the total hours.')));
    assert.ok(notARecord('summary', sentences('The app emails a weekly summary to each coach.')));
    assert.ok(!notARecord('report', sentences('Inspectors send reports to the office. The reports are stored for ten years.')));
    assert.ok(!notARecord('report', sentences('Each inspector writes a report with a date and a verdict.')));
  });

  it('keeps the records and leaves the printed report out of the spec', () => {
    const spec = extractSpec('Volunteers sign up for shifts. Each shift has a date, a start time and an end time. Each volunteer has a name and a phone number. Every month we print a report with the total hours and the number of shifts.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('Shift') && !names.includes('Report'), names.join(', '));
  });

  it('the business is what the overview names as its subject, what the app is for or what we run, not any noun in it', () => {
    const business = (key: string, text: string) => {
      const parts = sentences(text);
      return theBusinessItself(key, parts.map((s) => s.plain).join(' \n '), new Set(), parts);
    };
    assert.ok(business('library', 'The library lends books to members. Members borrow books for two weeks.'));
    assert.ok(business('garage', 'We run a small garage. Mechanics repair cars.'));
    assert.ok(business('studio', 'A booking app for a yoga studio. Members book classes.'));
    // Mentioned in the overview, but the system is its subject: the club is one of its records.
    assert.ok(!business('club', 'The Regatta Planner is used by the staff of the club, including the coach. Rowers book boats.'));
    assert.ok(!business('branch', 'The library lends books. A member borrows from a library branch.'));
    // "my subscription" in a user story is the member's, not the business.
    assert.ok(!business('subscription', 'As a member, I want to renew my subscription, so that I can keep training.'));
  });

  it('a noun named only in the benefits of user stories is a reason, not a record', () => {
    const stories = [
      'As a clerk, I want to notify customers of late parcels, so that customers can manage their expectations.',
      'As a clerk, I want to list the parcels of a customer, so that a misunderstanding with the customer can be resolved.',
      'As a customer, I want to track my parcels, so I can plan my day.',
    ].join('\n');
    assert.ok(notARecord('expectation', sentences(stories)));
    // "so that" opens the benefit whatever follows it ("so that a misunderstanding …").
    assert.ok(notARecord('misunderstanding', sentences(stories)));
    // Named in a want, the noun may be a record.
    assert.ok(!notARecord('parcel', sentences(stories)));
    // Outside stories every mention counts.
    assert.ok(!notARecord('expectation', sentences('Each expectation has a text and a due date.')));
    const names = extractSpec(stories).entities.map((e) => e.name);
    assert.ok(names.includes('Parcel') && !names.includes('Expectation') && !names.includes('Misunderstanding'), names.join(', '));
  });

  it('the text says the noun is no record of its own, or another name for one ("refunds will not be treated as objects")', () => {
    assert.ok(notARecord('refund', sentences('To keep it simple, refunds will not be treated as objects, but as events.')));
    assert.ok(notARecord('check', sentences('In this text, inspections and checks are used interchangeably.')));
    assert.ok(!notARecord('inspection', sentences('In this text, inspections and checks are used interchangeably.')));
    assert.ok(!notARecord('refund', sentences('Refunds are not stored after a year.')));
    const text = 'A garage repairs cars. Each car has a plate and a model. Each repair has a date, a car and a price. Customers pay for each repair; payments will not be treated as objects, but as events. When a payment is received, the repair is marked as paid.';
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Repair') && !names.includes('Payment'), names.join(', '));
  });
  it('a noun named only in examples is an instance of a record, not a record ("For example, a wedding may have …")', () => {
    const text = 'Hosts plan parties with a date and a venue. Each party has a list of chores. For example, a wedding may have a chore to order flowers. Hosts pick the kind of party (e.g., wedding, prom) when they create it. Each chore has a title and a done flag.';
    assert.ok(notARecord('wedding', sentences(text)));
    assert.ok(!notARecord('chore', sentences(text)));
    // Named outside the examples too, the noun may be a record.
    assert.ok(!notARecord('wedding', sentences(`${text} Every wedding has a budget and a dress code.`)));
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Party') && names.includes('Chore') && !names.includes('Wedding'), names.join(', '));
  });

  it('a noun measured with a range and otherwise only scored is the unit of a value ("points from 0 to 10")', () => {
    const text = 'A quiz has questions. Each question has a text and is worth a number of points between 1 and 20. Players answer questions and score the points of each right answer. Players can leave the quiz at any point. Each player has a nickname.';
    assert.ok(notARecord('point', sentences(text)));
    // Counted parts are things: "a bank consists of any number of branches".
    assert.ok(!notARecord('branch', sentences('A bank consists of any number of branches. Customers open accounts at 2 branches.')));
    assert.ok(!notARecord('point', sentences('Each point has a latitude and a longitude. A route has 10 points.')));
    assert.ok(!notARecord('mechanic', sentences('We employ 40 drivers and 5 mechanics.')));
    assert.ok(!notARecord('rating', sentences('Members leave a rating from 1 to 5 on a recipe.')));
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Question') && names.includes('Player') && !names.includes('Point'), names.join(', '));
  });
});
