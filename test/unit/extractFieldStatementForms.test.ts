// More sentence forms that state a record's values: a count kept of a record ("The number of seats
// on these aircraft is also stored"), a value done by each record ("The education completed by
// each actor is known"), "the X of Y" as one value's name, a value of someone the record has ("the
// name of the director's assistant"), a sentence that starts after "etc.", yes/no values asked of a
// named record ("whether a bus driver is on sick leave"), a fronted record's values in a later
// clause, and "… as well as the occasion of the event". Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { splitSentences } from '../../src/core/extract/sentences';
import { fieldsOf, listsOf } from '../shared/fieldStatements';

describe('extract fields: counts kept of a record', () => {
  it('"The number of seats on these aircraft is also stored" is a count field of the record after the preposition', () => {
    assert.deepEqual(listsOf('The number of seats on these aircraft is also stored.'), ['aircraft: seat count']);
    assert.deepEqual(listsOf('The number of seats on these aircraft can change.'), [], 'said to change, not to be kept');
    assert.ok(fieldsOf('An aircraft has a name and a type. The number of seats on each aircraft is also stored.', 'Aircraft').includes('seatCount'));
  });

  it('"… and ask how many people the order is for" is a count field of the order', () => {
    assert.deepEqual(listsOf('Customers indicate the latest delivery time and we ask how many people the order is for.').filter((l) => l.startsWith('order')), ['order: person count']);
    assert.deepEqual(listsOf('We ask how many people came.'), [], 'no record the count is for');
  });
});

describe('extract fields: values said to be known of each record', () => {
  it('"The education completed by each actor is known": the value the record\'s own act gives it', () => {
    assert.deepEqual(listsOf('The education completed by each actor is known.'), ['actor: education']);
    assert.deepEqual(listsOf('The work done by each actor can be reviewed.'), [], 'not said to be kept');
  });

  it('"the field of activity of each technician is known": a noun of a bare noun names one value', () => {
    assert.deepEqual(listsOf('The field of activity of each technician is known.'), ['technician: field of activity']);
    assert.deepEqual(listsOf('There are technicians, and the field of activity of each technician is known.'), ['technician: field of activity'], 'in a later clause too');
    assert.deepEqual(listsOf('The number of visits of each page is stored.'), ['page: visit count'], 'a count phrase is a count, not a value named "number of visits"');
  });

  it('"The name of the director\'s assistant is stored": the possessor\'s value is named after whom it describes', () => {
    assert.deepEqual(listsOf("The name of the director's assistant is stored."), ['director: assistant name']);
    assert.deepEqual(listsOf("Each runner's bib number is recorded."), ['runner: bib number'], 'a plain possessive is unchanged');
  });

  it('"I want to see my plot\'s number, size and yearly fee": the values one sees or keeps of a record are its fields', () => {
    assert.deepEqual(listsOf("As a tenant, I want to see my flat's number, floor and monthly rent."), ['flat: number, floor, monthly rent']);
    assert.deepEqual(listsOf("Volunteers can view the shelter's address, phone and opening hours."), ['shelter: address, phone, opening hours']);
    assert.deepEqual(listsOf("We keep each boat's name, length and mooring fee."), ['boat: name, length, mooring fee']);
    // One value seen is no list of fields ("see the shop's books" names what the shop has).
    assert.deepEqual(listsOf("Customers can see the shop's opening hours."), []);
  });

  it('"a list of songs" where songs are records is a link to them, like "several songs", not a field as well', () => {
    const spec = extractSpec('Hymns have a title and a composer. Each service has a date, a preacher and a list of hymns.');
    const service = spec.entities.find((e) => e.name === 'Service');
    assert.ok(service && !service.fields.some((f) => /list/i.test(f.name)), JSON.stringify(service?.fields));
    assert.ok(spec.relations.some((r) => [r.from, r.to].includes('Hymn') && [r.from, r.to].includes('Service')), JSON.stringify(spec.relations));
  });

  it('"each deal has a title and a stage: lead, won or lost": the values after a colon are the last item\'s, a kind of value', () => {
    const fields = (text: string) => extractSpec(text).entities.flatMap((e) => e.fields.map((f) => `${e.name}.${f.name}${f.enumValues ? `(${f.enumValues.join('|')})` : ''}`));
    assert.deepEqual(fields('Each lead has a name and a stage: new, contacted, won or lost.'), ['Lead.name', 'Lead.stage(new|contacted|won|lost)']);
    assert.deepEqual(fields('Each bug has a title and a priority: low, medium, high.'), ['Bug.title', 'Bug.priority(low|medium|high)']);
    // A clause after the colon is no list of values.
    assert.deepEqual(fields('Each chore has a title and a status: it can be changed by the owner.'), ['Chore.title', 'Chore.status']);
  });

  it('"deposit paid (yes/no)": a yes-or-no value is a boolean field, no choice of two words', () => {
    const fields = (text: string) => extractSpec(text).entities.flatMap((e) => e.fields.map((f) => `${e.name}.${f.name}:${f.type}`));
    assert.deepEqual(fields('Each loan has a start date, an end date and deposit paid (yes/no).'), ['Loan.startDate:date', 'Loan.endDate:date', 'Loan.depositPaid:boolean']);
    assert.deepEqual(fields('Each locker has a number and an occupied flag (Y/N).'), ['Locker.number:integer', 'Locker.occupiedFlag:boolean']);
    // Inside a bracketed list too ("vaccinated yes/no" is read as "vaccinated (yes/no)": a bracket in a bracket).
    assert.deepEqual(fields('Owners register their cats (name, breed, neutered yes/no).').filter((f) => f.startsWith('Cat.')), ['Cat.name:string', 'Cat.breed:string', 'Cat.neutered:boolean']);
    // Two other words are still a choice.
    assert.ok(extractSpec('Each locker has a number and a size (small/large).').entities[0].fields.some((f) => f.type === 'enum'));
  });

  it('a link a record keeps is its web address ("a sheet music link", "a title and a link"); a page\'s link is no field', () => {
    const fields = (text: string) => extractSpec(text).entities.flatMap((e) => e.fields.map((f) => `${e.name}.${f.name}:${f.type}`));
    assert.deepEqual(fields('Pieces have a title, a composer and a sheet music link.'), ['Piece.title:string', 'Piece.composer:string', 'Piece.sheetMusicLink:url']);
    assert.deepEqual(fields('Each podcast has a title and a link.'), ['Podcast.title:string', 'Podcast.link:url']);
    assert.deepEqual(fields('The home page has a button and a link.'), []);
  });
});

