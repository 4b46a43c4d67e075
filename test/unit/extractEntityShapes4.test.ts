// Entity shapes of fresh texts: the place's own rules are no records (houseRules.ts), common job
// nouns name people (lexicon.ts PERSON_NOUNS); each test writes its own text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { theHouseRules } from '../../src/core/extract/houseRules';
import { splitSentences } from '../../src/core/extract/sentences';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: entity shapes of fresh texts', () => {
  it('"remove posts that break the rules": the rules of the site are not a record', () => {
    const text = 'Members share recipes with a title and a cooking time. Moderators hide recipes that break the rules. Moderators warn members who ignore the rules.';
    assert.ok(!names(text).includes('Rule'), names(text).join(', '));
    assert.ok(names(text).includes('Recipe'), names(text).join(', '));
    const terms = 'Hosts list cabins with a nightly price. Hosts must accept the terms and conditions before a cabin goes live.';
    assert.ok(!names(terms).some((n) => /^(?:Term|Condition)$/.test(n)), names(terms).join(', '));
    // Rules the app keeps are written as such: defined, counted, given values.
    const kept = 'Admins define discount rules. Each discount rule has a percentage and an end date. Cashiers must follow the discount rules.';
    assert.ok(names(kept).includes('DiscountRule'), names(kept).join(', '));
    assert.equal(theHouseRules('rule', splitSentences('Admins define rules. Each rule has a trigger. Members follow the rules.').sentences), false);
    assert.equal(theHouseRules('rule', splitSentences('Members follow the rules of the club.').sentences), true);
  });

  it('"Coaches can add sessions": coach, nurse, technician name people who sign in, not records', () => {
    const spec = extractSpec('Coaches can add training sessions with a date and a length. Players book sessions. Coaches see who booked.');
    assert.ok(spec.auth.kind === 'emailPassword' && spec.auth.roles.includes('coach'), JSON.stringify(spec.auth));
    assert.ok(!spec.entities.some((e) => e.name === 'Coach'), spec.entities.map((e) => e.name).join(', '));
    const nurses = extractSpec('Nurses log in and record check-ups with a date and a blood pressure. Patients see their check-ups.');
    assert.ok(nurses.auth.kind === 'emailPassword' && nurses.auth.roles.includes('nurse'), JSON.stringify(nurses.auth));
  });
});

describe('extractor: a verb of making written before its object', () => {
  it('"… and logs meals": the third person of a verb of making is no modifier of a record name', () => {
    const spec = extractSpec('Nannies look after kids. The nanny feeds the kids and logs meals. Parents see the meals.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('Meal'), names.join(', '));
    assert.ok(!names.some((n) => /^Logs/.test(n)), names.join(', '));
  });
});

describe('extractor: a mass noun left for others', () => {
  it('"Guests can leave feedback after a stay": feedback left or submitted is kept, as reviews left are', () => {
    const names = extractSpec('Guests can leave feedback after a stay. Hosts reply to feedback.').entities.map((e) => e.name);
    assert.ok(names.includes('Feedback'), names.join(', '));
    const once = extractSpec('Campers leave feedback after a trip. Guides read the feedback.').entities.map((e) => e.name);
    assert.ok(once.includes('Feedback'), once.join(', '));
    // Not what is only sent ("send acceptance to"), nor a word of a longer phrase ("give permission to").
    const sent = extractSpec('Organisers review the papers and give permission to publish. Authors submit papers with a title.').entities.map((e) => e.name);
    assert.ok(!sent.includes('Permission'), sent.join(', '));
  });
});

describe('extractor: a value of any one of a thing', () => {
  it('"the price of a ride depends on …": what any one of has a value is a record', () => {
    const text = [
      'Riders use the city scooter app on their phones.',
      'Scooters stand at docks around the city, and riders unlock them with a code.',
      'The price of a ride depends on the zone where it ends.',
      'Riders pay at the end of each month for the rides of that month.',
      'Docks have an address and a number of slots.',
    ].join('\n');
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Ride'), names.join(', '));
    // "the name of the company" names one thing: no record.
    const one = extractSpec('Drivers deliver parcels for the company. The name of the company is printed on every label. Parcels have a weight.').entities.map((e) => e.name);
    assert.ok(!one.includes('Company'), one.join(', '));
  });

  it('"second hand bikes" are SecondHandBike: the ordinal is half of an adjective, not a count', () => {
    const text = 'A charity shop sells second hand bikes. Each second hand bike has a frame size and a price.';
    assert.ok(names(text).includes('SecondHandBike'), names(text).join(', '));
    assert.ok(!names(text).includes('HandBike'), names(text).join(', '));
  });
});
