// Kinds of a record (single-table inheritance): one test per sentence form of kinds.ts, each with
// its own sentences, plus what the extractor builds from them (the parent's enum field, fields of
// a kind as optional fields of the parent, the kind sentence accounted as mapped).
import * as assert from 'node:assert/strict';
import { accountSentences } from '../../src/model/project/accounting';
import { extractSpec } from '../../src/core/extract';
import { coordinatedKinds, findKinds, kindValue } from '../../src/core/extract/kinds';
import type { SentenceInfo } from '../../src/core/extract/sentences';

function sentence(text: string): SentenceInfo {
  return { id: 0, text, plain: text.toLowerCase(), bullet: false, heading: false, optional: false };
}

const kinds = (text: string) => {
  const found = findKinds(sentence(text));
  return found && { parent: found.parent, values: found.subtypes.map((s) => s.value), weak: !!found.weak };
};

describe('extract kinds: sentence forms', () => {
  it('"There are N types of X: A and B" (the head noun dropped from the values)', () => {
    assert.deepEqual(kinds('There are three kinds of tickets: standard tickets, reduced tickets and family tickets.'), { parent: 'ticket', values: ['standard', 'reduced', 'family'], weak: false });
    assert.deepEqual(kinds('We distinguish two types of loans: short loans and long loans.'), { parent: 'loan', values: ['short', 'long'], weak: false });
  });

  it('"two variants of the X, a A X and a B X" (a comma list only when the kinds repeat the head)', () => {
    assert.deepEqual(kinds('The shop sells two variants of the lamp, a desk lamp and a floor lamp.'), { parent: 'lamp', values: ['desk', 'floor'], weak: false });
    // Fields after "type of": not kinds.
    assert.equal(kinds('order = customer ref, type of cake (sponge/fruit), size, pickup date, price'), undefined);
  });

  it('"X is either A or B"', () => {
    assert.deepEqual(kinds('A member is either a student or a teacher.'), { parent: 'member', values: ['student', 'teacher'], weak: false });
    assert.deepEqual(kinds('Vehicles are either bikes, scooters or cargo bikes.'), { parent: 'vehicle', values: ['bike', 'scooter', 'cargo_bike'], weak: false });
    // States are not kinds.
    assert.equal(kinds('An invoice is either paid or cancelled.'), undefined);
  });

  it('"Xs are divided into A and B", "Xs are A or B", "each X is a A, a B or a C"', () => {
    assert.deepEqual(kinds('Boats are divided into sailboats and motorboats.'), { parent: 'boat', values: ['sailboat', 'motorboat'], weak: false });
    assert.deepEqual(kinds('Members are split into three groups: juniors, adults and seniors.'), { parent: 'member', values: ['junior', 'adult', 'senior'], weak: false });
    assert.deepEqual(kinds('Boats are sailboats or motorboats.'), { parent: 'boat', values: ['sailboat', 'motorboat'], weak: false });
    assert.deepEqual(kinds('Each boat is a sailboat, a motorboat or a canoe.'), { parent: 'boat', values: ['sailboat', 'motorboat', 'canoe'], weak: false });
    // States, values and things joined by "and" are not kinds.
    assert.equal(kinds('Bookings are paid or cancelled.'), undefined);
    assert.equal(kinds('Payments are cards or cash.'), undefined);
    assert.equal(kinds('Boats are sailboats and motorboats.'), undefined);
    const spec = extractSpec('A marina rents boats. A boat has a name and a length. Boats are sailboats or motorboats. Sailboats have a mast height.');
    const boat = spec.entities.find((e) => e.name === 'Boat');
    assert.deepEqual(boat?.fields.find((f) => f.name === 'type')?.enumValues, ['sailboat', 'motorboat']);
    assert.ok(!spec.entities.some((e) => e.name === 'Sailboat'), spec.entities.map((e) => e.name).join(', '));
  });

  it('"X is a A X or a B X"', () => {
    assert.deepEqual(kinds('A lesson is a private lesson or a group lesson.'), { parent: 'lesson', values: ['private', 'group'], weak: false });
  });

  it('"X can be A, B or C" (kinds may be adjectives; verbs and states are not kinds)', () => {
    assert.deepEqual(kinds('Cabins can be inside, outside or suites.'), { parent: 'cabin', values: ['inside', 'outside', 'suite'], weak: false });
    assert.equal(kinds('A reservation can be moved or cancelled.'), undefined);
    assert.equal(kinds('A ticket can be low, medium or high priority.'), undefined);
  });

  it('"A, B and C are types of X" and "A is a kind of X"', () => {
    assert.deepEqual(kinds('Novels, comics and cookbooks are types of books.'), { parent: 'book', values: ['novel', 'comic', 'cookbook'], weak: false });
    assert.deepEqual(kinds('A tram is a special kind of vehicle.'), { parent: 'vehicle', values: ['tram'], weak: false });
    assert.deepEqual(kinds('In addition, express parcels are a special case of parcels.'), { parent: 'parcel', values: ['express'], weak: false });
  });

  it('"A special type of X is the A X" and "A are special X"', () => {
    assert.deepEqual(kinds('A special type of boat is the sailing boat.'), { parent: 'boat', values: ['sailing'], weak: false });
    assert.deepEqual(kinds('Cargo trains are special trains that carry freight.'), { parent: 'train', values: ['cargo'], weak: false });
  });

  it('"A and B are X" is weak (taken only when X is named elsewhere)', () => {
    assert.deepEqual(kinds('Nurses and surgeons are employees.'), { parent: 'employee', values: ['nurse', 'surgeon'], weak: true });
    assert.equal(kinds('Names and emails are required.'), undefined);
  });

  it('"a special type of X: an A X" (one kind, called special)', () => {
    assert.deepEqual(kinds('Shops can open a special type of stall: a pop-up stall.'), { parent: 'stall', values: ['pop-up'.replace('-', '_')], weak: false });
  });

  it('"A or B Xs" when the text names both "A Xs" and "B Xs" on their own', () => {
    const text = ['Pupils book morning or evening classes.', 'Morning classes start at eight.', 'Evening classes have a teacher.', 'We offer new or used bikes.'];
    const found = coordinatedKinds(text.map((t, id) => ({ ...sentence(t), id })));
    assert.deepEqual(found.map((k) => [k.source, k.parent, k.subtypes.map((s) => s.value)]), [[0, 'class', ['morning', 'evening']]]);
  });

  it('kindValue drops the repeated parent head, keeps other words', () => {
    assert.equal(kindValue(['savings', 'account'], ['account']), 'savings');
    assert.equal(kindValue(['peer-reviewed', 'paper'], ['article']), 'peer_reviewed_paper');
    assert.equal(kindValue(['express', 'solo', 'round'], ['solo', 'round']), 'express');
  });
});

