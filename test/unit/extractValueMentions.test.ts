// Values named in passing ("the duration of a lesson", "the studio's address") become fields of a
// record the text already has, whatever the verb; they never make records. Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

function fieldNames(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.map((f) => f.name);
}

const BASE = 'The app manages lessons and studios. Each lesson belongs to a studio. A studio has a name. ';

describe('extract fields: values named in passing', () => {
  it('"the X of a Y" with any verb is a field X of the record Y', () => {
    assert.ok(fieldNames(`${BASE}The duration of a lesson is the same in every studio.`, 'Lesson').includes('duration'));
    assert.ok(fieldNames(`${BASE}Trainers often change the outstanding fee of the lesson.`, 'Lesson').includes('outstandingFee'));
  });

  it('"the Y\'s X" is a field X of the record Y', () => {
    const fields = fieldNames(`${BASE}A trainer picks a studio based on the studio's street address.`, 'Studio');
    assert.ok(fields.includes('streetAddress'), fields.join(', '));
  });

  it('"the X and (the) Y of a Z": every value joined before "of" is a field of Z', () => {
    const fields = fieldNames(`${BASE}Trainers look at the duration and cost of the lesson. They compare the level, the colour and the status of a lesson.`, 'Lesson');
    for (const name of ['duration', 'cost', 'level', 'colour', 'status']) assert.ok(fields.includes(name), `${name} not in ${fields.join(', ')}`);
    // Values joined to a person are not: "the address and owner of a studio".
    assert.deepEqual(fieldNames(`${BASE}Guests ask about the address and owner of a studio.`, 'Studio'), ['name']);
  });

  it('"the X of the Y" names by its last word the one record whose name ends in Y', () => {
    const text = 'The app stores control commands and devices. Each control command has a code and is sent to a device, which reads the priority of the command.';
    assert.ok(fieldNames(text, 'ControlCommand').includes('priority'), fieldNames(text, 'ControlCommand').join(', '));
    // Two records ending in "command": which one is meant is not said.
    const two = 'The app stores control commands, voice commands and devices. Each control command has a code. Each voice command has a code. A device reads the priority of the command.';
    assert.deepEqual([...fieldNames(two, 'ControlCommand'), ...fieldNames(two, 'VoiceCommand')], ['code', 'code']);
  });

  it('plurals, records, people, portions and things in general are not values', () => {
    const spec = extractSpec(
      `${BASE}The owner of a studio opens it. The studios of the lesson vary. The rest of the lesson is free. ` +
        'The transport of lessons is cheap. The next level of a lesson is hard. The studio\'s hall of fame is big.',
    );
    const lesson = spec.entities.find((e) => e.name === 'Lesson')!;
    const studio = spec.entities.find((e) => e.name === 'Studio')!;
    const names = [...lesson.fields, ...studio.fields].map((f) => f.name);
    for (const wrong of ['owner', 'studio', 'rest', 'transport', 'nextLevel', 'hall']) assert.ok(!names.includes(wrong), `${wrong} in ${names.join(', ')}`);
    assert.deepEqual(spec.entities.map((e) => e.name).sort(), ['Lesson', 'Studio']);
  });

  it('"a description of the items", "the weight of the crates": one value of the plural records is each one\'s', () => {
    const text = 'Donors drop off crates at the depot. Crates have a label. A donor gives a phone number and a description of the crates. Staff check the weight of the crates.';
    assert.deepEqual(fieldNames(text, 'Crate').filter((f) => f === 'description' || f === 'weight'), ['description', 'weight']);
    const vague = 'Cooks prepare dishes. Dishes have a name. The chef wants a better overview of the dishes and checks the preparation of the dishes.';
    assert.deepEqual(fieldNames(vague, 'Dish'), ['name'], 'an overview or a preparation is no value a dish keeps');
  });

  it('"chosen based on their X", "listed according to their X", "sorted by their X": X is a value of the plural record before', () => {
    const text = 'Jobs go to plumbers based on their area of expertise. Each plumber has a phone number. Vans are sorted by their mileage. Plumbers drive vans.';
    assert.ok(fieldNames(text, 'Plumber').includes('areaOfExpertise'), fieldNames(text, 'Plumber').join(', '));
    assert.ok(fieldNames(text, 'Van').includes('mileage'), fieldNames(text, 'Van').join(', '));
    const people = 'Books are written by their authors. Books have a title.';
    assert.deepEqual(fieldNames(people, 'Book'), ['title'], 'people are no values');
  });

  it('a record named by a value word, with nothing of its own, is the value the text gives it to ("the current stock of each part")', () => {
    const names = (text: string): string[] => extractSpec(text).entities.map((e) => e.name);
    const clinic = 'The clinic keeps track of its stock. Nurses record the remaining stock of each medicine. A medicine has a name and a dosage. Patients receive medicines.';
    assert.ok(fieldNames(clinic, 'Medicine').includes('remainingStock'), fieldNames(clinic, 'Medicine').join(', '));
    assert.ok(!names(clinic).includes('Stock'), names(clinic).join(', '));
    const guide = 'The guide calculates a rating for the restaurants. A restaurant has a name and an address. Critics publish the rating of each restaurant.';
    assert.ok(fieldNames(guide, 'Restaurant').includes('rating'), fieldNames(guide, 'Restaurant').join(', '));
    assert.ok(!names(guide).includes('Rating'), names(guide).join(', '));
    // "his/her X" after "the tutor's …" is the tutor's too.
    const tutors = "The platform uses the past lessons of a tutor to calculate a reliability rating. A tutor has a name and an email. Parents see the tutor's subjects and his/her reliability rating.";
    assert.ok(fieldNames(tutors, 'Tutor').includes('reliabilityRating'), fieldNames(tutors, 'Tutor').join(', '));
    assert.ok(!names(tutors).includes('ReliabilityRating'), names(tutors).join(', '));
  });

  it('a value-word record counted in the plural, with fields or links of its own, stays a record', () => {
    const names = (text: string): string[] => extractSpec(text).entities.map((e) => e.name);
    const counted = 'The shop keeps a category for its products. A product has a name and a price. Staff pick the category of each product from a list of 20 categories.';
    assert.ok(names(counted).includes('Category'), names(counted).join(', '));
    const fielded = 'The clinic keeps track of its stock. A stock has a location and a quantity. Nurses record the remaining stock of each medicine. A medicine has a name and a dosage.';
    assert.ok(names(fielded).includes('Stock'), names(fielded).join(', '));
    const linked = 'The clinic keeps track of its stock. Each stock is kept in a warehouse. Nurses record the remaining stock of each medicine. A medicine has a name and a dosage. A warehouse has an address.';
    assert.ok(names(linked).includes('Stock'), names(linked).join(', '));
  });

  it('"which type(s) of X" someone wants or needs: X comes in types, a value each X has', () => {
    assert.ok(fieldNames('A room has a number and a price. When booking, the guest chooses which type of room they want.', 'Room').includes('type'));
    assert.ok(fieldNames('A licence has a number and an expiry date. Applicants indicate which kind(s) of licence they apply for.', 'Licence').includes('type'));
    assert.ok(fieldNames('A ticket has a seat and a price. The buyer selects which category of ticket he wants.', 'Ticket').includes('category'));
    // Not of a thing that is no record, nor when the type is a record of its own.
    assert.deepEqual(fieldNames('A room has a number and a price. The planner decides which type of help is needed.', 'Room'), ['number', 'price']);
    assert.ok(!fieldNames('A room type has a name and a base price. A room has a number. Guests pick which type of room they want.', 'Room').includes('type'));
  });

  it('"the X (can) verb his/her V": the value a person does something with is the person record\'s', () => {
    assert.ok(fieldNames('A patient has a name. Doctors treat patients. The patient can retract his/her consent at any time.', 'Patient').includes('consent'));
    assert.ok(fieldNames('A member has a name. Members join clubs. The member updates his or her phone number online.', 'Member').includes('phoneNumber'));
    assert.ok(fieldNames('A driver has a name. Drivers drive buses. Every driver renews his/her licence every year.', 'Driver').includes('licence'));
    // A record is a link, not a value; "he/she" names no record.
    assert.deepEqual(fieldNames('A customer has a name. A car has a plate number. The customer refuels his/her car at a pump.', 'Customer'), ['name']);
    assert.deepEqual(fieldNames('A member has a name. Members join clubs. He/she updates his/her phone number online.', 'Member'), ['name']);
  });
});
