// One test per field-naming pattern: field names and types the way a developer would write them
// ("of type int" sets the type, "the number of decks" is deckCount, "any number of branches" is
// no field). Each test owns its sentences.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { findFieldLists, parseItems } from '../../src/core/extract/fields';
import { splitSentences } from '../../src/core/extract/sentences';

/** "name:type" of each field of an entity. */
function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.map((f) => `${f.name}:${f.type}`);
}

function items(listText: string): string[] {
  return parseItems(listText).map((i) => `${i.words.join(' ')}${i.hint ? `:${i.hint.type}` : ''}`);
}

describe('extract fields: types written as code', () => {
  it('"of type T" (with modifiers like protected) sets the type and is never part of the name', () => {
    assert.deepEqual(items('a serial code of type String, a reading of type protected long and a factor of data type double'), [
      'serial code:string',
      'reading:integer',
      'factor:decimal',
    ]);
    assert.deepEqual(fieldsOf('A sensor has a serial code of type String and a reading of type private long. Each sensor belongs to a room. A room has a name.', 'Sensor'), [
      'serialCode:string',
      'reading:integer',
    ]);
  });

  it('a parenthesis that only names a type ("(long)", "(boolean)") sets the type', () => {
    assert.deepEqual(items('a label (String), a weight (double), a count (long) and a sealed (boolean)'), ['label:string', 'weight:decimal', 'count:integer', 'sealed:boolean']);
  });

  it('"name: type" annotations in bullets and lists set the type (the colon does not end the list)', () => {
    assert.deepEqual(items('plate: String, capacity: long, bought: date'), ['plate:string', 'capacity:integer', 'bought:date']);
    assert.deepEqual(fieldsOf('Vehicles have:\n- plate: String\n- capacity: int\n- bought: date', 'Vehicle'), ['plate:string', 'capacity:integer', 'bought:date']);
  });

  it('a type written after "a and b" is the type of both', () => {
    assert.deepEqual(items('the nickname and family name of type String'), ['nickname:string', 'family name:string']);
  });
});

describe('extract fields: naming', () => {
  it('words that pick an instance ("a certain duration", "a particular code") are not part of the name', () => {
    assert.deepEqual(items('a title, a certain duration, a particular venue code and their respective seat'), ['title', 'duration', 'venue code', 'seat']);
  });

  it('a possessive item is named after its possessor: "the donor\'s name" is donorName, not "donor s name"', () => {
    assert.deepEqual(items("the donor's name, the recipient’s address and the driver's phone number"), ['donor name', 'recipient address', 'driver phone number']);
  });

  it('"whose" is not part of a name: "an airline, whose name is stored" gives the airline a name', () => {
    const { sentences } = splitSentences('Each truck can be part of a fleet, whose name is stored.');
    const lists = findFieldLists(sentences[0], false);
    assert.deepEqual(
      lists.map((l) => `${l.subject}: ${l.items.map((i) => i.words.join(' ')).join(', ')}`),
      ['fleet: name'],
    );
  });

  it('"an x value", "the y coordinate" are named by the axis', () => {
    assert.deepEqual(items('an x value of type long and a y coordinate of type long'), ['x:integer', 'y:integer']);
  });

  it('example lists in parentheses ("(e.g., Acme, Globex)") are values, not fields', () => {
    const { sentences } = splitSentences('The agency works with several suppliers (e.g., Acme, Globex).');
    const lists = findFieldLists(sentences[0], false);
    assert.deepEqual(lists.map((l) => [l.subject, l.items.map((i) => `${i.words.join(' ')}${i.value ? ' (value)' : ''}`)]), [['supplier', ['acme (value)', 'globex (value)']]]);
    const spec = extractSpec('The agency works with suppliers (e.g., Acme, Globex). Each supplier has a name and a phone number. Suppliers deliver parcels. A parcel has a weight.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Supplier')?.fields.map((f) => f.name), ['name', 'phoneNumber']);
  });
});

