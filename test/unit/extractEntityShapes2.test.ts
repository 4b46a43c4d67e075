// Entity shapes: people in texts where nobody signs in (peopleEvidence.ts, structuralRecords.ts), examples
// after "such as" (notRecords.ts) and doings after a preposition (nlpEvidence.ts transactions);
// each test writes its own text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';
import { storable, storedFor } from '../../src/core/extract/nlpEvidence';
import { peopleActingOnRecords, subjectsOfWhoHave } from '../../src/core/extract/peopleEvidence';
import { namedOnlyInExamples } from '../../src/core/extract/notRecords';
import { placedThings } from '../../src/core/extract/placeEvidence';
import { findFieldLists } from '../../src/core/extract/fields';
import { onlyWithin } from '../../src/core/extract/chooseEntities';
import { splitSentences } from '../../src/core/extract/sentences';

type Reader = typeof subjectsOfWhoHave;
/** Keys a reader credits in one sentence, with their scores (nobody signs in: people may be records). */
function credited(read: Reader, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  read({ ...analyze(text), peopleAreRecords: true }, storable, (key, score) => (out[key] = (out[key] ?? 0) + score));
  return out;
}
const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: people who act on records, and what they are said to be', () => {
  it('"X and Y are people who have names": each subject has the values', () => {
    assert.deepEqual(credited(subjectsOfWhoHave, 'The drivers and the mechanic are people who have phone numbers.'), { driver: 2, mechanic: 2 });
    assert.deepEqual(credited(subjectsOfWhoHave, 'A supplier is a company that has an address.'), { supplier: 2 });
    // Not a copula before the relative clause: nothing said about a subject.
    assert.deepEqual(credited(subjectsOfWhoHave, 'The mechanic repairs cars that have dents.'), {});
    const text = [
      'Every harbour has several boat trips.',
      'A harbour has a name and a town.',
      'Up to 12 passengers can join a boat trip, and some passengers may get a discount.',
      'Each boat trip also needs a skipper.',
      'The passengers and the skipper are people who have names.',
    ].join('\n');
    const found = names(text);
    assert.ok(found.includes('Passenger') && found.includes('Skipper'), found.join(', '));
  });

  it('"visitors are people who have names": a sign-in word with values of its own is a record', () => {
    const text = ['Each museum has several exhibitions.', 'Up to 30 visitors can book an exhibition.', 'The visitors are people who have names and ages.'].join('\n');
    assert.ok(names(text).includes('Visitor'), names(text).join(', '));
  });

  it('a person who acts on a record is weak evidence for a record of people', () => {
    assert.deepEqual(credited(peopleActingOnRecords, 'The curator makes an offer for the painting.'), { curator: 1 });
    assert.deepEqual(credited(peopleActingOnRecords, 'A painting is bought from the dealers that possess galleries.'), { dealer: 1 });
    // Acting on people only, or on nothing, says nothing.
    assert.deepEqual(credited(peopleActingOnRecords, 'The curator greets the visitors.'), {});
    assert.deepEqual(credited(peopleActingOnRecords, 'The curator sleeps.'), {});
    // A word for a group of people names no one person to keep.
    assert.deepEqual(credited(peopleActingOnRecords, 'Museum staff posts the schedule for the guides.'), {});
  });

});

describe('extractor: examples and doings that are no records', () => {
  it('a thing named only as an example after "such as" is no record of its own', () => {
    const onlyExample = (text: string, key: string) => namedOnlyInExamples(key, splitSentences(text).sentences);
    assert.equal(onlyExample('A farm has barns with a size, and other buildings such as a shed, which also have a size.', 'shed'), true);
    assert.equal(onlyExample('The fleet has several kinds of boats, such as small dinghies, sailing yachts and canoes.', 'canoe'), true);
    // The general record before "such as", and an example the text names again elsewhere, stay.
    assert.equal(onlyExample('A farm has barns with a size, and other buildings such as a shed, which also have a size.', 'building'), false);
    assert.equal(onlyExample('The fleet has boats such as canoes. Each canoe has a number of seats.', 'canoe'), false);
    const text = ['Every farm has several barns and other buildings such as a shed, which also have a size.', 'A farm has a name and an owner.', 'Each barn has a capacity.', 'Animals live in barns.'].join('\n');
    assert.ok(!names(text).includes('Shed'), names(text).join(', '));
  });

  it('a doing named after a preposition ("after delivering the parcel") is no transaction record', () => {
    const text = [
      'Couriers carry parcels for customers.',
      'Each parcel has a weight and an address.',
      'A courier has a name and a van.',
      'The courier waits at the door after delivering the parcel.',
      'Customers pay the courier by buying a voucher.',
    ].join('\n');
    const found = names(text);
    assert.ok(!found.includes('Delivery') && !found.includes('Purchase'), found.join(', '));
    assert.ok(found.includes('Parcel'), found.join(', '));
  });
});

