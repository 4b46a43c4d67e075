// "Members book classes": where the booking is a record of its own, the member owns the booking,
// not the class (the class is what is booked); a booked thing that is itself the booking
// ("patients book appointments") stays the person's.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`).sort();

describe('extract: what people book is not theirs', () => {
  it('links the booking to the member and the class, and not the class to the member', () => {
    assert.deepEqual(links('Members book classes. A class has a title.'), ['Booking->Class', 'Booking->User']);
    assert.deepEqual(links('Members book classes. A class has a title. Nobody signs in.'), ['Booking->Class', 'Booking->Member']);
  });

  it('a participle after an article describes the thing booked: "the shared rooms" are nobody\'s', () => {
    assert.deepEqual(links('Members book the shared rooms. Each room has a name and a size.'), ['Booking->Room', 'Booking->User']);
    assert.deepEqual(links('Members book the reserved rooms. Each room has a name and a size.'), ['Booking->Room', 'Booking->User']);
  });

  it('keeps an appointment booked by a patient the patient\'s', () => {
    assert.deepEqual(links('Patients book appointments. An appointment has a date.'), ['Appointment->User']);
  });
});
