// How a record's values are read from English phrasings (issue #11, explicit fields), one test per form.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record. */
const typedFieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => `${f.name}:${f.type}`) ?? [];

describe('extract fields: readings of a record\'s values', () => {
  it('a pair sharing a plural head is one value of each ("the start and end dates of the projects")', () => {
    assert.deepEqual(typedFieldsOf('Each campaign has a title. The start and end dates of the campaigns are recorded.', 'Campaign'), ['title:string', 'startDate:date', 'endDate:date']);
    assert.deepEqual(typedFieldsOf('Volunteers help at festivals, whereby the name, opening and closing dates of the festivals are known.', 'Festival'), ['name:string', 'openingDate:date', 'closingDate:date']);
  });

  it('a range with its bounds in brackets is two values ("a valid value range (min, max)"), not an enum', () => {
    assert.deepEqual(typedFieldsOf('Gauges have a valid value range (min, max).', 'Gauge'), ['min:decimal', 'max:decimal']);
    assert.deepEqual(typedFieldsOf('A freezer has an allowed temperature range (minimum, maximum).', 'Freezer'), ['minimumTemperature:decimal', 'maximumTemperature:decimal']);
    // Two choices that are no bounds stay an enum.
    assert.deepEqual(typedFieldsOf('A ticket has a priority (low, high).', 'Ticket'), ['priority:enum']);
  });

  it('a record with fields of its own stays beside a longer record that ends in its name', () => {
    const names = extractSpec('All gauges have a serial number and a unit. Pressure gauges have a dial size and a maximum pressure. Each gauge is mounted in one boiler.').entities.map((e) => e.name);
    assert.ok(names.includes('Gauge') && names.includes('PressureGauge'), names.join(', '));
  });

  it('what a record "is worth" in points or credits is a count of its own ("each tile is worth a number of points between 1 and 50")', () => {
    const tile = extractSpec('A puzzle has a name. Each tile has a shape and is worth a certain number of points between 1 and 50.').entities.find((e) => e.name === 'Tile');
    assert.deepEqual(tile?.fields.map((f) => `${f.name}:${f.type}:${f.min}-${f.max}`), ['shape:string:undefined-undefined', 'points:integer:1-50']);
  });

  it('yes/no and how-many questions after "is stored," are more values of the record ("…, whether or not it has a basket, and how many gears there are")', () => {
    assert.deepEqual(typedFieldsOf('Each scooter has a serial number. The colour of each scooter is stored, whether or not it has a basket, and how many gears there are.', 'Scooter'), ['serialNumber:string', 'colour:string', 'basket:boolean', 'gearCount:integer']);
  });

  it('"as well as" joins a field list like "and" ("a name, a city as well as a star rating")', () => {
    assert.deepEqual(typedFieldsOf('Each inn has a name, a city as well as a star rating.', 'Inn').map((f) => f.split(':')[0]), ['name', 'city', 'starRating']);
  });

  it('a bare head with no record of its own gives its values to the one record whose name it ends ("several room categories. The label of each category …")', () => {
    const text = 'A hostel has a name. A hostel offers several room categories. The label of each category is stored, and how many beds there are in this category. Each booking is for one room category. A booking has a date and a price.';
    assert.deepEqual(typedFieldsOf(text, 'RoomCategory').map((f) => f.split(':')[0]), ['label', 'bedCount']);
  });

  it('"X is assigned to a specific Y, with a distinction made between A, B or C": Y is an enum field of X, not a record', () => {
    const spec = extractSpec('A nursery sells plants. Each plant has a name. Each plant is assigned to a specific climate zone, with a distinction being made between tropical, dry, temperate, or polar.');
    const zone = spec.entities.find((e) => e.name === 'Plant')?.fields.find((f) => f.name === 'climateZone');
    assert.deepEqual([zone?.type, zone?.enumValues], ['enum', ['tropical', 'dry', 'temperate', 'polar']]);
    assert.ok(!spec.entities.some((e) => e.name === 'ClimateZone'));
    assert.deepEqual(typedFieldsOf('Each song has a title. Each song is assigned to a particular mood, which can be calm, happy or sad.', 'Song'), ['title:string', 'mood:enum']);
  });

  it('"the name of the lab as well as its registration number": the value after "its" is the same record\'s', () => {
    assert.deepEqual(typedFieldsOf('A kennel has an address. The receipt for a stay shows the name of the kennel as well as its licence number.', 'Kennel').map((f) => f.split(':')[0]), ['address', 'name', 'licenceNumber']);
    assert.deepEqual(typedFieldsOf('A kennel has an address. The receipt shows the name of the kennel and its phone number.', 'Kennel').map((f) => f.split(':')[0]), ['address', 'name', 'phoneNumber']);
  });

  it('"the earliest date of pickup": a bound on an event\'s time is named after the event', () => {
    assert.deepEqual(typedFieldsOf('Each parcel has a weight and the earliest date of pickup.', 'Parcel'), ['weight:decimal', 'earliestPickupDate:date']);
  });

  it('a second predicate after a has-list is no value ("has a name and is assigned to an owner", "… and consists of two rooms")', () => {
    const fieldNames = (text: string, entity: string) => typedFieldsOf(text, entity).map((f) => f.split(':')[0]);
    assert.deepEqual(fieldNames('A cabin has a name and consists of at least two rooms. Each room has a size.', 'Cabin'), ['name']);
    assert.deepEqual(fieldNames('Each locker has a code and is assigned to a member. Members have a name.', 'Locker'), ['code']);
    // "is" plus a word alone is still a yes/no value.
    assert.deepEqual(typedFieldsOf('A locker has a code and is available.', 'Locker'), ['code:string', 'available:boolean']);
  });

  it('"A kayak has the following attributes: …" lists the kayak\'s values (no record Attribute)', () => {
    const spec = extractSpec('A kayak has the following attributes: name, length and colour. A club has a name.');
    assert.deepEqual(spec.entities.map((e) => e.name), ['Kayak', 'Club']);
    assert.deepEqual(typedFieldsOf('Each kayak has the following attributes: a name, a length and a colour. A club has a name.', 'Kayak').map((f) => f.split(':')[0]), ['name', 'length', 'colour']);
    assert.deepEqual(typedFieldsOf('An order contains these details: a date, a total and a status.', 'Order').map((f) => f.split(':')[0]), ['date', 'total', 'status']);
  });

  it('"identified by X and characterised by Y and Z": Y and Z are more values of the record', () => {
    const canoe = extractSpec('Each canoe is identified by its hull number and characterised by a length and a colour.').entities.find((e) => e.name === 'Canoe');
    assert.deepEqual(canoe?.fields.map((f) => f.name), ['hullNumber', 'length', 'colour']);
    // "uniquely identified": only the identifier is unique.
    const kayak = extractSpec('Each kayak is uniquely identified by a serial and described by a colour.').entities.find((e) => e.name === 'Kayak');
    assert.deepEqual(kayak?.fields.map((f) => `${f.name}:${f.unique}`), ['serial:true', 'colour:false']);
  });

  it('"the system should store for each canoe its name, length and colour": the canoe\'s values, no records Length or Colour', () => {
    const spec = extractSpec('The system should store for each canoe its name, length and colour. A club has a name.');
    assert.deepEqual(spec.entities.map((e) => `${e.name}: ${e.fields.map((f) => f.name).join(', ')}`), ['Canoe: name, length, colour', 'Club: name']);
  });

  it('"each canoe keeps its length and colour", "tracks its position": values of the canoe ("keeps users informed" lists nothing)', () => {
    assert.deepEqual(typedFieldsOf('Each canoe keeps its length and colour.', 'Canoe').map((f) => f.split(':')[0]), ['length', 'colour']);
    assert.deepEqual(typedFieldsOf('Every canoe tracks its position and heading.', 'Canoe').map((f) => f.split(':')[0]), ['position', 'heading']);
  });
});
