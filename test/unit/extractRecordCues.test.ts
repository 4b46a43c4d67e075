// Cues that a noun with no fields is a record after all (recordCues.ts), as dropBareEntities weighs them.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';
import { actedOnInStory, actsWithRecord, belongedTo, describedAsRecord, hasSomething, keptAsCollection, partOrWhole, valuesKeptOfIt } from '../../src/core/extract/recordCues';
import { plainOf, type SentenceInfo } from '../../src/core/extract/sentences';
import { madeByActs } from '../../src/core/extract/madeThings';

describe('extractor: cues that a noun without fields is a record', () => {
  it('a kept group of the noun ("a fleet of delivery vans"), not a count or a single one', () => {
    assert.ok(keptAsCollection('van', 'the depot runs a fleet of delivery vans.'));
    assert.ok(keptAsCollection('shelf', 'the library keeps a set of shelves.'));
    assert.ok(!keptAsCollection('van', 'the number of vans is shown.'));
    assert.ok(!keptAsCollection('van', 'a fleet of one van.'));
  });

  it('acts on or is acted on by another record: a subject next to its verb and object, or a passive with its agent', () => {
    const others = new Set(['auditor', 'finding', 'depot', 'van']);
    assert.ok(actsWithRecord('finding', analyze('Based on the findings written by the auditors, the manager decides.'), others));
    assert.ok(actsWithRecord('depot', analyze('Each depot dispatches vans.'), others));
    // A stored value, a light verb, a far subject or no agent: no cue.
    assert.ok(!actsWithRecord('finding', analyze('The findings are stored for each auditor.'), others));
    assert.ok(!actsWithRecord('depot', analyze('Each depot needs vans.'), others));
    assert.ok(!actsWithRecord('finding', analyze('The findings are sent to the auditors.'), others));
    assert.ok(!actsWithRecord('finding', analyze('This finding implies an auditor.'), others));
  });

  it('a part or whole of another record', () => {
    assert.ok(partOrWhole('hull', analyze('A kayak consists of a hull and a seat.'), new Set(['kayak'])));
    assert.ok(!partOrWhole('hull', analyze('A kayak consists of a hull and a seat.'), new Set(['paddle'])));
  });

  it('keeps such a noun in a longer text, where a noun mentioned in passing is dropped', () => {
    const text = 'An agency handles insurance claims. Each claim has a number, a date and an amount. Claims are checked by experts. Based on the findings written by the auditors, the claim is paid or refused. Each auditor has a name and a licence number. The findings must be kept for five years. The office is open on weekdays.';
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Finding'), names.join(', '));
    assert.ok(!names.includes('Weekday') && !names.includes('Office'), names.join(', '));
  });

  it('people who sign in are also a record when the text describes them as records again and again', () => {
    const spec = extractSpec('Doctors and patients log in with an email and a password. Doctors order tests for patients. Each test belongs to a patient. The lab stores the blood group of each patient. Patients book appointments at a lab. Each appointment is for one patient.');
    assert.ok(spec.auth.kind !== 'none' && spec.auth.roles.includes('patient'), JSON.stringify(spec.auth));
    assert.ok(spec.entities.some((e) => e.name === 'Patient'), spec.entities.map((e) => e.name).join(', '));
    // People named only as who does what stay roles.
    const roles = extractSpec('Doctors and patients log in with an email and a password. Patients book appointments with doctors. Each appointment has a date and a time.');
    assert.deepEqual(roles.entities.map((e) => e.name), ['User', 'Appointment']);
  });

  it('values said to be kept of the noun, even when no field list could be read from them', () => {
    assert.ok(valuesKeptOfIt('technician', 'in addition, there are technicians, and the field of activity of each technician is known.'));
    assert.ok(valuesKeptOfIt('voucher', 'the amount of this voucher must be known.'));
    assert.ok(valuesKeptOfIt('sensor reading', 'the value of all sensor readings is recorded.'));
    assert.ok(!valuesKeptOfIt('technician', 'the technicians are known to the staff.'));
    assert.ok(!valuesKeptOfIt('voucher', 'the amount of this voucher must be small.'));
    // Kept by the extractor although no field was read ("field of activity").
    const names = extractSpec('Several employees work on a ship. The name of each employee is known. In addition, there are technicians, and the field of activity of each technician is known. Each ship has a name and a length.').entities.map((e) => e.name);
    assert.ok(names.includes('Technician'), names.join(', '));
  });

  it('the plural things a domain verb acts on in a user story\'s want, not in its benefit, not shown, had or in general', () => {
    const story = (text: string): SentenceInfo => ({ id: 0, text, plain: plainOf(text) }) as SentenceInfo;
    assert.ok(actedOnInStory('position', story('As a club manager, I want to assign different positions to the volunteers.')));
    assert.ok(actedOnInStory('brake pad', story('As a mechanic, I want to order a list of brake pads, so that repairs go faster.')));
    // In the benefit, after a verb that only shows, with "any", or a state wanted ("have created").
    assert.ok(!actedOnInStory('repair', story('As a mechanic, I want to see the queue, so that I can plan repairs.')));
    assert.ok(!actedOnInStory('position', story('As a club manager, I want to see the open positions.')));
    assert.ok(!actedOnInStory('question', story('As a member, I want to convey any questions to the board.')));
    assert.ok(!actedOnInStory('index', story('As a developer, I want to have created database indexes.')));
    // Not a story at all.
    assert.ok(!actedOnInStory('position', story('The manager assigns positions to volunteers.')));
  });

  it('keeps a bare record acted on in a story among stories that describe others with fields', () => {
    const text = [
      'As a coach, I want to register teams with a name and a league, so that matches can be planned.',
      'As a coach, I want to plan matches with a date, a venue and a score.',
      'As a coach, I want to see my team\'s matches, so that I can prepare.',
      'As a coach, I want to assign different positions to the players.',
      'As a player, I want to see the weather on match days.',
    ].join('\n');
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Position'), names.join(', '));
    assert.ok(!names.includes('Weather') && !names.includes('Day'), names.join(', '));
  });

  it('things someone opens, issues or creates many at a time or one by one ("the bureau opens one or several case files")', () => {
    assert.ok(madeByActs('claim file', analyze('Then the agency opens one or several claim files.')));
    assert.ok(madeByActs('certificate', analyze('The clinic issues a certificate after each vaccination.')));
    assert.ok(madeByActs('work order', analyze('For every fault the dispatcher creates new work orders.')));
    // One thing with "the" or a possessive, an act made, a state wanted, a negation: no cue.
    assert.ok(!madeByActs('app', analyze('The visitor opens the app on a phone.')));
    assert.ok(!madeByActs('calendar', analyze('Members open their calendar every morning.')));
    assert.ok(!madeByActs('index', analyze('As a developer, I want to have created database indexes.')));
    assert.ok(!madeByActs('certificate', analyze('The clinic does not issue certificates.')));
  });

  it('keeps a thing opened by the business, without fields or links (dropBareEntities asks describedAsRecord)', () => {
    const sentences = (...texts: string[]): SentenceInfo[] => texts.map((text, id) => ({ id, text, plain: plainOf(text) }) as SentenceInfo);
    assert.ok(describedAsRecord('claim file', sentences('Customers report damage.', 'Then the agency opens one or several claim files.'), new Set(['customer'])));
    assert.ok(describedAsRecord('permit', sentences('The town hall issues permits to builders.'), new Set()));
    assert.ok(!describedAsRecord('app', sentences('The visitor opens the app on a phone.'), new Set()));
    assert.ok(!describedAsRecord('claim file', sentences('Then the agency reads the claim files.'), new Set()));
  });

  it('has something of its own ("ferries have a certain number of decks"), or another record belongs to it', () => {
    const text = 'Ferries have a certain number of decks.';
    assert.ok(hasSomething('ferry', analyze(text), text));
    // A name the sentence renames at once is not kept on its own ("every trip (we call it a crossing) has …").
    const renamed = 'Every trip (we call it a crossing) has a departure time.';
    assert.ok(!hasSomething('trip', analyze(renamed), renamed));
    assert.ok(!hasSomething('ferry', analyze('Ferries do not have decks.'), 'Ferries do not have decks.'));
    assert.ok(belongedTo('harbour', analyze('The line runs many ferries that belong to different harbours.'), new Set(['ferry'])));
    assert.ok(!belongedTo('harbour', analyze('The line runs many ferries that belong to different harbours.'), new Set(['captain'])));
  });

  it('keeps a record with something of its own in a longer text, though no field was read', () => {
    const text = 'A rental firm lends boats to its members. Each boat has a name, a length and a daily price. Each rental has a date, a boat and a status. A member can rent several boats. While sailboats also have a certain mast height, motorboats have a certain number of engines. The harbour office is open on weekdays.';
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Motorboat'), names.join(', '));
    assert.ok(!names.includes('Weekday') && !names.includes('Office'), names.join(', '));
  });
});