describe('extractor: things the text places somewhere', () => {
  it('"the stage is located at a venue": what is placed somewhere is a record', () => {
    assert.deepEqual(credited(placedThings, 'The stage is located at a specific venue.'), { stage: 2 });
    assert.deepEqual(credited(placedThings, 'Each warehouse is situated in a town.'), { warehouse: 2 });
    // Not placed (no place after the verb), or not passive: nothing.
    assert.deepEqual(credited(placedThings, 'The stage is located.'), {});
    assert.deepEqual(credited(placedThings, 'The crew places the lights on the stage.'), {});
  });

  it('a compound whose head names no record alone ("a film set" next to "films") stays a record of its own', () => {
    const text = [
      'Several actors work on a film set.',
      'The film set is located at a specific studio.',
      'A film has a title and a year.',
      'A film can be shot at several film sets.',
      'Each actor has a name.',
      'A studio has an address.',
    ].join('\n');
    assert.ok(names(text).includes('FilmSet'), names(text).join(', '));
  });
});

describe('extractor: a list that a new clause ends', () => {
  it('"… calls with an urgent leak, the repair order is drafted by a caretaker": the passive subject is no item of the list, but a record', () => {
    const sentence = splitSentences('When a tenant calls with an urgent leak, the repair order is drafted by a caretaker.').sentences[0];
    const items = findFieldLists(sentence, false).flatMap((l) => l.items.map((i) => i.key));
    assert.ok(!items.includes('repair order'), items.join(', '));
    const text = ['Tenants rent flats.', 'A flat has a number and a floor.', 'When a tenant calls with an urgent leak, the repair order is drafted by a caretaker.', 'Caretakers have a name.'].join('\n');
    assert.ok(names(text).includes('RepairOrder'), names(text).join(', '));
  });

  it('a list verb written only with a capital inside the sentence is a word of a name ("The Good Neighbours Store (GNS) collects …")', () => {
    const sentence = splitSentences('The Good Neighbours Store (GNS) collects old books and broken toys from residents of the town.').sentences[0];
    assert.deepEqual(findFieldLists(sentence, false).filter((l) => l.subject === 'neighbour'), []);
    // Written in lower case, the verb still lists values ("each store stores a name and an address").
    const lower = splitSentences('Each shop stores a name and an address.').sentences[0];
    assert.ok(findFieldLists(lower, false).some((l) => l.subject === 'shop'));
  });
});

describe('extractor: a short name never written alone', () => {
  it('is the longer name it ends ("learning module" only in "digital learning modules")', () => {
    assert.equal(onlyWithin('learning module', 'digital learning module', 'teachers create digital learning modules. a digital learning module has pages.'), true);
    assert.equal(onlyWithin('reservation', 'seat reservation', 'seat reservations are paid. reservations can be cancelled.'), false);
    const text = [
      'As a coach, I want to create digital training plans containing exercises, so that athletes can train.',
      'As an athlete, I want to see my results.',
      'As a coach, I want to add exercises with a name and a duration.',
    ].join('\n');
    const found = names(text);
    assert.ok(found.includes('DigitalTrainingPlan') && !found.includes('TrainingPlan'), found.join(', '));
  });
});

describe('extractor: listing keeps nothing', () => {
  it('"the portal lists all free rooms for the chosen festival": what things are listed for is no record for that', () => {
    const stored = (text: string) => {
      const out: Record<string, number> = {};
      storedFor(analyze(text), (key, score) => (out[key] = (out[key] ?? 0) + score));
      return out;
    };
    assert.deepEqual(stored('The portal lists all free rooms for the chosen festival.'), {});
    assert.deepEqual(stored('The portal records the scores for each festival.'), { festival: 3 });
  });
});

