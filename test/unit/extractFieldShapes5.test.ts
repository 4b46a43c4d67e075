// More shapes that state a record's values: what a record lists or shows ("invoices … list the amount
// due and the due date"). Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The sourced fields of one entity as "name:type". */
function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`);
}

describe('extract fields: what a record lists or shows are its values', () => {
  it('"… are created after each X and list the A and the B": the record of the first clause', () => {
    const text = 'Window cleaning app. Cleaners do jobs for clients. Invoices are created after each job and list the amount due and the due date.';
    assert.deepEqual(fieldsOf(text, 'Invoice'), ['amountDue:money', 'dueDate:date']);
  });

  it('"each receipt shows …", "a ticket must display …": plain and with a modal', () => {
    assert.deepEqual(fieldsOf('Bakery app. Customers buy cakes. Each receipt shows the total and the tax.', 'Receipt'), ['total:money', 'tax:money']);
    assert.deepEqual(fieldsOf('Ferry app. Passengers buy tickets. A ticket must display the departure time and the deck.', 'Ticket'), ['departureTime:datetime', 'deck:string']);
  });

  it('a subject that is no record gets nothing and makes no record ("the dashboard lists …")', () => {
    const spec = extractSpec('Chores app. Parents create chores for kids. The dashboard lists the open chores and the points.');
    assert.ok(!spec.entities.some((e) => /dashboard/i.test(e.name)));
    assert.ok(!spec.entities.some((e) => e.fields.some((f) => f.name === 'points' && f.sources.length)));
  });

  it('values of another, opened by a possessive, are not the lister\'s ("shows the patient\'s name …")', () => {
    const found = extractSpec('Clinic app. Doctors write referrals for patients. A referral shows the patient\'s name and address.').entities.find((e) => e.name === 'Referral');
    assert.ok(!found?.fields.some((f) => f.sources.length && /name|address/.test(f.name)));
  });
});

describe('extract fields: "X links A to B with …" describes X, the linking record', () => {
  it('the with-list after the two linked records is the linking record\'s, not the second record\'s', () => {
    const text = 'Campsite app. Campers book pitches. A stay links a camper to a pitch with an arrival date and a departure date.';
    assert.deepEqual(fieldsOf(text, 'Stay'), ['arrivalDate:date', 'departureDate:date']);
    assert.ok(!extractSpec(text).entities.find((e) => e.name === 'Pitch')?.fields.some((f) => f.sources.length && /Date$/.test(f.name)));
  });

  it('"connects … to …" too', () => {
    assert.deepEqual(fieldsOf('Climbing club app. A membership connects a climber to a club with a start date and a yearly fee.', 'Membership'), ['startDate:date', 'yearlyFee:money']);
  });
});

describe('extract: a record the text gives no value gets a name, unless it is a row of an act', () => {
  const fieldsAll = (text: string, entity: string) => extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => f.name);

  it('"users keep albums of photos": the album, linked to its owner, gets an assumed name', () => {
    const spec = extractSpec('A photo app where users have albums. Users keep albums of photos. Each photo has a caption and a date taken.');
    const album = spec.entities.find((e) => e.name === 'Album');
    assert.ok(album, 'no Album');
    assert.deepEqual(album.fields.map((f) => `${f.name}:${f.sources.length}`), ['name:0']);
  });

  it('an act between records (an enrollment) or a value (a score) gets none, and a record with values keeps only them', () => {
    const text = 'Students enroll in courses. An enrollment is for one student and one course. Each course has a title.';
    assert.deepEqual(fieldsAll(text, 'Enrollment'), []);
    assert.deepEqual(fieldsAll(text, 'Course'), ['title']);
  });
});

describe('extract fields: "Xs such as a Y, which have …" are the Xs\' values', () => {
  it('a plural verb after "which" agrees with the plural named before the example', () => {
    const text = 'A courier firm owns vehicles. Couriers drive vehicles such as a van or a truck, which have a plate number and a mileage.';
    assert.deepEqual(fieldsOf(text, 'Vehicle'), ['plateNumber:string', 'mileage:integer']);
  });
});

describe('extract fields: "the date of X" is a date even when X is a record', () => {
  it('a moment before "of" is the value, not a link to the record named after it', () => {
    const text = 'Bookshop app. Customers buy books. Each receipt shows the total and the date of purchase.';
    const spec = extractSpec(text);
    assert.deepEqual(fieldsOf(text, 'Receipt'), ['total:money', 'dateOfPurchase:date']);
    assert.ok(!spec.relations.some((r) => r.from === 'Receipt' && r.name === 'dateOfPurchase'));
  });
});
