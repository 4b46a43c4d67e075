// Still more shapes that state a record's values: "name: values" in a bracket ("deals (stage: lead,
// qualified, won, lost)") and values split by slashes after a colon ("stage: lead/qualified/won/lost").
// Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The sourced fields of one entity as "field(values)". */
function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.filter((f) => f.sources.length).map((f) => `${f.name}${f.enumValues ? `(${f.enumValues.join('|')})` : ''}`);
}

describe('extract fields: "name: values" inside a bracket, and values split by slashes after a colon', () => {
  it('a bracket holding "condition: a, b, c" is one field of the record before it, with those values', () => {
    const text = 'Bike co-op: members (name, email), bikes (condition: new, good, worn, broken)';
    assert.deepEqual(fieldsOf(text, 'Bike'), ['condition(new|good|worn|broken)']);
    assert.deepEqual(fieldsOf(text, 'Member'), ['name', 'email']);
  });

  it('after other fields in the bracket too, also with "or" before the last value', () => {
    assert.deepEqual(fieldsOf('Bike co-op: members (name, email), bikes (frame size, condition: new, good or worn)', 'Bike'), ['frameSize', 'condition(new|good|worn)']);
    assert.deepEqual(fieldsOf('The shop keeps plants (name, price, size: small, medium, large).', 'Plant'), ['name', 'price', 'size(small|medium|large)']);
  });

  it('a type or a flag after the colon is no value ("type: string, size" are two fields)', () => {
    assert.deepEqual(fieldsOf('The shop keeps plants (name, type: string, size).', 'Plant').map((f) => f.replace(/\(.*$/, '')), ['name', 'type', 'size']);
    assert.ok(!fieldsOf('The shop keeps plants (name, type: string, size).', 'Plant').some((f) => f.includes('(')), 'no values');
  });

  it('"status: open/closed": values split by slashes, after the list\'s last item, in its middle or in a bracket', () => {
    assert.deepEqual(fieldsOf('Volunteers fix bikes. A repair has a note and a status: open/waiting/done.', 'Repair'), ['note', 'status(open|waiting|done)']);
    assert.deepEqual(fieldsOf('Repairs: note, status: open/waiting/done, due date', 'Repair'), ['note', 'status(open|waiting|done)', 'dueDate']);
    assert.deepEqual(fieldsOf('Bike shop app: customers (name, phone), repairs (note, status: open/waiting/done)', 'Repair'), ['note', 'status(open|waiting|done)']);
    assert.deepEqual(fieldsOf('Volunteers fix bikes. Each repair has a status: open/done and a due date.', 'Repair'), ['status(open|done)', 'dueDate']);
  });
});

describe('extract: a one-line clause with a colon is no title ("A deal has a stage: lead, won or lost")', () => {
  it('the words before the colon keep their verb, so the record and its values are read', () => {
    assert.deepEqual(fieldsOf('A deal has a stage: lead, qualified, won or lost.', 'Deal'), ['stage(lead|qualified|won|lost)']);
    assert.deepEqual(fieldsOf('Each deal has a stage: lead / qualified / won / lost and a value.', 'Deal'), ['stage(lead|qualified|won|lost)', 'value']);
  });

  it('a short name before the colon still is the title ("Event booking: organizers create events …")', () => {
    const spec = extractSpec('Event booking: organizers create events with a name and a date.');
    assert.deepEqual(spec.entities.map((e) => e.name), ['User', 'Event']);
  });
});

describe('extract fields: "report a problem with my plot, with a description and a photo"', () => {
  it('the second "with" list describes the record just made, not the thing it is about', () => {
    const spec = extractSpec('Anglers rent boats. As an angler I want to report a fault with my boat, with a description and a photo.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Fault')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['description', 'photo']);
    assert.ok(!spec.entities.find((e) => e.name === 'Boat')?.fields.some((f) => f.sources.length), 'the boat gets no values');
    assert.ok(spec.relations.some((r) => r.from === 'Fault' && r.to === 'Boat'), 'the fault is about the boat');
  });

  it('also after "about" ("file a complaint about their flat, with a date and a text")', () => {
    const spec = extractSpec('Tenants rent flats. Tenants can file a complaint about their flat, with a date and a text.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Complaint')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date', 'text']);
    assert.ok(!spec.entities.find((e) => e.name === 'Flat')?.fields.some((f) => f.sources.length), 'the flat gets no values');
  });
});

