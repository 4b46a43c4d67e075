// A new user's first HR or service-desk text: "Staff submit requests. The manager reviews requests and
// approves them." Requests are records (they were a word for API calls only), a verb's plain form
// before plural nouns names their kind ("leave requests"), and the verb after "and" before "them" is a
// verb, not a record ("approves", "returns").
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const names = (text: string): string[] => extractSpec(text).entities.map((e) => e.name);
const posOf = (sentence: string, word: string): string | undefined => tagSentence(sentence).find((t) => t.w === word)?.pos;

describe('extract: requests, their kinds and the decisions on them', () => {
  it('requests people submit are records: "Staff submit requests", "A request has a date", "special requests for a product"', () => {
    assert.ok(names('Staff submit requests.').includes('Request'));
    const dated = extractSpec('Employees submit requests. A request has a date.');
    assert.deepEqual(dated.entities.find((e) => e.name === 'Request')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date']);
    assert.ok(names('Guests add special requests to a room booking. Each room booking has a date.').includes('Request'));
    // Requests a machine receives, or counted at a rate, are calls, no record.
    assert.ok(!names('The API handles GET requests and returns JSON. Each book has a title.').includes('Request'));
    assert.ok(!names('Each sensor has a name. The sensor sends requests to the hub.').includes('Request'));
    assert.ok(!names('Each city has a name. The server handles up to 100 requests per minute.').includes('Request'));
    assert.ok(!names('Each city has a name. Each request to the weather service is logged.').includes('Request'));
  });

  it('a plain verb between a verb and plural nouns names their kind: "submit leave requests", "approve change requests", "after submitting leave requests"', () => {
    assert.ok(names('Employees submit leave requests. Each leave request has a start date.').includes('LeaveRequest'));
    assert.equal(posOf('Admins approve change requests and close them.', 'change'), 'noun');
    assert.equal(posOf('After submitting leave requests, employees wait.', 'leave'), 'noun');
    // Verbs that take another's plain form keep it a verb; a phrasal verb's particle is no modifier.
    assert.equal(posOf('Students help clean classrooms.', 'clean'), 'verb');
    assert.equal(posOf('Parents let children play games.', 'play'), 'verb');
    assert.ok(names('Owners manage alerts by setting up automation rules. An automation rule has a condition.').includes('AutomationRule'));
  });

  it('"reviews requests and approves them", "grades essays and returns them": the word after "and" before an object pronoun is a verb', () => {
    assert.equal(posOf('The manager reviews requests and approves them.', 'approves'), 'verb');
    assert.equal(posOf('The teacher grades essays and returns them.', 'returns'), 'verb');
    assert.deepEqual(names('The teacher grades essays and returns them.'), ['Essay']);
    // A noun after "and" with no pronoun after it stays a noun.
    assert.equal(posOf('The shop sells books and returns are free.', 'returns'), 'noun');
  });

  it('"The manager reviews requests": a person and the verb the tagger reads are no "manager review" record', () => {
    assert.ok(!names('Staff submit requests. The manager reviews requests.').includes('ManagerReview'));
    assert.ok(!names('The editor reviews articles. Each article has a title.').includes('EditorReview'));
    // Reviews people write are still records.
    assert.ok(names('Customers write product reviews with a rating. Each product has a price.').includes('Review'));
  });

  it('"Staff record stock movements", "teachers log absences": people keeping plural things, and nothing more, make those records', () => {
    assert.ok(names('Products have a name. Staff record stock movements.').includes('StockMovement'));
    assert.ok(names('Each class has a name. The faculty logs absences.').includes('Absence'));
    assert.ok(names('Each truck has a plate. Drivers record fuel purchases.').includes('FuelPurchase'));
    // A thing keeping values lists them; people keeping more than bare plurals are left to the list readers.
    assert.deepEqual(extractSpec('A loan records the member, the book and the dates.').entities.find((e) => e.name === 'Loan')?.fields.filter((f) => f.sources.length).length, 3);
    assert.deepEqual(extractSpec('Receptionists record appointments with a date and a time.').entities.find((e) => e.name === 'Appointment')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date', 'time']);
  });
});

