// "Clients book appointments with a stylist": the one party a thing is booked, scheduled, reserved or
// arranged with is a record the booked thing belongs to, as for things opened or placed with a party
// ("open accounts with a bank"); a list of values after "with" stays the thing's values.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string): string[] => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extract links: booked with a party', () => {
  it('"book appointments with a stylist", "schedule viewings with an agent", "arrange a tour with a guide": the thing belongs to the party', () => {
    assert.ok(links('Clients book appointments with a stylist. Each stylist has a name and a speciality.').includes('Appointment->Stylist'));
    assert.ok(links('Buyers schedule viewings with an agent. Each agent has a name and a phone number. Each viewing has a date.').includes('Viewing->Agent'));
    assert.ok(links('Visitors arrange a tour with a guide. Each guide has a name and a language. Each tour has a date.').includes('Tour->Guide'));
    // With the party a record, "two appointments of the same stylist must not overlap" has what it needs.
    const salon = extractSpec('Clients book appointments with a stylist. Each stylist has a name. Each appointment has a start time and an end time. Two appointments of the same stylist must not overlap.');
    assert.ok(salon.rules.some((r) => r.kind === 'noOverlap' && r.entity === 'Appointment'));
  });

  it('values after "with", or a thing that is no record, are no party', () => {
    const values = extractSpec('Members schedule sessions with a date and a time. Each trainer has a name.');
    assert.ok(!values.relations.some((r) => r.to === 'Trainer'));
    assert.deepEqual(values.entities.find((e) => e.name === 'Session')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['date', 'time']);
    assert.ok(!links('Guests reserve a table with a view. Each table has a number.').some((l) => l.endsWith('->View')));
  });
});
