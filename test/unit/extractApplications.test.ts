// Job, loan, scholarship and adoption applications as a new user writes them: "Candidates submit
// applications for job openings. Each application has a cover letter and a status. Recruiters accept or
// reject applications." An application was always the software being described; it is a record where the
// text treats it as a thing people send in and someone decides on. The values given in the act of applying
// or booking are the record's; an application form is the application; people deciding on records sign in.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string): string[] => extractSpec(text).entities.map((e) => e.name);
const written = (text: string, entity: string): string[] => extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => f.name) ?? [];
const roles = (text: string): string[] => {
  const auth = extractSpec(text).auth;
  return auth.kind === 'none' ? [] : auth.roles;
};

describe('extract: applications people send in', () => {
  it('applications submitted, decided on, counted one by one or made for something are records', () => {
    const jobs = extractSpec('Candidates submit applications for job openings. Each application has a cover letter and a status. Recruiters accept or reject applications.');
    const application = jobs.entities.find((e) => e.name === 'Application');
    assert.deepEqual(application?.fields.filter((f) => f.sources.length).map((f) => f.name), ['coverLetter', 'status']);
    assert.deepEqual(application?.fields.find((f) => f.name === 'status')?.enumValues, ['pending', 'accepted', 'rejected']);
    assert.ok(jobs.relations.some((r) => r.from === 'Application' && r.to === 'User'));
    const scholarships = extractSpec('Students apply for scholarships. An application has a date and an essay.');
    assert.deepEqual(scholarships.entities.find((e) => e.name === 'Application')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date', 'essay']);
    assert.ok(scholarships.relations.some((r) => r.from === 'Application' && r.to === 'Scholarship'));
    assert.deepEqual(written('Members submit loan applications with an amount and a term.', 'LoanApplication'), ['amount', 'term']);
    assert.deepEqual(written('Applications (applicant, program, submitted date, status: draft, submitted, accepted, rejected).', 'Application'), ['applicant', 'program', 'submittedDate', 'status']);
    assert.deepEqual(written('- Applications: applicant, job, date, status', 'Application'), ['applicant', 'job', 'date', 'status']);
    // Denied is a decision too.
    const visa = extractSpec('A visa application is approved or denied. An application has a date.').entities.find((e) => e.name === 'Application');
    assert.deepEqual(visa?.fields.find((f) => f.name === 'status')?.enumValues, ['pending', 'approved', 'denied']);
    const claims = extractSpec('Customers file claims. Each claim has an amount. Adjusters approve or deny claims.').entities.find((e) => e.name === 'Claim');
    assert.deepEqual(claims?.fields.find((f) => f.name === 'status')?.enumValues, ['pending', 'approved', 'denied']);
  });

  it('the application being written is the software, not a record', () => {
    assert.deepEqual(names('Write an application that keeps track of books. Each book has a title.'), ['Book']);
    assert.ok(!names('The application should load quickly. Users post recipes with a title.').includes('Application'));
    assert.deepEqual(names('The web application has a dashboard. Each task has a title.'), ['Task']);
    assert.deepEqual(names('Our app is an application for managing books. Each book has a title.'), ['Book']);
    assert.ok(!names('The Tile-O application first allows a game designer to define a board. Each board has a size.').some((n) => n.includes('Application')));
  });

  it('an application form is the application ("fill in an application form with …"); a consent form stays a form', () => {
    const spec = extractSpec('Volunteers fill in an application form with their name, availability and skills. Coordinators approve or reject applications.');
    assert.ok(!spec.entities.some((e) => e.name === 'ApplicationForm'));
    assert.deepEqual(spec.entities.find((e) => e.name === 'Application')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['name', 'availability', 'skills', 'status']);
    assert.deepEqual(written('Customers fill in a booking form with a date, a time and a party size. Staff confirm bookings.', 'Booking').slice(0, 3), ['date', 'time', 'partySize']);
    assert.deepEqual(written('Parents sign a consent form with a date and a signature. Each child has a name.', 'ConsentForm'), ['date', 'signature']);
  });

  it('what people give in the act of booking, borrowing or applying are the values of the record the act makes', () => {
    assert.deepEqual(written('Guests book rooms by giving their arrival date and the number of guests.', 'Booking'), ['arrivalDate', 'guestCount']);
    assert.deepEqual(written('Members borrow books by entering their card number and a return date.', 'Loan'), ['cardNumber', 'returnDate']);
    assert.deepEqual(written('Adopters apply for a pet by stating their household size and a short motivation.', 'Application'), ['householdSize', 'motivation']);
    // Registering gives one's own details.
    assert.deepEqual(written('Travellers register by providing their name, billing information and travel preferences.', 'Traveller'), ['name', 'billingInformation']);
  });

  it('a record named inside a state ("under review") is no mention of it: the workflow stays on the record the text is about', () => {
    const workflowOn = (text: string) => extractSpec(text).rules.filter((r) => r.kind === 'statusWorkflow').map((r) => r.entity);
    assert.deepEqual(workflowOn('Researchers submit grant applications. Reviewers write reviews with a score and a comment. Each application has a title and a budget. Its status goes from draft to submitted to under review, and then to awarded or declined.'), ['Application']);
    assert.deepEqual(workflowOn('Customers open support tickets. Agents write a review of each ticket. A ticket has a subject. The status goes from new to under review to resolved.'), ['Ticket']);
    // A record the states do not contain is still named by the sentence.
    assert.deepEqual(workflowOn('Reviewers write reviews with a score. Each review goes from draft to submitted to published.'), ['Review']);
  });

  it('people who approve, reject or accept the app\'s records sign in; accepting cookies is no such act', () => {
    assert.ok(roles('Candidates submit applications. Recruiters accept or reject applications.').includes('recruiter'));
    assert.ok(roles('Members write posts. Moderators approve posts. Each post has a title.').includes('moderator'));
    assert.deepEqual(roles('Visitors accept cookies. Each article has a title.'), []);
  });
});
