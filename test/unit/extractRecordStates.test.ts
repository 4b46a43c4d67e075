// States a record is said to reach become a value it stores (issue #11, explicit fields): steps of a
// lifecycle are its status, a condition that comes and goes a yes/no value.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type[:values]" of each field of one record taken from the text. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text)
    .entities.find((e) => e.name === entity)
    ?.fields.filter((f) => f.sources.length)
    .map((f) => [f.name, f.type, ...(f.enumValues ? [f.enumValues.join('|')] : [])].join(':')) ?? [];

describe('extract fields: the states a record reaches', () => {
  it('"a refund request is approved", "… can be rejected", "is marked as paid": the steps are the values of its status, in lifecycle order, after where it stands until then (pending)', () => {
    const text =
      'Guests send refund requests. Each refund request has an amount and a reason. A manager decides whether the refund request is approved. ' +
      'A refund request can also be rejected. Once the money is sent, the refund request is marked as "paid".';
    assert.deepEqual(fieldsOf(text, 'RefundRequest'), ['amount:money', 'reason:string', 'status:enum:pending|approved|paid|rejected']);
  });

  it('"the locker is automatically blocked" is a condition that comes and goes: a yes/no value named after it', () => {
    assert.deepEqual(fieldsOf('Members rent lockers. Each locker has a number. When a rent is overdue, the locker is automatically blocked.', 'Locker'), ['number:integer', 'blocked:boolean']);
  });

  it('a state of something else ("is shipped to a customer", "that a parcel is approved by" without a record) adds nothing', () => {
    // A direction after the participle is an action on the record, not a state it stores.
    assert.deepEqual(fieldsOf('Shops sell lamps. Each lamp has a price. A lamp is shipped to a customer.', 'Lamp'), ['price:money']);
    // "so that available lamps …": a conjunction, not a determiner of the record.
    assert.deepEqual(fieldsOf('Shops sell lamps. Each lamp has a price. We check stock so that available lamps can be shipped quickly.', 'Lamp'), ['price:money']);
  });

  it('what a person marks a record as is a yes/no value: "define a route as seasonal, i.e. …", "mark a volunteer as inactive" (stored as active); not "as a captain" or "as unavailable"', () => {
    assert.deepEqual(fieldsOf('Each route has a name. The planner may also define a route as seasonal, i.e., it only runs in summer.', 'Route'), ['name:string', 'seasonal:boolean']);
    assert.deepEqual(fieldsOf('Volunteers work shifts. Each volunteer has a name and a phone. A coordinator can mark a volunteer as inactive so that they can no longer sign up.', 'Volunteer'), ['name:string', 'phone:string', 'active:boolean']);
    // A role is no value; availability follows from other records (a period unavailable for one teacher).
    assert.deepEqual(fieldsOf('Each route has a name. The planner may mark a route as a favourite route.', 'Route'), ['name:string']);
    assert.deepEqual(fieldsOf('Each room has a number. A teacher can mark a room as unavailable, with a reason.', 'Room'), ['number:integer']);
  });

  it('more steps of a lifecycle: "the report is reviewed by a doctor, and then the report is sent" is a status (reviewed, sent)', () => {
    assert.deepEqual(fieldsOf('Labs write reports. Each report has a title. The report is reviewed by a doctor, and then the report is sent.', 'Report'), ['title:string', 'status:enum:pending|reviewed|sent']);
  });
  it('"… an article when it is published", "… parcels once they are verified": a pronoun stands for the one thing named before it', () => {
    assert.deepEqual(fieldsOf('Authors write articles. Each article has a title and a body. A visitor can read an article when it is published by an editor.', 'Article'), ['title:string', 'body:text', 'published:boolean']);
    assert.deepEqual(fieldsOf('A warehouse stores parcels. Each parcel has a weight and a label. The warehouse ships parcels once they are verified.', 'Parcel'), ['weight:decimal', 'label:string', 'verified:boolean']);
    assert.deepEqual(fieldsOf('Each bike has a frame number. Riders rent a bike for a day. A rider can take a bike only after it has been validated by a mechanic.', 'Bike'), ['frameNumber:string', 'validated:boolean']);
    // Stored, the state a rule names can be enforced.
    const shop = extractSpec('Customers place orders with a total. Staff and managers sign in. Only managers can delete orders after they are archived.');
    assert.ok(shop.rules.some((r) => r.kind === 'refuseWhen' && r.entity === 'Order' && r.condition.field === 'archived' && r.exceptRoles?.includes('manager')));
  });

  it('a pronoun that could stand for two things, for a person, or for nothing named before adds nothing', () => {
    // The painting or the museum: either could be verified.
    const museum = 'Museums lend paintings. Each painting has a title and a year. A painting may only leave the museum once it has been verified by a curator.';
    assert.deepEqual(fieldsOf(museum, 'Painting'), ['title:string', 'year:integer']);
    assert.deepEqual(fieldsOf(museum, 'Museum'), []);
    // "it" is no student; "they" is no order.
    assert.deepEqual(fieldsOf('Schools admit students. Each student has a name and an email. A school admits a student when it is verified.', 'Student'), ['name:string', 'email:email']);
    assert.deepEqual(fieldsOf('Each customer has a name. Each order has a total. A customer can place an order until they are blocked.', 'Order'), ['total:money']);
    assert.deepEqual(fieldsOf('It is verified that each member has a name. Each member has a phone.', 'Member'), ['name:string', 'phone:string']);
  });

  it('"to show that the trail has been visited": a state that is shown is a yes/no value; "marked as invalidated" is stored as validated', () => {
    assert.deepEqual(fieldsOf('Hikers explore trails. Each trail has a name and a length. The map colours a trail green to show that the trail has been visited.', 'Trail'), ['name:string', 'length:decimal', 'visited:boolean']);
    assert.deepEqual(fieldsOf('Each claim has an amount. When the amount changes, the claim is marked as invalidated.', 'Claim'), ['amount:money', 'validated:boolean']);
  });
  it('who may see a record is a yes/no value a person sets: "make a playlist public", "release each of these entries publicly", "set a recipe private"', () => {
    assert.deepEqual(fieldsOf('Each playlist has a title. Users can make a playlist public.', 'Playlist'), ['title:string', 'public:boolean']);
    assert.deepEqual(fieldsOf('Each shelf has a label. A librarian adds entries to a shelf. Each entry has a name. The librarian can optionally release each of these entries publicly, i.e. also for guests.', 'Entry'), ['name:string', 'public:boolean']);
    assert.deepEqual(fieldsOf('Each recipe has a name and a cooking time. A cook can set a recipe private so that only they see it.', 'Recipe'), ['name:string', 'cookingTime:integer', 'private:boolean']);
    assert.deepEqual(fieldsOf('Each photo has a caption. An admin can make a photo invisible.', 'Photo'), ['caption:string', 'visible:boolean']);
  });

  it('what a person makes a record otherwise ("make a booking online", "make the room clean") is no stored value', () => {
    assert.deepEqual(fieldsOf('Each booking has a date. Customers can make a booking online.', 'Booking'), ['date:date']);
    assert.deepEqual(fieldsOf('Each room has a number. Each lesson has a date. Teachers make the room clean after a lesson.', 'Room'), ['number:integer']);
  });

  it('states coordinated with the one read are steps too: "can be confirmed or cancelled", "is confirmed, paid or cancelled"', () => {
    assert.deepEqual(fieldsOf('A booking has a date. A booking can be confirmed or cancelled.', 'Booking'), ['date:date', 'status:enum:pending|confirmed|cancelled']);
    assert.deepEqual(fieldsOf('Each invoice has a total. Each invoice is confirmed, paid or cancelled.', 'Invoice'), ['total:money', 'status:enum:pending|confirmed|paid|cancelled']);
    assert.deepEqual(fieldsOf('Each loan has a due date. A loan can be approved and then closed.', 'Loan'), ['dueDate:date', 'status:enum:pending|approved|closed']);
  });

  it('a plural record opening the sentence reaches states too ("Orders can be shipped or cancelled"); "requests" names the one kind of request', () => {
    assert.deepEqual(fieldsOf('Customers place orders with a total. Orders can be shipped or cancelled.', 'Order'), ['total:money', 'status:enum:pending|shipped|cancelled']);
    assert.deepEqual(fieldsOf('Tenants file repair requests with a description. Requests are resolved or rejected.', 'RepairRequest'), ['description:text', 'status:enum:open|resolved|rejected']);
    // Not a kind made by its state ("unavailable products can be shipped later"), nor a deadline ("must be completed by 10 May").
    assert.deepEqual(fieldsOf('Each product has a price. Available products can be shipped at once and unavailable products can be shipped later.', 'Product'), ['price:money']);
    assert.deepEqual(fieldsOf('Reviewers write reviews with a score. Reviews must be completed by 10 May.', 'Review'), ['score:integer']);
  });

  it('what a person decides on a record leaves it in a state, after where it stands until then: "managers approve or reject requests", "the dispatcher cancels a delivery"', () => {
    assert.deepEqual(fieldsOf('Employees submit leave requests with a start date and an end date. Managers approve or reject requests.', 'LeaveRequest'), ['startDate:date', 'endDate:date', 'status:enum:pending|approved|rejected']);
    assert.deepEqual(fieldsOf('Each delivery has an address. The dispatcher can cancel a delivery.', 'Delivery'), ['address:string', 'status:enum:active|cancelled']);
    assert.deepEqual(fieldsOf('Students submit essays with a title. A teacher accepts or declines each essay.', 'Essay'), ['title:string', 'status:enum:pending|accepted|declined']);
    assert.deepEqual(fieldsOf('Each ticket has a subject. An agent closes a ticket.', 'Ticket'), ['subject:string', 'status:enum:open|closed']);
    // The day's work is no decision: "the warehouse ships parcels".
    assert.deepEqual(fieldsOf('Each parcel has a weight. The warehouse ships parcels.', 'Parcel'), ['weight:decimal']);
    // A participle is no decision ("removes completed tasks", "have confirmed their booking"); people decided on are no records' states.
    assert.deepEqual(fieldsOf('Each task has a title. The app removes completed tasks.', 'Task'), ['title:string']);
    assert.deepEqual(fieldsOf('Each booking has a date. Guests that have confirmed their booking get a code.', 'Booking'), ['date:date', 'code:string']);
  });

  it('a status the text spells out is left as written: decisions do not reorder "new → scheduled → done"', () => {
    const text = 'Tenants submit repair requests with a description. A repair request goes new → scheduled → done. The manager can reject a repair request.';
    const status = extractSpec(text).entities.find((e) => e.name === 'RepairRequest')?.fields.find((f) => f.name === 'status');
    assert.equal(status?.enumValues?.[0], 'new');
  });

  it('a decision not taken leaves no state ("guests cannot cancel bookings", "bookings can not be cancelled", "are not allowed to cancel")', () => {
    assert.deepEqual(fieldsOf('Each booking has a date. Guests cannot cancel bookings.', 'Booking'), ['date:date']);
    assert.deepEqual(fieldsOf('Each booking has a date. Bookings can not be cancelled.', 'Booking'), ['date:date']);
    assert.deepEqual(fieldsOf('Each loan has a date. Members are not allowed to cancel loans.', 'Loan'), ['date:date']);
  });

  it('what each person completes or accepts of a shared thing is no state of it ("students complete courses", "users accept the terms"); an answer to a request or an offer is', () => {
    assert.deepEqual(fieldsOf('Each course has a title. Students complete courses.', 'Course'), ['title:string']);
    assert.deepEqual(fieldsOf('Each policy has a text. Employees accept the privacy policy.', 'Policy'), ['text:text']);
    assert.deepEqual(fieldsOf('Each offer has a price. The customer can accept or decline the offer.', 'Offer'), ['price:money', 'status:enum:pending|accepted|declined']);
    assert.deepEqual(fieldsOf('Each task has a title. A volunteer completes a task.', 'Task'), ['title:string', 'status:enum:open|completed']);
  });

  it('decisions leave a status or a flag the text names alone ("an approval status", "status: submitted, rejected or approved")', () => {
    assert.deepEqual(fieldsOf('Each claim has a status: submitted, rejected or approved. Managers approve claims.', 'Claim'), ['status:enum:submitted|rejected|approved']);
    assert.deepEqual(fieldsOf('Employees submit leave requests with an approval status. Managers approve or reject requests.', 'LeaveRequest'), ['approvalStatus:string']);
  });

  it('the verbs joined with a decision are read to its record ("confirm, reschedule or cancel appointments"); the next clause\'s adjective is no state ("paid, received payments are logged")', () => {
    assert.deepEqual(fieldsOf('Each appointment has a time. Staff can confirm, reschedule or cancel appointments.', 'Appointment'), ['time:datetime', 'status:enum:pending|confirmed|cancelled']);
    assert.deepEqual(fieldsOf('Each invoice has a total. After the invoice is paid, received payments are logged.', 'Invoice'), ['total:money', 'status:enum:pending|paid']);
  });
});

