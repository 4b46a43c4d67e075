// Values said to be written down in or shown on a record, or kept in other phrasings the "stored
// for each" readers do not reach (issue #11, explicit fields).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record (fields taken from the text only). */
const typedFieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`) ?? [];

describe('extract fields: values kept in, shown on or asked of a record', () => {
  it('values "recorded in a work sheet" are the sheet\'s ("the number of hours and the agreed fee are recorded in a work sheet")', () => {
    assert.deepEqual(typedFieldsOf('A guide leads tours. Whenever a guide leads a tour, the number of hours and the agreed fee are recorded in a work sheet.', 'WorkSheet'), ['hours:integer', 'agreedFee:money']);
    // Plural things kept in a log are records, not its values; values "of the canoe" are the canoe's.
    assert.deepEqual(typedFieldsOf('Sensors send readings. The readings are stored in an activity log.', 'ActivityLog'), []);
    assert.deepEqual(typedFieldsOf('Clubs rent canoes. The length and the colour of the canoe are recorded in a rental log.', 'Canoe'), ['length:decimal', 'colour:string']);
  });

  it('a receipt or confirmation "for a rental" shows the rental\'s values ("the date as well as start/end times"), and another record\'s "name of the shop" is not among them', () => {
    const text = 'Customers rent bikes at shops. Each shop has a phone number. The receipt for a rental shows the rental number, the date as well as start/end times, and the name of the shop as well as its phone number.';
    assert.deepEqual(typedFieldsOf(text, 'Rental'), ['rentalNumber:string', 'date:date', 'startTime:datetime', 'endTime:datetime']);
    // A receipt is no record: nothing is kept for it.
    assert.equal(extractSpec(text).entities.some((e) => e.name === 'Receipt'), false);
  });

  it('"it is stored whether a helmet is desired" is a yes/no value named by the thing wished for, of the record before ("the booking for each kayak")', () => {
    assert.deepEqual(typedFieldsOf('Clubs book kayaks. The booking for each kayak is stored in the form of the booking number and price. In addition, it is stored whether a helmet is desired.', 'Booking'), ['bookingNumber:string', 'price:money', 'helmet:boolean']);
  });

  it('plural values of plural records named in passing are one value of each ("checks the lengths and widths of moored boats"); "the owners of the boats" are people, no value', () => {
    assert.deepEqual(typedFieldsOf('Clubs own boats. Each boat has a name. The harbour master checks the lengths and widths of moored boats.', 'Boat'), ['name:string', 'length:decimal', 'width:decimal']);
    assert.deepEqual(typedFieldsOf('Clubs own boats. Each boat has a name. The harbour master checks the transport of boats and the owners of the boats.', 'Boat'), ['name:string']);
  });

  it('"many types of parcels, like letters, small packets and crates": the examples are the values of the parcel\'s type', () => {
    const parcel = extractSpec('Each parcel has a weight. There are many types of parcels, like letters, small packets and crates.').entities.find((e) => e.name === 'Parcel');
    assert.deepEqual(parcel?.fields.map((f) => `${f.name}:${f.type}:${(f.enumValues ?? []).join('|')}`), ['weight:decimal:', 'type:enum:letter|small_packet|crate']);
  });

  it('"each restaurant sets its own delivery fee and opening hours": what a record decides for itself are its values', () => {
    assert.deepEqual(typedFieldsOf('Restaurants serve dishes. Each restaurant sets its own delivery fee and opening hours.', 'Restaurant').map((f) => f.split(':')[0]), ['deliveryFee', 'openingHours']);
    assert.deepEqual(typedFieldsOf('Each lab has a name. Each lab determines its own fee.', 'Lab').map((f) => f.split(':')[0]), ['name', 'fee']);
  });
});
