// "Invoices are created after each job": things said to be made (a passive of create, issue, open …),
// many of them, are records even when a long text names them only once.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** A car wash's notes: a long text (more than ten sentences), where a noun named once needs a strong cue. */
const CAR_WASH = [
  'Car wash app.',
  'Customers drive in and pick a wash programme.',
  'Each programme has a name, a price and a duration.',
  'Washes are done in one of three bays.',
  'Each bay has a number and a status.',
  'The attendant starts a wash for a car.',
  'A car has a plate number and a colour.',
  'Loyalty cards have a number and a stamp count.',
  'Ten stamps give a free wash.',
  'Bays are cleaned every evening.',
  'Prices change twice a year.',
  'The owner sees how many washes were done per day.',
  'Invoices are issued after each wash and show the amount paid and the date.',
].join(' ');

describe('extract: things said to be made', () => {
  it('"invoices are issued after each wash", named once in a long text, is a record', () => {
    assert.ok(extractSpec(CAR_WASH).entities.some((e) => e.name === 'Invoice'), extractSpec(CAR_WASH).entities.map((e) => e.name).join(', '));
  });

  it('acts that are made are no records: "decisions are made at the weekly meeting"', () => {
    const text = `${CAR_WASH} Decisions are made at the weekly meeting.`;
    assert.ok(!extractSpec(text).entities.some((e) => e.name === 'Decision'));
  });
});
