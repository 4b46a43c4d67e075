// A value word a person adds to one record is one of its values (issue #11, explicit fields).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record taken from the text. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`) ?? [];

describe('extract fields: values a person adds to a record', () => {
  it('"save a comment with extra details about the order", "attach a photo to each claim", "add a label to the ticket"', () => {
    assert.deepEqual(fieldsOf('Customers place orders. An order has a date. It must be possible to save a comment with extra details about the order.', 'Order'), ['date:date', 'comment:text']);
    assert.deepEqual(fieldsOf('Adjusters handle claims. A claim has an amount. The adjuster can attach a photo to each claim.', 'Claim'), ['amount:money', 'photo:string']);
    assert.deepEqual(fieldsOf('Agents handle tickets. A ticket has a subject. Agents add a label to the ticket when they triage it.', 'Ticket'), ['subject:string', 'label:string']);
  });

  it('no value: "leave a note for the driver" is for someone, "add a product to the cart" puts a record in another', () => {
    assert.deepEqual(fieldsOf('Drivers deliver parcels. A parcel has a weight. Users can leave a note for the driver.', 'Driver'), []);
    assert.deepEqual(fieldsOf('Shoppers fill carts. A cart has a total. Shoppers add a product to the cart.', 'Cart'), ['total:money']);
  });
});