describe('extract fields: counts and quantities', () => {
  it('"the number of seats", "how many doors there are" are count fields (integer)', () => {
    assert.deepEqual(items('a plate, the number of seats and how many doors there are'), ['plate', 'seat count:integer', 'door count:integer']);
  });

  it('a number of units ("the number of hours") is named by the unit', () => {
    assert.deepEqual(items('the date and the number of hours'), ['date', 'hours']);
  });

  it('"a number of X" is a count unless X are records, then it is a link', () => {
    const text = 'A shelf has a code and a number of slots. A depot has a name and a number of vans. A van has a plate.';
    assert.deepEqual(fieldsOf(text, 'Shelf'), ['code:string', 'slotCount:integer']);
    const spec = extractSpec(text);
    assert.deepEqual(fieldsOf(text, 'Depot'), ['name:string']);
    assert.ok(spec.relations.some((r) => r.from === 'Van' && r.to === 'Depot'));
  });

  it('"any number of X", "one or more X", "at least one and at most three X" are never fields', () => {
    assert.deepEqual(
      parseItems('a name, any number of piers, one or more moorings and at least one and at most three cranes').map((i) => `${i.words.join(' ')}${i.quantified ? ' (how many)' : ''}`),
      ['name', 'piers (how many)', 'moorings (how many)', 'cranes (how many)'],
    );
    assert.deepEqual(fieldsOf('A harbour has a name and any number of piers. A pier has a length.', 'Harbour'), ['name:string']);
  });

  it('a quantified list of records links them: "a harbour has any number of piers"', () => {
    const spec = extractSpec('A harbour has a name and any number of piers. A pier has a length and a depth.');
    assert.ok(spec.relations.some((r) => r.from === 'Pier' && r.to === 'Harbour'));
  });
});

describe('extract fields: yes/no questions', () => {
  it('"it is also noted whether they are a member or not" is a boolean named by the answer', () => {
    assert.deepEqual(items('a name and it is also noted whether they are a member or not'), ['name', 'member:boolean']);
    assert.deepEqual(items('a name, an address, and whether they want to stay anonymous'), ['name', 'address', 'anonymous:boolean']);
  });

  it('"whether it is a chief engineer or apprentice" is one question: the other answer is neither a field nor a record', () => {
    assert.deepEqual(
      parseItems('the name and whether the mechanic is a chief engineer or apprentice').map((i) => `${i.words.join(' ')}${i.hint ? `:${i.hint.type}` : ''}${i.value ? ' (value)' : ''}`),
      ['name', 'chief engineer:boolean', 'apprentice (value)'],
    );
    const spec = extractSpec('The name and whether the mechanic is a chief engineer or apprentice are stored for mechanics. Mechanics repair cars. A car has a plate.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Mechanic')?.fields.map((f) => f.name), ['name', 'chiefEngineer']);
    assert.ok(!spec.entities.some((e) => e.name === 'Apprentice'));
  });

  it('the record\'s own name is not part of the flag ("whether it is a self-service pump" on Pump)', () => {
    assert.deepEqual(fieldsOf('A pump has a number and it is noted whether it is a self-service pump. Each pump belongs to a station. A station has a name.', 'Pump'), [
      'number:integer',
      'selfService:boolean',
    ]);
  });
});

describe('extract fields: items that look like clauses', () => {
  it('an -ing word before one noun ("a tracking code", "opening hours", "borrowing institution") names a field', () => {
    assert.deepEqual(items('a weight, a tracking code, opening hours and borrowing institution'), ['weight', 'tracking code', 'opening hours', 'borrowing institution']);
    assert.deepEqual(fieldsOf('Each parcel has a weight and a tracking code. A parcel belongs to a sender. A sender has a name.', 'Parcel'), ['weight:decimal', 'trackingCode:string']);
    // Clauses stay out: "viewing purchase history", "managing invoices".
    assert.deepEqual(items('a name, viewing purchase history and managing invoices'), ['name']);
  });
});

