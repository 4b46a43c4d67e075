// What someone decides on is a record: "the guest can accept or decline the offer", "the manager can
// approve or reject each booking request" (decidedOn.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const names = (text: string) => extractSpec(text).entities.map((e) => e.name);

describe('extractor: what is approved, rejected, refused or declined', () => {
  it('"can approve or reject each booking request" keeps the request a record, although it has no fields', () => {
    const found = names('A studio hires out rooms to bands. A room has a name and an hourly price. A band has a name and a contact email. The manager can approve or reject each booking request before it is paid.');
    assert.ok(found.includes('BookingRequest'), found.join(', '));
  });

  it('"the guest can accept or decline the offer" makes the offer a record', () => {
    const found = names('A hotel rents rooms to guests. A room has a number and a nightly price. A guest has a name and an email. When the booked room is not ready, the desk makes the guest an upgrade offer. The guest can accept or decline the offer at the desk.');
    assert.ok(found.includes('Offer'), found.join(', '));
  });

  it('"the tenant then refuses the proposal" makes the proposal a record', () => {
    const found = names('A landlord lets apartments to tenants. An apartment has an address and a monthly rent. Tenants have a name and an email. When an apartment becomes free, a proposal goes to the first tenant on the waiting list. The tenant then refuses the proposal or signs a lease.');
    assert.ok(found.includes('Proposal'), found.join(', '));
  });

  it('what is accepted as payment is no record ("each machine accepts coins and contactless cards")', () => {
    const found = names('A vending company runs snack machines in offices. A machine has a location and a serial number. A snack has a name and a price. Each machine accepts coins and contactless cards. A refill has a date and a count.');
    assert.ok(!found.includes('Coin') && !found.includes('ContactlessCard'), found.join(', '));
  });
});
