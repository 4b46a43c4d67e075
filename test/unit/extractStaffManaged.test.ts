// Records only staff make ("Librarians add books") are kept by that role for everyone: a role rule,
// not an owner (the one librarian who typed a book in does not own it, and members may not add books).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: records the staff keep', () => {
  it('gives a record only staff add a role rule for creating, changing and deleting it, and no owner', () => {
    const spec = extractSpec('Library. Librarians add books. Members sign in and borrow books. A book has a title and an ISBN.');
    assert.ok(spec.rules.some((r) => r.kind === 'roleRequired' && r.entity === 'Book' && r.roles.includes('librarian') && r.actions.includes('create')), JSON.stringify(spec.rules));
    assert.ok(!spec.rules.some((r) => r.kind === 'ownership' && r.entity === 'Book'), JSON.stringify(spec.rules));
    assert.ok(!spec.relations.some((r) => r.from === 'Book' && r.to === 'User'), JSON.stringify(spec.relations));
  });

  it('keeps the owners of a record people other than staff make too, and of an organiser\'s own events', () => {
    const clinic = extractSpec('Clinic. Receptionists and patients sign in. Receptionists book appointments. Patients book appointments too. An appointment has a date and a reason.');
    assert.ok(!clinic.rules.some((r) => r.kind === 'roleRequired' && r.entity === 'Appointment'), JSON.stringify(clinic.rules));
    const events = extractSpec('Organisers sign in and create events. An event has a name and a date.');
    assert.ok(events.rules.some((r) => r.kind === 'ownership' && r.entity === 'Event'), JSON.stringify(events.rules));
  });
});