describe('extract fields: whose list it is', () => {
  it('"…, and for a cat we note the name, …" after another clause is a stored-for list', () => {
    const { sentences } = splitSentences('A keeper can look after several cats, and for a cat we note the name, colour and chip number.');
    assert.deepEqual(findFieldLists(sentences[0], false).map((l) => `${l.subject}: ${l.items.map((i) => i.words.join(' ')).join(', ')}`), ['cat: name, colour, chip number']);
  });

  it('"the tenant data includes …", "the vehicle information includes …" are the record\'s own fields', () => {
    assert.deepEqual(fieldsOf('Tenants rent flats. The tenant data includes a name, a phone and a deposit. A flat has a number.', 'Tenant').map((f) => f.split(':')[0]), ['name', 'phone', 'deposit']);
  });

  it('"It must include …", "They have …" lists the fields of the record the sentence before is about', () => {
    const text = 'Clients send parcels. Each parcel is tracked and goes to one depot. It must include the gross weight, the pickup date and the declared value. A depot has a code.';
    assert.deepEqual(fieldsOf(text, 'Parcel').map((f) => f.split(':')[0]), ['grossWeight', 'pickupDate', 'declaredValue']);
  });

  it('"in contrast with …", "numbered starting with …" are idioms: no list of fields for "contrast" or "starting"', () => {
    const subjects = (text: string) => findFieldLists(splitSentences(text).sentences[0], false).map((l) => l.subject);
    assert.deepEqual(subjects('In contrast with online bookings, walk-in tickets and vouchers are anonymous.'), []);
    assert.deepEqual(subjects('Rounds are numbered starting with round 1, round 2 and round 3.'), []);
    // A thing named with a determiner keeps its list ("a planned outing with a date and a place").
    assert.deepEqual(subjects('A planned outing with a date, a place and a price is shown.'), ['outing']);
  });

  it('", with …" after "for each X" / "per X" gives the fields to the thing made for each one, not to X', () => {
    const { sentences } = splitSentences('Nurses write a log entry per visit, with a time, a blood pressure and a note.');
    assert.deepEqual(findFieldLists(sentences[0], false).map((l) => l.subject), ['log entry']);
    const spec = extractSpec('Guests make reservations. Each evening the cook fills in a tasting sheet for each reservation, with the dishes served, a rating from 1 to 5 and a remark.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'TastingSheet')?.fields.map((f) => f.name), ['dishesServed', 'rating', 'remark']);
  });
});

describe('extract fields: where a list ends', () => {
  it('after a closed list ("a, b and c"), ", and things (x, y)" starts a new record', () => {
    assert.deepEqual(items('a date, a driver and a load, and depots (code, city)'), ['date', 'driver', 'load']);
    const { sentences } = splitSentences('We track drivers (name, licence), trips with a date, a driver and a distance in km, and depots (code, city, dock count).');
    assert.deepEqual(
      findFieldLists(sentences[0], false).map((l) => `${l.subject}: ${l.items.map((i) => i.words.join(' ')).join(', ')}`).sort(),
      ['depot: code, city, dock count', 'driver: name, licence', 'trip: date, driver, distance'],
    );
    // An Oxford comma does not close the list: "a title, a body, and tags (news, sport)" is one list.
    assert.deepEqual(items('a title, a body, and tags (news, sport)'), ['title', 'body', 'tags']);
  });
});

describe('extract fields: the end of an item', () => {
  it('the verb after a subject\'s "with" list is not part of the last item ("… and a phone apply for permits")', () => {
    const lists = (text: string) => findFieldLists(splitSentences(text).sentences[0], false).map((l) => `${l.subject}: ${l.items.map((i) => i.words.join(' ')).join(', ')}`);
    assert.deepEqual(lists('Tenants with a name, an email and a phone apply for parking spaces.'), ['tenant: name, email, phone']);
    assert.deepEqual(lists('Guests with a name and a home address book rooms.'), ['guest: name, home address']);
    assert.deepEqual(lists('Guests with a name and a card number.'), ['guest: name, card number']);
  });

  it('a participle clause (", belonging to a resident", ", owned by the club") ends the list', () => {
    assert.deepEqual(items('a plate, a make and a colour, belonging to a tenant, are registered'), ['plate', 'make', 'colour']);
    assert.deepEqual(items('a hull number, owned by the club'), ['hull number']);
  });

  it('"a valid from date", "a valid to date" are dates named by the preposition', () => {
    assert.deepEqual(items('a valid from date, a valid to date and a zone'), ['valid from:date', 'valid to:date', 'zone']);
    assert.deepEqual(fieldsOf('A pass has a valid from date and a valid to date. Each pass belongs to a tenant. A tenant has a name.', 'Pass'), ['validFrom:date', 'validTo:date']);
  });
});

describe('extract fields: names and headings', () => {
  it('"full name" keeps "full" (a field name of its own); "a short comment" is the comment', () => {
    assert.deepEqual(items('a full name and a short comment'), ['full name', 'comment']);
  });

  it('"Fields: a, b" under a heading lists the fields of the record the heading names', () => {
    const spec = extractSpec('## Rehearsals\nA rehearsal uses one stage. Fields: start time, conductor note, length in minutes.\n\n## Stages\nStages have a name and a capacity.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Rehearsal')?.fields.map((f) => f.name), ['startTime', 'conductorNote', 'length']);
  });
});

