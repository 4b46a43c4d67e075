// Sentence patterns of English that state a record's values, each read into the record's fields:
// "for every X the A, B and C are recorded" (no comma after the record), a record made "with" one
// value ("report a repair request with a description"). Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { fieldsOf, listsOf } from '../shared/fieldStatements';

describe('extract fields: "for every X the A, B and C are recorded"', () => {
  it('the record is the noun after "for every", and the list starts at "the" even with no comma between them', () => {
    assert.deepEqual(listsOf('For every clinic the name, address and opening hours are recorded.'), ['clinic: name, address, opening hours']);
    assert.deepEqual(listsOf('For each kennel its size, location and daily rate are stored.'), ['kennel: size, location, daily rate']);
    assert.deepEqual(listsOf('For each clinic, the name and address are recorded.'), ['clinic: name, address'], 'with the comma, unchanged');
    assert.deepEqual(fieldsOf('The agency manages clinics and doctors. For every clinic the name, address and opening hours are recorded.', 'Clinic'), ['name', 'address', 'openingHours']);
  });
});

describe('extract fields: a record made "with" one value', () => {
  it('"report a repair request with a description" gives the request a description', () => {
    assert.deepEqual(listsOf('Residents can report a repair request with a description.'), ['repair request: description']);
    assert.deepEqual(listsOf('Members can create a new album with a title.'), ['album: title']);
    assert.deepEqual(fieldsOf('Residents can report a repair request with a description. A caretaker handles each repair request.', 'RepairRequest'), ['description']);
  });

  it('a bare plural made ("users write notes with a title") gets its one value too', () => {
    assert.deepEqual(fieldsOf('Users write notes with a title.', 'Note'), ['title']);
    assert.deepEqual(fieldsOf('Staff can log incidents with a severity.', 'Incident'), ['severity']);
    assert.deepEqual(fieldsOf('Members create new playlists with a cover image.', 'Playlist'), ['coverImage']);
    assert.deepEqual(listsOf('Patients book appointments with a dentist.'), [], 'a person is still a companion');
    assert.deepEqual(listsOf('Tenants report broken heaters with a photo.'), [], 'still the report\'s, not the heater\'s');
  });

  it('one item after "with" that is a companion, a means or the state of a thing reported stays no value', () => {
    assert.deepEqual(listsOf('Customers pay the bill with a credit card.'), [], 'paying makes nothing');
    assert.deepEqual(listsOf('Patients book an appointment with a doctor.'), [], 'a person is a companion');
    assert.deepEqual(listsOf('Users compare the offer with the budget.'), [], 'a definite thing compared with');
    assert.deepEqual(listsOf('Tenants report a broken heater with a photo.'), [], 'the photo is the report\'s, not the heater\'s');
  });
});

describe('extract fields: a relative clause between commas inside a list', () => {
  it('"a name, which has to be unique, and a phone number": the list goes on after the aside, which flags its item', () => {
    assert.deepEqual(listsOf('Each vendor has a name, which has to be unique, and a phone number.'), ['vendor: name, phone number']);
    assert.deepEqual(listsOf('Each vendor has a logo, which is shown on the stall, and an opening time.'), ['vendor: logo, opening time']);
    assert.deepEqual(listsOf('Each vendor has a name, which the market sets, and the market opens at nine.'), ['vendor: name'], 'a clause after the aside still ends the list');
    const spec = extractSpec('The market keeps vendors and stalls. Each vendor has a name, which has to be unique, and a phone number. Vendors rent stalls.');
    const name = spec.entities.find((e) => e.name === 'Vendor')?.fields.find((f) => f.name === 'name');
    assert.ok(name?.unique, 'the aside\'s "unique" flags the name');
    assert.ok(spec.entities.find((e) => e.name === 'Vendor')?.fields.some((f) => f.name === 'phoneNumber'));
  });
});

describe('extract fields: values a record is given ("each order is given a number")', () => {
  it('a passive verb of giving with its second object: what the record is given is its value', () => {
    assert.deepEqual(listsOf('Each booking is given a reference code.'), ['booking: reference code']);
    assert.deepEqual(listsOf('Every crate is assigned a shelf number and a weight class.'), ['crate: shelf number, weight class']);
    assert.deepEqual(listsOf('The vouchers will also be issued a serial number.'), ['voucher: serial number']);
    assert.deepEqual(listsOf('Each crate is assigned to a shelf.'), [], '"assigned to" names where it goes, no value');
    assert.deepEqual(fieldsOf('The depot stores crates. Each crate is given a barcode.', 'Crate'), ['barcode']);
  });

  it('what a record is given that is another record is a link', () => {
    const spec = extractSpec('Couriers deliver parcels. Each parcel is assigned a courier. Each courier has a name.');
    assert.ok(spec.relations.some((r) => r.from === 'Parcel' && r.to === 'Courier'));
  });

  it('"assigns a V to the X" (active): what is assigned to the record is its value, up to where the clause goes on', () => {
    assert.deepEqual(listsOf('When a parcel arrives, the clerk assigns a shelf number to the parcel.'), ['parcel: shelf number']);
    assert.deepEqual(listsOf('The editor assigns a category to the article from a list of sections.'), ['article: category']);
    assert.deepEqual(listsOf('The teacher assigns a due date to each course, so that pupils know when to finish it.'), ['course: due date']);
    assert.deepEqual(fieldsOf('A parcel has a weight and an address. When a parcel arrives, the clerk assigns a shelf number to the parcel.', 'Parcel'), ['weight', 'address', 'shelfNumber']);
    // Not to several things at once, nor "assigns the tasks to the staff" (no value named with "a").
    assert.deepEqual(listsOf('It is possible to assign a bus driver to two shifts at the same time.'), []);
    assert.deepEqual(listsOf('The planner assigns the use cases to the actors.'), []);
  });

  it('"his/her" is one owner written both ways, not two values', () => {
    assert.deepEqual(listsOf('Each guest is assigned a room for his/her stay.'), ['guest: room']);
  });
});

