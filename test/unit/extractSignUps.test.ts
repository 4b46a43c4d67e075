// "Volunteers sign up for shifts": a sign-up is a record of its own, and the rules about it are
// made on it or listed, never put on the shift its organiser owns (issue #11, new-user texts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const reasons = (text: string) => extractSpec(text).notUnderstood.map((n) => `${n.text} — ${n.reason}`);

describe('extract: sign-ups and the rules about them', () => {
  it('makes a sign-up for something a record that belongs to it and to the person', () => {
    const spec = extractSpec('Helpers sign up for tasks. A task has a title and a date.');
    assert.ok(spec.entities.some((e) => e.name === 'SignUp'), spec.entities.map((e) => e.name).join(' '));
    assert.ok(spec.relations.some((r) => r.from === 'SignUp' && r.to === 'Task'), JSON.stringify(spec.relations));
    // (Signing up with one's details makes an account, not a sign-up record.)
    const account = extractSpec('Members sign up with a name and an email. Members borrow tools. A tool has a name.');
    assert.ok(!account.entities.some((e) => e.name === 'SignUp'), account.entities.map((e) => e.name).join(' '));
  });

  it('counts sign-ups against the places a shift has ("can\'t have more volunteers than spots")', () => {
    const spec = extractSpec('Organisers create shifts with a start, an end and a number of spots. Volunteers sign up for shifts. A shift can\'t have more volunteers than spots.');
    assert.ok(spec.rules.some((r) => r.kind === 'capacity' && r.entity === 'SignUp' && r.capacityField === 'spotCount'), JSON.stringify(spec.rules));
    const classes = extractSpec('Members book classes. A class has a title and a number of places. A class cannot have more bookings than places.');
    assert.ok(classes.rules.some((r) => r.kind === 'capacity' && r.entity === 'Booking' && r.capacityField === 'placeCount'), JSON.stringify(classes.rules));
  });

  it('does not make an overlap rule on the shift per its organiser when the volunteers\' overlaps are meant', () => {
    const noSignUp = extractSpec('Organisers create shifts with a start and an end. Volunteers cannot work two shifts that overlap.');
    assert.ok(!noSignUp.rules.some((r) => r.kind === 'noOverlap'), JSON.stringify(noSignUp.rules));
    const withSignUp = 'Organisers create shifts with a start and an end. Volunteers sign up for shifts. Volunteers can\'t sign up for two shifts that overlap.';
    assert.ok(!extractSpec(withSignUp).rules.some((r) => r.kind === 'noOverlap'), JSON.stringify(extractSpec(withSignUp).rules));
    // The times are the shift's: no start and end are made up on the sign-up, and the sentence says why.
    assert.ok(!extractSpec(withSignUp).entities.find((e) => e.name === 'SignUp')?.fields.some((f) => /start|end/i.test(f.name)));
    assert.ok(reasons(withSignUp).some((r) => /times are Shift's/.test(r)), reasons(withSignUp).join('\n'));
  });

  it('says what one per period leaves out when the period has times of its own', () => {
    const text = 'Periods have a start time and an end time. Lessons are in a period and have a teacher. Teachers have a name. A teacher can\'t be in two lessons in the same period.';
    const spec = extractSpec(text);
    assert.ok(spec.rules.some((r) => r.kind === 'unique' && r.entity === 'Lesson'), JSON.stringify(spec.rules));
    assert.ok(reasons(text).some((r) => /one Lesson per teacher and period/.test(r)), reasons(text).join('\n'));
  });

  it('registering with the app named in capitals is signing up, not a registration record ("Drivers register to FMS")', () => {
    const names = (text: string) => extractSpec(text).entities.map((e) => e.name);
    const app = names('Drivers register to FMS by giving their name and a phone number. Each truck has a plate and a capacity. Drivers book trucks for a day.');
    assert.ok(!app.includes('Registration') && !app.includes('Fm') && !app.includes('Fms'), app.join(' '));
    const course = names('Students register for courses. A course has a title and a start date.');
    assert.ok(course.includes('Registration'), course.join(' '));
  });

  it('signing up for THE one thing the app has ("the newsletter") makes that thing the record, not a sign-up per person', () => {
    const names = (text: string) => extractSpec(text).entities.map((e) => e.name);
    const stories = [
      'As a reader, I want to sign up for the newsletter, so that I hear about new books.',
      'As a reader, I want to unsubscribe from the newsletter.',
      'As a reader, I want to borrow books with a due date.',
    ].join('\n');
    const letter = names(stories);
    assert.ok(letter.includes('Newsletter') && !letter.includes('SignUp'), letter.join(' '));
    const digest = names('Members subscribe to the club magazine. Members borrow books. A book has a title.');
    assert.ok(digest.includes('ClubMagazine') && !digest.includes('Subscription'), digest.join(' '));
    // (Many things to sign up for: each sign-up is a row.)
    assert.ok(names('Helpers sign up for tasks. A task has a title and a date.').includes('SignUp'));
  });
});