describe('extract fields: a sentence under a heading that is no list', () => {
  it('"Administrators manage courses and lecturers" under "## Data to keep" is a clause, not a list of two records', () => {
    const spec = extractSpec('## Data to keep\n- Harbours: name, country\n- Ferries: name, seats\n\nDispatchers schedule ferries and crews.\n');
    assert.deepEqual(spec.entities.map((e) => e.name).filter((name) => /Dispatch|Schedule/.test(name)), []);
    assert.ok(spec.entities.some((e) => e.name === 'Ferry'));
    // A bare list of noun phrases under a heading is still one ("orders placed" is a participle, not a clause).
    const listed = extractSpec('## Ferries\nname, seats, crews assigned and home harbour\n');
    assert.deepEqual(listed.entities.find((e) => e.name === 'Ferry')?.fields.map((f) => f.name).slice(0, 2), ['name', 'seats']);
  });
});

describe('extract fields: values said to be stored for one record', () => {
  function listed(text: string): string[] {
    const [sentence] = splitSentences(text).sentences;
    return findFieldLists(sentence, false).map((l) => `${l.subject} <- ${l.items.map((i) => i.key).join(', ')}`);
  }

  it('"the Y of each X is stored" (after a lead-in clause, one or two values) gives X the field', () => {
    assert.deepEqual(listed('The rank of each runner is recorded.'), ['runner <- rank']);
    assert.deepEqual(listed('In a relay race, the leg and the split time of each runner are also noted.'), ['runner <- leg, split time']);
    // "recorded as …" names records, not a field.
    assert.deepEqual(listed('The stops of a route are recorded as route stops.'), []);
  });

  it('"information about a, b and c for each X" lists a, b and c (not "information")', () => {
    assert.deepEqual(listed('We need information about the opening hours, the region and a phone number for each depot.'), ['depot <- opening hour, region, phone number']);
  });

  it('"For each X the Y is recorded" takes X as the record, not "X the Y"', () => {
    assert.deepEqual(listed('For each kennel the size is recorded.'), ['kennel <- size']);
  });

  it('"the app keeps track of the a and b of each X" lists a and b for X', () => {
    assert.deepEqual(listed('The app keeps track of the weight and breed of each dog.'), ['dog <- weight, breed']);
  });

  it('"the a, b and c of each X are known" lists a, b and c for X (not a clause before "of each")', () => {
    assert.deepEqual(listed('The title, label, release date and track count of each album are known.'), ['album <- title, label, release date, track count']);
    assert.deepEqual(listed('The colour and fabric (wool, cotton or silk) of every scarf are recorded.'), ['scarf <- colour, fabric']);
    assert.deepEqual(listed('The lessons can be booked and the fees of each course are stored.'), []);
    // "… of the last service are stored for bikes": the record is the one named after the verb (the
    // date is named after the event it picks out: extractFieldStatementForms).
    assert.deepEqual(listed('The name, colour and date of the last service are stored for bikes.'), ['bike <- name, colour, last service date']);
  });

  it('"X, the a and b of which are stored" gives the fields to X', () => {
    assert.deepEqual(listed('A library lends several books, the title and author of which are stored.'), ['book <- title, author']);
    assert.deepEqual(listed('A farm may have a barn, the size of which is also recorded.'), ['barn <- size']);
  });

  it('"For X, (also) the Y should be stored / is logged": modals, "also" and a closing example', () => {
    assert.deepEqual(listed('For group tours, also the guide language should be stored (e.g. English, French).'), ['group tour <- guide language']);
    assert.deepEqual(listed('For each kennel, the kennel name and the number of dogs are logged.'), ['kennel <- kennel name, dog count']);
    // Without a determiner only a plural before a comma names the record ("For example, …" does not).
    assert.deepEqual(listed('For example, the guide language should be stored.'), []);
  });

  it('"the following information on each X needs to be stored: a, b and c"', () => {
    assert.deepEqual(listed('The following information on each song needs to be stored: title, year and genre.'), ['song <- title, year, genre']);
  });

  it('"X\'s Y is recorded", "Xs\' Ys are known", "keeps track of an X\'s Y": the possessor\'s values', () => {
    assert.deepEqual(listed("Each runner's bib number is recorded."), ['runner <- bib number']);
    assert.deepEqual(listed("Teachers' email addresses are also known."), ['teacher <- email address']);
    assert.deepEqual(listed("The app keeps track of a driver's licence number."), ['driver <- licence number']);
  });

  it('"keeping track of both the X\'s Y and the …", "is storing each X\'s Y": the possessor\'s values, up to a phrase of its own after "both"', () => {
    assert.deepEqual(listed("We want to start keeping track of both the cafe's billing address and the addresses where the loaves are delivered."), ['cafe <- billing address']);
    assert.deepEqual(listed("The agency keeps track of both the landlord's phone number and the days on which the rent is paid."), ['landlord <- phone number']);
    assert.deepEqual(listed("The clinic is storing each patient's blood type and allergies."), ['patient <- blood type, allergy']);
    // (Without "both", a phrase joined on by "and the" is read as before.)
    assert.deepEqual(listed("The app keeps track of a driver's licence number and the expiry date."), ['driver <- licence number, expiry date']);
    assert.deepEqual(listed("Keeping the guest's trust matters to us."), []);
    // ("saving" money is no keeping; "keep" alone keeps things, not values.)
    assert.deepEqual(listed("We are saving the shop's money."), []);
    assert.deepEqual(listed("We keep both the owner's keys and the spare keys in a drawer."), []);
  });

  it('"the X\'s a and b are important" (or required, needed, essential): the possessor\'s values, and the possessor a record', () => {
    assert.deepEqual(listed("The tenant's name and deposit amount are important."), ['tenant <- name, deposit amount']);
    assert.deepEqual(listed("A member's birth date is required."), ['member <- birth date']);
    assert.deepEqual(listed('Good lighting and quiet rooms are important.'), []);
    const spec = extractSpec("A landlord lets flats to tenants. Each flat has an address and a rent. The tenant's name and deposit amount are important.");
    assert.deepEqual(spec.entities.find((e) => e.name === 'Tenant')?.fields.map((f) => f.name), ['name', 'depositAmount']);
  });

  it('"people need to provide their a, b and c" are their fields (two at least)', () => {
    assert.deepEqual(listed('At sign-up, tutors need to provide their name, email address and bank account.'), ['tutor <- name, email address, bank account']);
    assert.deepEqual(listed('Tutors must provide their consent.'), []);
  });
});

