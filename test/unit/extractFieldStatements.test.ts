// Fields stated in sentence forms beyond a plain list: a pronoun for the record ("Its octane
// rating is also noted"), a later clause (", and its octane rating is also noted"), a passive
// "kept with" ("Images are saved with a file name"), "each of which is identified by". One test
// per form; each test owns its sentences.
import * as assert from 'node:assert/strict';
import { fieldsOf, listsOf } from '../shared/fieldStatements';

describe('extract fields: values of a record named by a pronoun', () => {
  it('"Its X is also noted" / "Their X is stored …" states values of the record the sentence before is about', () => {
    assert.deepEqual(listsOf('Its octane rating is also noted.'), ['(pronoun): octane rating']);
    assert.deepEqual(listsOf('Their badge numbers are stored in addition to their user information.'), ['(pronoun): badge number']);
    assert.deepEqual(listsOf('Its owner decides what is stored.'), [], 'a clause, not a value kept');
    assert.ok(fieldsOf('A fuel has a name and a price. Its octane rating is also noted.', 'Fuel').includes('octaneRating'));
  });

  it('"It is also noted whether …" is a yes/no value of the record before', () => {
    assert.deepEqual(listsOf('It is also noted whether or not it is a self-service pump.'), ['(pronoun): self-service pump']);
    assert.ok(fieldsOf('A pump has a number and a type. It is also noted whether or not it is a self-service pump.', 'Pump').includes('selfService'));
  });

  it('", and its X is noted" in a later clause belongs to the subject of the first clause', () => {
    const text = 'Each pump offers several fuels. A fuel is uniquely identified by its name, and its octane rating is also noted.';
    assert.deepEqual(fieldsOf(text, 'Fuel'), ['name', 'octaneRating']);
  });
});

describe('extract fields: other sentence forms', () => {
  it('"Images are saved with a file name": after a passive verb of keeping, one item after "with" is a field of the record before', () => {
    assert.deepEqual(listsOf('Images are saved with a file name.'), ['image: file name']);
    assert.deepEqual(fieldsOf('A building has an address and a name. Each building has a number of images. Images are saved with a file name.', 'Image'), ['fileName']);
    assert.deepEqual(listsOf('Customers book appointments with doctors.'), [], 'an action "with" someone stays a relation');
  });

  it('"Spare parts are kept in stock with a part number, …": where things are kept may come between the passive and "with"', () => {
    assert.deepEqual(listsOf('Spare parts are kept in stock with a part number, a name and a quantity.'), ['spare part: part number, name, quantity']);
    assert.deepEqual(listsOf('Wines are stored in the system with a vintage and a grape.'), ['wine: vintage, grape']);
    assert.deepEqual(fieldsOf('Spare parts are kept in stock with a part number (unique), a name and a quantity on hand.', 'SparePart'), ['partNumber', 'name', 'quantityOnHand']);
    assert.deepEqual(listsOf('Payments are made in line with the contract.'), [], '"in line with" stays an idiom');
  });

  it('"…, each of which is identified by a number": the records named before the comma', () => {
    assert.deepEqual(listsOf('It also has several fuel pumps (maximum 12), each of which is identified by a number.'), ['fuel pump: number']);
  });
});

describe('extract fields: details people give', () => {
  it('"Travellers register by providing their name, …": the giver\'s own values (two at least)', () => {
    assert.deepEqual(listsOf('Travellers register to the portal by providing their name, billing address and travel preferences.'), ['traveller: name, billing address'], 'what one gives many of is records');
    assert.deepEqual(listsOf('Tutors register by entering their name.'), [], 'one item is no list of details');
    assert.deepEqual(listsOf('An organizer provides their name and phone number.'), [], 'details given in passing, with no way in, may be a role\'s');
  });

  it('"When you register a new customer, you enter their address and VAT number": the record the lead-in names', () => {
    assert.deepEqual(listsOf('When you register a new customer, you enter their address and VAT number.'), ['customer: address, vat number']);
    assert.deepEqual(listsOf('You enter their address and VAT number.'), [], 'without a lead-in "their" names no record');
    assert.deepEqual(listsOf('Users enter their name and email.'), [], "a user's details are the sign-in's");
  });
});