describe('sentences: "etc." at the end of a sentence', () => {
  it('a word that opens a clause after "etc." starts the next sentence; a name after it does not', () => {
    const plains = (text: string) => splitSentences(text).sentences.map((s) => s.plain);
    assert.deepEqual(plains('The contract covers delivery terms, legal aspects, etc. Each acquisition has a price.'), ['the contract covers delivery terms, legal aspects, etc.', 'each acquisition has a price.']);
    assert.equal(plains('Fruit, vegetables etc. Bob sells them.').length, 1, 'a name after "etc." may continue the sentence');
    const text = 'A contract stipulates common elements such as delivery conditions, legal aspects, etc. Each acquisition of an airplane has details, such as the negotiated price and the delivery date.';
    assert.deepEqual(fieldsOf(text, 'Acquisition'), ['negotiatedPrice', 'deliveryDate']);
  });
});

describe('extract fields: yes/no values asked of a named record', () => {
  it('"indicating whether a bus driver is on sick leave and whether a bus is in the repair shop": a flag of each record asked about', () => {
    assert.deepEqual(listsOf('The system supports indicating whether a bus driver is on sick leave and whether a bus is in the repair shop.'), ['driver: on sick leave', 'bus: in repair shop']);
    assert.deepEqual(listsOf('The app records whether the invoice is paid or not.'), ['invoice: paid']);
    assert.deepEqual(listsOf('Attendees can indicate whether they will attend the event.'), [], 'a pronoun names no record here');
    const text = 'A driver has a name and a phone number. The system records whether a driver is on sick leave.';
    assert.ok(fieldsOf(text, 'Driver').includes('onSickLeave'));
  });
});

describe('extract fields: more of one record in the same sentence', () => {
  it('"For each order, there is a client, and both the pick-up and delivery addresses are known": the fronted record\'s, the pair sharing its head', () => {
    assert.deepEqual(listsOf('For each order, there is always a customer who is the client, and both the pick-up and delivery addresses are known.'), ['order: pick-up address, delivery address']);
    assert.deepEqual(listsOf('There is always a customer, and both the pick-up and delivery addresses are known.'), [], 'no fronted record to own them');
  });

  it('"… of the event must be specified as well as the occasion and location of the event": both lists are the record\'s; a "date/time" is one value', () => {
    assert.deepEqual(listsOf('The start date/time and end date/time of the event must be specified as well as the occasion and location of the event.'), ['event: start date-time, end date-time, occasion, location']);
    assert.deepEqual(listsOf('The title and year of each film are stored as well as the name of the director.'), ['film: title, year'], "the director's name is not the film's");
    const start = extractSpec('The start date/time and end date/time of each event must be specified.').entities.find((e) => e.name === 'Event')?.fields.find((f) => f.name === 'startDateTime');
    assert.equal(start?.type, 'datetime');
  });
});

describe('extract fields: names and records of values kept', () => {
  it('"the date of the next inspection" is named after the event it picks out (nextInspectionDate); "the date of the booking" stays a date', () => {
    assert.deepEqual(listsOf('The name and date of the next inspection are stored for aircraft.'), ['aircraft: name, next inspection date']);
    assert.deepEqual(listsOf('The name and date of the booking are stored for each guest.'), ['guest: name, date']);
  });

  it('"The humidity level of earth basements is also stored": without a determiner a plural names the records', () => {
    assert.deepEqual(listsOf('The humidity level of earth basements is also stored.'), ['earth basement: humidity level']);
    assert.deepEqual(listsOf('The name of staff is stored.'), [], 'a bare singular is no record type here');
    const text = 'A house may have a basement, the size and name of which are stored. There are two types of basements: earth basements and concrete basements. The humidity level of earth basements is also stored.';
    assert.ok(fieldsOf(text, 'Basement').includes('humidityLevel'), 'a kind of basement: the field is on Basement');
  });

  it('"whether they are double carports and whether they have a flat roof": each question is a flag of its own', () => {
    assert.deepEqual(listsOf('For carports, information stored includes whether they are double carports and whether they have a flat roof.'), ['carport: double carports, flat roof']);
  });
});