describe('extract fields: fields whose head names a record', () => {
  it('"an email address" is a field even when Address is a record; "a home address" links to it', () => {
    const spec = extractSpec('Addresses have a street and a city. Each customer has a name, an email address and a home address.');
    assert.ok(spec.entities.find((e) => e.name === 'Customer')?.fields.some((f) => f.name === 'emailAddress' && f.type === 'email'));
    assert.deepEqual(spec.relations.filter((r) => r.from === 'Customer').map((r) => `${r.to}.${r.name}`), ['Address.homeAddress']);
  });
});

describe('extract fields: enumerations stated in a sentence', () => {
  const enumOf = (text: string, entity: string, field: string) => extractSpec(text).entities.find((e) => e.name === entity)?.fields.find((f) => f.name === field)?.enumValues;

  it('"X can be in one of three states: a, b and c" is an enum field "state"', () => {
    assert.deepEqual(enumOf('A lamp has a name and a wattage. The lamp can be in one of three states: on, off and dimmed.', 'Lamp', 'state'), ['on', 'off', 'dimmed']);
  });

  it('"the Y of an X can be a, b or c" and "the Ys of the Xs are a, b and c" give X an enum field Y', () => {
    assert.deepEqual(enumOf('Lamps have a name and a wattage. The status of a lamp can be on, off or dimmed.', 'Lamp', 'status'), ['on', 'off', 'dimmed']);
    assert.deepEqual(enumOf('Tiles have a number and a colour. The shapes of the tiles are squares, circles and stars.', 'Tile', 'shape'), ['squares', 'circles', 'stars']);
    // Two things after a plain "are" name records, not values.
    assert.equal(extractSpec('Pets have a name and a birth date. The owners of the pets are customers and staff.').entities.find((e) => e.name === 'Pet')?.fields.some((f) => f.name === 'owner'), false);
  });

  it('"see the status of their jobs: a, b, c", "the priority of each ticket (a, b or c)", "job statuses: a, b, c": a kind of value of a record, then its values', () => {
    const names = (text: string) => extractSpec(text).entities.map((e) => e.name);
    assert.deepEqual(enumOf('A repair job has a price. Customers can see the status of their own jobs: received, in progress, ready, picked up.', 'RepairJob', 'status'), ['received', 'in_progress', 'ready', 'picked_up']);
    assert.deepEqual(enumOf('A ticket has a title. We track the priority of each ticket (low, medium or high).', 'Ticket', 'priority'), ['low', 'medium', 'high']);
    assert.deepEqual(enumOf('A parcel has a weight. Parcel states: booked, in transit, delivered.', 'Parcel', 'state'), ['booked', 'in_transit', 'delivered']);
    // The colon list is one field's values, not fields of a second record "Job".
    const colon = 'A repair job has a price. The status of a job: received, in progress, ready, picked up.';
    assert.deepEqual(names(colon), ['RepairJob']);
    assert.deepEqual(enumOf(colon, 'RepairJob', 'status'), ['received', 'in_progress', 'ready', 'picked_up']);
  });

  it('"X has a Y, which can be a, b or c" makes Y an enum', () => {
    assert.deepEqual(enumOf('A kettle has a name. Each kettle has a status, which can be on, off or boiling.', 'Kettle', 'status'), ['on', 'off', 'boiling']);
  });

  it('"the Y is either a, b or c" belongs to the record the sentence before is about', () => {
    assert.deepEqual(enumOf('A subscription has a start date and a price. The interval is either weekly, monthly, every half year, or yearly.', 'Subscription', 'interval'), ['weekly', 'monthly', 'every_half_year', 'yearly']);
  });
});