describe('extract fields: "with" inside the last item of a list', () => {
  it('"…, a founding year and a photo with …": the items before "with" are all read; general information after it is no sub-list', () => {
    assert.deepEqual(listsOf('Each band has a name, a founding year and a photo with additional information on the band.'), ['band: name, founding year, photo']);
    assert.deepEqual(listsOf('Each band has a name and a founding year.'), ['band: name, founding year'], 'without "with", unchanged');
  });
});

describe('extract fields: "register with a place as a role with …"', () => {
  it('the values after the second "with" are the role\'s, and the place joined is the role\'s link', () => {
    assert.deepEqual(listsOf('Volunteers sign up with a shelter as a helper with a nickname and a phone number.'), ['helper: shelter', 'helper: nickname, phone number']);
    const spec = extractSpec('Volunteers sign up with a shelter as a helper with a nickname and a phone number. Each shelter has an address. Helpers walk dogs.');
    assert.ok(!spec.entities.find((e) => e.name === 'Shelter')?.fields.some((f) => f.name === 'nickname'), 'the nickname is not the shelter\'s');
  });
});

describe('extract fields: where a record is ("each hotel is located in a city")', () => {
  it('a place named with "a"/"an" after "is located / situated / based in" is a value of the record', () => {
    assert.deepEqual(listsOf('Each warehouse is located in a region at a particular street address.'), ['warehouse: region, street address']);
    assert.deepEqual(listsOf('The stage is situated at a specific spot.'), ['stage: spot']);
    assert.deepEqual(listsOf('The head office is located in the north wing.'), [], 'one place named, no value');
    assert.deepEqual(listsOf('A song recorded in a studio is based on a poem.'), [], '"based on" is where it comes from, and the subject is the song, not the studio');
  });

  it('the verb lists after it are still read ("… is located in a region and has a name")', () => {
    assert.deepEqual(fieldsOf('The company runs warehouses. Each warehouse is located in a region and has a name and a phone number.', 'Warehouse').sort(), ['name', 'phoneNumber', 'region']);
  });
});

describe('extract fields: a record described by a row of phrases ("a walk is for one dog, on a date, with a duration of …")', () => {
  it('each phrase after "is" names one thing the record has; one of them says when or how long', () => {
    assert.deepEqual(listsOf('A ride is for one horse, on a date, with a duration of 30 to 90 minutes.'), ['ride: horse, date, duration']);
    assert.deepEqual(listsOf('A transfer is from a terminal to a hotel.'), [], 'a route, no when');
    const spec = extractSpec('Riders book horses. A ride is for one horse, on a date, with a duration of 30 to 90 minutes. Each horse has a name.');
    const ride = spec.entities.find((e) => e.name === 'Ride');
    assert.deepEqual(ride?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date', 'duration']);
    assert.ok(spec.relations.some((r) => r.from === 'Ride' && r.to === 'Horse'), 'the horse is a link');
  });
});

describe('extract fields: values a record is given, up to a clause of its own', () => {
  it('"gets assigned an id, and we want …": the clause after the list is not read into it', () => {
    assert.deepEqual(listsOf('Each parcel gets assigned a code, and we want to log the date and time when it was sent.').filter((l) => l.includes('code')), ['parcel: code']);
  });
});

describe('extract fields: a person\'s values said with "he" or "she" in the next sentence', () => {
  it('"He has a name and a card number" gives the values to the person the sentence before is about', () => {
    assert.deepEqual(fieldsOf('The gym signs up trainers. A trainer leads classes. She has a name and a licence number.', 'Trainer').sort(), ['licenceNumber', 'name']);
    const spec = extractSpec('The gym runs classes. A class has a level. He has a name and a licence number.');
    assert.ok(!spec.entities.find((e) => e.name === 'Class')?.fields.some((f) => f.name === 'licenceNumber'), '"he" does not point back to a class');
  });
});