describe('extract kinds: the spec', () => {
  it('the parent gets a type enum, the kinds no entity, a kind\'s fields are optional on the parent, the sentence is mapped', () => {
    const spec = extractSpec('The library keeps members and loans. Each member has a name and an email. There are two types of loans: short loans and long loans. Each loan has a start date and a due date. Long loans also have a deposit. A member can have several loans.');
    const loan = spec.entities.find((e) => e.name === 'Loan');
    assert.ok(loan, spec.entities.map((e) => e.name).join(', '));
    const type = loan.fields.find((f) => f.name === 'type');
    assert.deepEqual(type?.enumValues, ['short', 'long']);
    assert.ok(!spec.entities.some((e) => /ShortLoan|LongLoan/.test(e.name)));
    const deposit = loan.fields.find((f) => f.name === 'deposit');
    assert.ok(deposit && !deposit.required);
    const kindSentence = accountSentences(spec).find((a) => a.text.startsWith('There are two types'));
    assert.equal(kindSentence?.status, 'mapped');
    assert.ok(kindSentence?.elements.includes('field Loan.type'));
  });

  it('"kind" when the parent already has a type field; the parent exists even when only the kinds have data', () => {
    const spec = extractSpec('Each machine has a serial number, a type and a location. A machine is either a drill or a press. Presses have a maximum force. Operators record inspections of machines.');
    const machine = spec.entities.find((e) => e.name === 'Machine');
    assert.ok(machine);
    assert.deepEqual(machine.fields.find((f) => f.name === 'kind')?.enumValues, ['drill', 'press']);
    assert.ok(machine.fields.some((f) => f.name === 'maximumForce' && !f.required));
  });

  it('a kind with relations of its own stays a record (and is still listed in the parent\'s enum)', () => {
    const spec = extractSpec('The airline stores employees with a name and a hire date. An employee is either a pilot or a steward. Each pilot has a licence number and a rank. Each flight has a number, a date and a pilot.');
    const employee = spec.entities.find((e) => e.name === 'Employee');
    assert.deepEqual(employee?.fields.find((f) => f.name === 'type')?.enumValues, ['pilot', 'steward']);
    assert.ok(spec.entities.some((e) => e.name === 'Pilot'));
    assert.ok(spec.relations.some((r) => [r.from, r.to].includes('Pilot') && [r.from, r.to].includes('Flight')));
    assert.ok(!spec.relations.some((r) => [r.from, r.to].includes('Pilot') && [r.from, r.to].includes('Employee')));
  });

  it('"There are (so-called) X, including A and B" (at least two kinds)', () => {
    assert.deepEqual(kinds('There are so-called field workers, including surveyors and drillers.'), { parent: 'field worker', values: ['surveyor', 'driller'], weak: false });
    assert.deepEqual(kinds('There are several vessels, such as tugs, barges and ferries.'), { parent: 'vessel', values: ['tug', 'barge', 'ferry'], weak: false });
    // One thing named: an example, not kinds.
    assert.equal(kinds('There are many rooms, including a gym.'), undefined);
  });
});
