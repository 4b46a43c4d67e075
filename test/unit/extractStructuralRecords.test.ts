// Generic words on the UI/word lists (level, card, image) that the text's structure shows are
// records: counted as parts of a record, given their own values, or added by people (structuralRecords.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { recordsByStructure } from '../../src/core/extract/structuralRecords';
import { splitSentences } from '../../src/core/extract/sentences';

const byStructure = (text: string) => [...recordsByStructure(splitSentences(text).sentences)].sort();
const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: generic words that the structure shows are records', () => {
  it('a noun counted as a part of a record is a record ("has several levels", "consists of up to 48 cards")', () => {
    assert.deepEqual(byStructure('A quiz has several levels. Each pack consists of up to 52 cards. A gallery contains many images.'), ['card', 'image', 'level']);
    const found = names('A puzzle game has several levels. Each level has a name, a difficulty and a time limit. A box consists of up to 48 cards.');
    assert.ok(found.includes('Level') && found.includes('Card'), found.join(', '));
  });

  it('a noun with its own values or that people add is a record ("add a card with a nickname")', () => {
    assert.deepEqual(byStructure('Customers can add a card with a nickname.'), ['card']);
    const found = names('Shoppers order groceries. Shoppers can add a card with a nickname and an expiry date.');
    assert.ok(found.includes('Card'), found.join(', '));
  });

  it('leaves app furniture, values and units alone', () => {
    // The whole is itself a UI word; uploads are attachments; names are values; hours are units.
    assert.deepEqual(byStructure('The page has several images. Users upload images. We store their names. A day has 24 hours. Create a URL shortener.'), []);
    assert.ok(!names('Members write posts. The page has several images and a menu with a logo.').includes('Image'));
  });

  it('persons are a record when the text keeps values for each person and nobody signs in', () => {
    const text = 'Clubs organise trips. People can join several trips. For each person, we store the first name, the family name and the birth date.';
    assert.deepEqual(byStructure(text), []);
    assert.deepEqual([...recordsByStructure(splitSentences(text).sentences, true)], ['person']);
    const found = names(text);
    assert.ok(found.includes('Person') && found.includes('Trip'), found.join(', '));
    const person = extractSpec(text).entities.find((e) => e.name === 'Person');
    assert.ok(person?.fields.some((f) => f.name === 'birthDate'), JSON.stringify(person?.fields.map((f) => f.name)));
    // People who only act are not stored; with sign-in, people are users.
    assert.ok(!names('Clubs organise trips with a date and a price. People can register their cars for a trip.').includes('Person'));
    assert.ok(!names('People sign in with an email and a password. For each person, we store a nickname. People write posts with a title.').includes('Person'));
  });

  it('users (visitors) are a record when the text keeps values of them and nobody signs in ("A user has a unique ID")', () => {
    const text = 'Shops sell songs with a title and a length. The following information is recorded on each user: name and address. Users can buy several songs.';
    assert.deepEqual([...recordsByStructure(splitSentences(text).sentences, true)], ['user']);
    const found = names(text);
    assert.ok(found.includes('User') && found.includes('Song'), found.join(', '));
    assert.deepEqual([...recordsByStructure(splitSentences('A user has a unique ID. A visitor has a name.').sentences, true)].sort(), ['user', 'visitor']);
    // Users who only act are not stored.
    assert.deepEqual([...recordsByStructure(splitSentences('Users can buy songs. Each song has a title.').sentences, true)], []);
  });

  it('a two-word name with a generic head is a record when it is composed of parts or is a part ("a drive system")', () => {
    const text = 'The scooter is composed of a deck, a drive system and a brake lever. The drive system is composed of a motor and a gearbox. A power station consists of several sockets.';
    const found = [...recordsByStructure(splitSentences(text).sentences)];
    assert.ok(found.includes('drive system') && found.includes('power station') && found.includes('brake lever'), found.join(', '));
    const names2 = names(text);
    assert.ok(names2.includes('DriveSystem') && names2.includes('Motor'), names2.join(', '));
    // A whole named with a word that is no modifier ("a new system") is not a compound record.
    assert.ok(!names('The app is composed of a new system and a web page. Members write posts with a title.').includes('NewSystem'));
  });

  it('a two-word name with a generic head given a list of values is a record ("each web portal has a version number and a URL")', () => {
    const text = 'Each ticket portal has a version number and a URL. A ticket portal lists concerts. A concert has a title and a date.';
    assert.deepEqual(byStructure(text), ['ticket portal']);
    const found = names(text);
    assert.ok(found.includes('TicketPortal') && found.includes('Concert'), found.join(', '));
    const shop = names('Each repair is done at a bike shop. A bike shop has a name and an address. A repair has a cost.');
    assert.ok(shop.includes('BikeShop'), shop.join(', '));
    // Screens and their parts stay app furniture; a record with one generic word needs no help.
    assert.deepEqual(byStructure('A home screen has a header and a list. Each order page has a title and a total.'), []);
  });

  it('a two-word whole described with its parts is a record even with a parenthesis before the verb, and even when the app is named after it', () => {
    const found = names('A smart garden app. A smart garden (located at an address) consists of several beds. A bed has a name and a crop.');
    assert.ok(found.includes('SmartGarden') && found.includes('Bed'), found.join(', '));
  });

  it('a generic noun people rent, book or borrow, or one with a list of values, is a record ("reserve a table", "a device has a serial number, a type and …")', () => {
    assert.deepEqual(byStructure('Guests reserve a table for a date.'), ['table']);
    assert.deepEqual(byStructure('A device has a serial number, a type and a purchase date.'), ['device']);
    const restaurant = names('Restaurant reservations. Guests reserve a table for a date and a number of people. A table has a number and a number of seats.');
    assert.ok(restaurant.includes('Table') && restaurant.includes('Reservation'), restaurant.join(', '));
    const lending = names('IT department lends devices to staff. A device has a serial number (unique), a type and a purchase date. Staff borrow devices for up to 30 days.');
    assert.ok(lending.includes('Device'), lending.join(', '));
    // One value may be said of anything ("each object has a unique ID"); a verb's "book details" is no booking.
    assert.deepEqual(byStructure('Each object has a unique ID attribute, which ensures that it can be found. Users can book details.'), []);
  });

  it('words that usually mean the app ("tool", "service") are records only when people rent or book them and they have values', () => {
    assert.deepEqual(byStructure('Customers rent tools by the day. A tool has a name, a daily price and a deposit.'), ['tool']);
    assert.deepEqual(byStructure('Clients book services with a stylist. A service has a name, a price and a duration.'), ['service']);
    const salon = names('Hair salon. Clients book services with a stylist. A service has a name, a price and a duration.');
    assert.ok(salon.includes('Service') && salon.includes('Booking'), salon.join(', '));
    // Either alone is not enough, and the app's own machinery never is.
    assert.deepEqual(byStructure('Customers rent tools by the day. This tool has a calendar and a map.'), []);
    assert.deepEqual(byStructure('The service has a name, a logo and a dashboard. Users book a room.'), []);
    assert.deepEqual(byStructure('People rent a platform. A platform has a name, a price and a fee.'), []);
  });

  it('what people book with its values in brackets is a record ("book the shared tools (name, condition)")', () => {
    assert.deepEqual(byStructure('Gardeners book the shared tools (name, condition) for a day.'), ['tool']);
    assert.deepEqual(byStructure('As a volunteer, I want to borrow tools (name, size, condition).'), ['tool']);
    // A bracket alone may hold the values of a choice, and the app's machinery stays out.
    assert.deepEqual(byStructure('Each tool (hammer, saw) is shown on a page.'), []);
    assert.deepEqual(byStructure('Users book a room on the platform (web, mobile).'), []);
  });

  it('"each shop has a name and an address": many of a word that usually means the app, each with values, are records; its machinery never', () => {
    assert.deepEqual(byStructure('Stylists offer services. Each service has a name, a price and a duration.'), ['service']);
    assert.deepEqual(byStructure('Farm shops sell cheese. Each shop has a name and an address.'), ['shop']);
    const farm = names('Farm shops sell cheese. Each shop has a name and an address. A cheese belongs to a shop.');
    assert.ok(farm.includes('Shop'), farm.join(', '));
    assert.deepEqual(byStructure('Each page has a title and a footer. Each screen has a header and a menu.'), []);
    assert.deepEqual(byStructure('The shop has a name and an address.'), [], 'one shop, the business itself');
  });

  it('"parts have a part number, a name and a price": a plural opening a clause with a list of values speaks of each of them', () => {
    assert.deepEqual(byStructure('Parts have a part number, a name and a price.'), ['part']);
    assert.deepEqual(byStructure('Mechanics fix bikes, and reports have a title, a period and a total.'), ['report']);
    const shop = names('Spare parts have a part number, a name and a quantity on hand.');
    assert.deepEqual(shop, ['SparePart']);
    assert.deepEqual(byStructure('Pages have a title and a body. Users have a name and an email.'), [], 'screens and people are no such records');
    assert.deepEqual(byStructure('We sell parts. Parts have a price.'), [], 'one value is not a list');
  });
});


describe('extractor: a list of values that ends in a bare plural', () => {
  it('"Tables have a number and seats": the plural ends the list, so the generic word is described as a record', () => {
    const table = extractSpec('Tables have a number and seats.').entities.find((e) => e.name === 'Table');
    assert.ok(table, 'no Table');
    assert.deepEqual(table.fields.map((f) => f.name).sort(), ['number', 'seats']);
    assert.deepEqual(byStructure('In the school canteen each table has a colour and chairs.'), ['table']);
    // A verb in -s after "and" is no value ("needs" goes on): no list, so no record by structure.
    assert.deepEqual(byStructure('Each table has a number and needs cleaning after lunch.'), []);
  });
});
