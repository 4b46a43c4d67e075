// An HR or clinic text as a new user types it: "Staff submit leave requests with a start date and a
// reason. Managers approve or reject leave requests. Each leave request has a status." A body of people
// ("staff", "the crew") acting in the app signs in; what they submit is each one's own; the decision
// verbs and the compound subject are read right; a status written without values takes the states the
// decisions give; the party a thing is booked with may be a user in a role ("with a doctor").
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const names = (text: string): string[] => extractSpec(text).entities.map((e) => e.name);
const written = (text: string, entity: string): string[] => extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => f.name) ?? [];
const posOf = (sentence: string, word: string): string | undefined => tagSentence(sentence).find((t) => t.w === word)?.pos;
const roles = (text: string): string[] => {
  const auth = extractSpec(text).auth;
  return auth.kind === 'none' ? [] : auth.roles;
};

describe('extract: what staff submit, decide and book', () => {
  it('"Staff submit leave requests with …", "Staff log shifts with …": the clause\'s verb is no part of the record\'s name', () => {
    assert.deepEqual(written('Staff submit leave requests with a start date, an end date and a reason.', 'LeaveRequest'), ['startDate', 'endDate', 'reason']);
    assert.deepEqual(written('Staff log shifts with a start time and an end time.', 'Shift'), ['startTime', 'endTime']);
    assert.deepEqual(written('Staff record stock movements with a quantity and a date.', 'StockMovement'), ['quantity', 'date']);
    // A compound that starts with the people stays one name; a verb read first, with no subject before it, is a misreading.
    assert.ok(names('Staff room bookings have a date and a room.').includes('StaffRoomBooking'));
    assert.ok(names('Parcel items with a parcel, a product and a quantity. Each parcel has a date.').includes('ParcelItem'));
    // A bare singular noun before the verb form is a modifier; before "have" the words are one subject.
    assert.ok(names('Employee leave requests with a start date, an end date and a reason.').includes('EmployeeLeaveRequest'));
    assert.deepEqual(names('Employee leave requests have a start date and an end date.')[0], 'EmployeeLeaveRequest');
    assert.deepEqual(names('Staff leave requests have a start date and an end date.'), ['StaffLeaveRequest']);
    assert.deepEqual(names('Each crew change request has a date.'), ['CrewChangeRequest']);
    assert.ok(names('Each staff member has a name. Each staff leave request has a start date and a reason.').includes('StaffLeaveRequest'));
  });

  it('a body of people doing what the app must know the doer of signs in: "Staff submit refund requests"', () => {
    assert.ok(roles('Staff submit refund requests.').includes('staff'));
    assert.ok(roles('Personnel order supplies. Each supply has a price.').includes('personnel'));
    assert.ok(roles('Faculty request classrooms. A classroom has a capacity.').includes('faculty'));
    // Not the staff of a place ("city personnel"), nor what they cannot do.
    assert.equal(extractSpec('City personnel order supplies. Each supply has a price.').auth.kind, 'none');
    assert.equal(extractSpec('Personnel cannot order supplies. Each supply has a price.').auth.kind, 'none');
  });

  it('what staff submit is each one\'s own, not the place\'s: an owner link and an ownership rule', () => {
    const leave = extractSpec('Staff submit leave requests with a start date and a reason.');
    assert.ok(leave.relations.some((r) => r.from === 'LeaveRequest' && r.to === 'User' && r.name === 'staffMember'));
    assert.ok(leave.rules.some((r) => r.kind === 'ownership' && r.entity === 'LeaveRequest'));
    assert.ok(!leave.rules.some((r) => r.kind === 'roleRequired' && r.entity === 'LeaveRequest'));
    const cashiers = extractSpec('Cashiers submit refund requests.');
    assert.ok(cashiers.rules.some((r) => r.kind === 'ownership' && r.entity === 'RefundRequest'));
    // What staff add for everyone stays the place's, kept by the role.
    const books = extractSpec('Librarians add books.');
    assert.ok(books.rules.some((r) => r.kind === 'roleRequired' && r.entity === 'Book'));
    assert.ok(!books.rules.some((r) => r.kind === 'ownership' && r.entity === 'Book'));
  });

  it('"approve or reject leave requests": the second decision is a verb and "leave" the requests\' kind', () => {
    assert.equal(posOf('Managers approve or reject leave requests.', 'reject'), 'verb');
    assert.equal(posOf('Managers approve or reject leave requests.', 'leave'), 'noun');
    assert.equal(posOf('Editors accept or decline guest posts.', 'decline'), 'verb');
    assert.equal(posOf('Admins create and delete user accounts.', 'user'), 'noun');
    // A verb after the object is the second verb with its own object.
    assert.equal(posOf('Managers approve requests or leave notes.', 'leave'), 'verb');
  });

  it('"Each leave request has …": a verb form between an article and a compound subject\'s head is its first word', () => {
    assert.equal(posOf('Each leave request has a start date and an end date.', 'leave'), 'noun');
    assert.deepEqual(names('Each leave request has a status.'), ['LeaveRequest']);
    assert.equal(posOf('Every boat has a name.', 'boat'), 'noun');
    // A verb before its object keeps its reading.
    assert.equal(posOf('Each rent a bike.', 'rent'), 'verb');
  });

  it('a status written without values takes the states the decisions and the text give', () => {
    const leave = extractSpec('Staff submit leave requests with a reason. Each leave request has a status. Managers approve or reject leave requests.');
    const status = leave.entities.find((e) => e.name === 'LeaveRequest')?.fields.find((f) => f.name === 'status');
    assert.equal(status?.type, 'enum');
    assert.deepEqual(status?.enumValues, ['pending', 'approved', 'rejected']);
    const booking = extractSpec('A booking has a date and a status. A booking can be confirmed or cancelled.').entities.find((e) => e.name === 'Booking')?.fields.find((f) => f.name === 'status');
    assert.deepEqual(booking?.enumValues, ['pending', 'confirmed', 'cancelled']);
    // An address's "state" is no status.
    const supplier = extractSpec('Each supplier has a name, a city and a state. Managers approve or reject suppliers.').entities.find((e) => e.name === 'Supplier')?.fields.find((f) => f.name === 'state');
    assert.equal(supplier?.type, 'string');
    // Values the text gave stay its own.
    const order = extractSpec('An order has a status (new, paid, shipped). Staff can cancel orders.').entities.find((e) => e.name === 'Order')?.fields.find((f) => f.name === 'status');
    assert.deepEqual(order?.enumValues, ['new', 'paid', 'shipped']);
  });

  it('"Patients book appointments with a doctor", where doctors sign in: the appointment\'s doctor is a user, beside its patient', () => {
    const spec = extractSpec('Patients book appointments with a doctor. Doctors sign in. Two appointments of the same doctor must not overlap. An appointment has a start time and an end time.');
    const toUser = spec.relations.filter((r) => r.from === 'Appointment' && r.to === 'User').map((r) => r.name).sort();
    assert.deepEqual(toUser, ['doctor', 'patient']);
    assert.ok(spec.rules.some((r) => r.kind === 'noOverlap' && r.entity === 'Appointment' && r.scope === 'doctor'));
    const tutor = extractSpec('Students schedule lessons with a tutor. Tutors and students sign in. A lesson has a date.');
    assert.ok(tutor.relations.some((r) => r.from === 'Lesson' && r.to === 'User' && r.name === 'tutor'));
    // The party is never the owner: with no role of their own, the users who book still own the appointment.
    const users = extractSpec('Users book appointments with a doctor. Users sign in. Each appointment has a date.');
    assert.deepEqual(users.relations.filter((r) => r.from === 'Appointment' && r.to === 'User').map((r) => r.name).sort(), ['doctor', 'owner']);
    assert.equal(users.entities.find((e) => e.name === 'Appointment')?.ownerRelation, 'owner');
    // A value after "with" is no party.
    const noted = extractSpec('Patients book appointments with a note. Each appointment has a date. Patients sign in.');
    assert.deepEqual(noted.relations.filter((r) => r.from === 'Appointment' && r.to === 'User').map((r) => r.name), ['patient']);
  });
});