describe('extract fields: "the abilities of a resident are assessed" (a plural value of one record)', () => {
  it('plural values named of one record are a value of that record, whatever the verb', () => {
    const spec = extractSpec('Nurses care for residents. Each resident has a name. Once the check is done, the abilities of a resident are assessed.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Resident')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['name', 'abilities']);
  });

  it('a thing named before it after a preposition is no value joined to it, and "contents" are no value', () => {
    const spec = extractSpec('Nurses care for residents. Each resident has a name. After the intake, the abilities of a resident are assessed.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Resident')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['name', 'abilities']);
    assert.ok(!extractSpec('Movers pack boxes. Each box has a label and a weight. The contents of a box are checked by the driver.').entities.find((e) => e.name === 'Box')?.fields.some((f) => f.name === 'contents'));
  });
});

describe('extract fields: "a description of the toys", "the name of the employer" in a list', () => {
  it('a value of another record named with "the" after "of" is that record\'s', () => {
    const spec = extractSpec('Volunteers repair toys. Each toy has a name. A volunteer must provide a phone number and a description of the toys.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Toy')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['name', 'description']);
    assert.deepEqual(spec.entities.find((e) => e.name === 'Volunteer')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['phoneNumber']);
  });

  it('a name or number of a thing that is no record keeps that thing\'s name ("employerName"); other values do not', () => {
    const spec = extractSpec('Tenants rent flats. A tenant must provide a phone number and the name of the employer.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Tenant')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['phoneNumber', 'employerName']);
    const shop = extractSpec('Each repair has a status. A repair records the date, the cost and a description of the work.');
    assert.ok(shop.entities.find((e) => e.name === 'Repair')?.fields.some((f) => f.name === 'description'), 'the description stays the description');
  });
});

describe('extract fields: "When a user decides to open a business account, he/she has to specify the name of the company"', () => {
  it('what someone has to give while making a record is a value of that record', () => {
    const spec = extractSpec('Users open accounts. Each account has a number. When a user decides to open a business account, he/she has to specify the name of the company.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Account')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['number', 'companyName']);
    const trips = extractSpec('Hikers join trips. Each trip has a date. When creating a trip, the guide must enter a meeting point and a difficulty.');
    assert.deepEqual(trips.entities.find((e) => e.name === 'Trip')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date', 'meetingPoint', 'difficulty']);
  });

  it('not what is booked ("book a court": the booking\'s values) nor the person\'s own values ("their name")', () => {
    assert.ok(!extractSpec('Members book courts. When members book a court, they choose a start time and a duration.').entities.find((e) => e.name === 'Court')?.fields.some((f) => f.sources.length));
    const spec = extractSpec('Users open accounts. When a user opens an account, they must provide their name and email.');
    assert.ok(!spec.entities.some((e) => e.name === 'Account' && e.fields.some((f) => f.name === 'email')), JSON.stringify(spec.entities.map((e) => [e.name, e.fields.map((f) => f.name)])));
  });
});

describe('extract fields: "a date set", "a date shot" (a date named by a participle not ending in -ed)', () => {
  it('is a date, like "date joined"', () => {
    const types = (text: string) => extractSpec(text).entities.flatMap((e) => e.fields.map((f) => `${f.name}:${f.type}`));
    assert.deepEqual(types('Gyms track routes. Each route has a grade and a date set.'), ['grade:string', 'dateSet:date']);
    assert.ok(types('Photographers keep photos. Each photo has a title and a date shot.').includes('dateShot:date'));
    assert.ok(types('Each item has a name and a last seen location.').includes('lastSeenLocation:string'), 'a place last seen is no date');
  });
});

describe('extract fields: times "with" a taking are the taking\'s ("members borrow books with a due date")', () => {
  it('the dates go to the loan, the booking or the rental, not to the thing taken', () => {
    assert.deepEqual(fieldsOf('Members borrow books with a due date and a return date.', 'Loan'), ['dueDate', 'returnDate']);
    assert.deepEqual(fieldsOf('Guests book rooms with a check-in date and a check-out date.', 'Booking'), ['checkInDate', 'checkOutDate']);
    assert.ok(!fieldsOf('Members borrow books with a due date and a return date.', 'Book').some((f) => /date/i.test(f)));
  });

  it('values of the thing itself stay with it ("borrow books with a title and an author")', () => {
    assert.deepEqual(fieldsOf('Members borrow books with a title and an author.', 'Book'), ['title', 'author']);
  });
});