describe('extract fields: units written after the name', () => {
  it('"a weight measured in kilograms" is the weight, not "weight measured"', () => {
    assert.deepEqual(fieldsOf('A parcel has a weight measured in kilograms and a length expressed in centimetres.', 'Parcel'), ['weight:decimal', 'length:decimal']);
  });
});

describe('extract fields: coordinated subjects', () => {
  const listed = (text: string) => findFieldLists(splitSentences(text).sentences[0], false).map((l) => `${l.subject} <- ${l.items.map((i) => i.key).join(', ')}`);

  it('"Each X and Y has a and b": both records get the fields', () => {
    assert.deepEqual(listed('Each museum and gallery has a name and an address.'), ['gallery <- name, address', 'museum <- name, address']);
    assert.deepEqual(fieldsOf('Both tutors and pupils have a name and a birth date. Tutors teach pupils.', 'Tutor'), ['name:string', 'birthDate:date']);
  });

  it('a clause before "and" does not share the list ("members sign up and staff have …")', () => {
    assert.deepEqual(listed('Members sign up and staff have a badge number and a role.'), ['staff <- badge number, role']);
  });
});

describe('extract fields: assumed fields are not stated', () => {
  it('default fields of a record the text names without fields carry no source sentence', () => {
    const spec = extractSpec('The club keeps a list of boats. Members borrow boats for a day.');
    const boat = spec.entities.find((e) => e.name === 'Boat');
    assert.ok(boat, 'no entity Boat');
    assert.ok(boat.fields.length > 0, 'Boat got no default field');
    assert.deepEqual(boat.fields.filter((f) => f.sources.length).map((f) => f.name), []);
  });

  it('the line items assumed for an order carry no source for quantity and unit price', () => {
    const spec = extractSpec('Customers place orders for products. A product has a name and a price.');
    const line = spec.entities.find((e) => /Item$/.test(e.name) && e.name.startsWith('Order'));
    assert.ok(line, `no order line entity in ${spec.entities.map((e) => e.name).join(', ')}`);
    assert.deepEqual(line.fields.filter((f) => f.sources.length).map((f) => f.name), []);
  });
});
