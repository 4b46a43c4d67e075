// Relation shapes of English the extractor reads (or must not over-read), one test per shape (fifth set).
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);
const linked = (rels: string[], a: string, b: string) => rels.includes(`${a}->${b}`) || rels.includes(`${b}->${a}`);

describe('extractor relation shapes (5)', () => {
  it("'vets examine pets' with examinations kept: the examination (a noun made from the verb) belongs to the pet and the vet", () => {
    const rels = pairs('A vet app. Vets examine pets. Each pet has a name and a species. Each examination has a date and notes.');
    assert.ok(rels.includes('Examination->Pet'), rels.join(', '));
    assert.ok(rels.includes('Examination->Vet'), rels.join(', '));
  });

  it("'pets are examined by vets', 'a car can be repaired': a passive act named by a record belongs to what it is done to and to its agent", () => {
    const rels = pairs('Pets are examined by vets. Each examination has a date and notes. Vets have a name. Pets have a name.');
    assert.ok(rels.includes('Examination->Pet'), rels.join(', '));
    assert.ok(rels.includes('Examination->Vet'), rels.join(', '));
    const repairs = pairs('A car can be repaired several times. Each repair has a date and a cost. Cars have a plate number.');
    assert.ok(repairs.includes('Repair->Car'), repairs.join(', '));
  });

  it("'each parcel is delivered by a courier': the delivery belongs to the courier as well as to the parcel", () => {
    const rels = pairs('Each parcel is delivered by a courier. A delivery has a time. Couriers have a name. Parcels have a weight.');
    assert.ok(rels.includes('Delivery->Parcel'), rels.join(', '));
    assert.ok(rels.includes('Delivery->Courier'), rels.join(', '));
  });

  it("'complete a poll by selecting it': a verb of picking on screen makes no record of the picking (a selection here is an answer option)", () => {
    const rels = pairs('A poll app. Organizers can define up to five selections for each question. Voters complete a poll by selecting a poll from a list of open polls. Each question has a text.');
    assert.ok(!rels.includes('Selection->Poll'), rels.join(', '));
  });

  it("'the courses that a student takes', 'the projects that an employee works on': the noun before 'that' is what the relative clause's subject acts on", () => {
    const courses = pairs('The system stores the courses that a student takes. Each course has a title. Each student has a name.');
    assert.ok(linked(courses, 'Course', 'Student'), courses.join(', '));
    const projects = pairs('We keep the projects that an employee works on. Projects have a name. Employees have a name.');
    assert.ok(linked(projects, 'Project', 'Employee'), projects.join(', '));
  });

  it("'notifies the customer that the order shipped': after a verb of telling, 'that' starts what is told, not a clause about the customer", () => {
    const rels = pairs('The app notifies the customer that the order shipped. Orders have a date. Customers have a name.');
    assert.ok(!linked(rels, 'Order', 'Customer'), rels.join(', '));
  });

  it("'meetings are held in rooms', 'each order is paid by a customer': an irregular participle after 'be' is a passive too", () => {
    const meetings = pairs('Meetings are held in rooms. A meeting has a date. Rooms have a capacity.');
    assert.ok(meetings.includes('Meeting->Room'), meetings.join(', '));
    const payments = pairs('Each order is paid by a customer. A payment has an amount and a date. Orders have a total. Customers have a name.');
    assert.ok(payments.includes('Payment->Customer'), payments.join(', '));
  });

  it("'a customer receives an invoice', 'each student receives a grade for each exam': what one receives belongs to them, not they to it", () => {
    const invoices = pairs('A customer receives an invoice every month. Invoices have an amount. Customers have a name.');
    assert.ok(invoices.includes('Invoice->Customer') && !invoices.includes('Customer->Invoice'), invoices.join(', '));
    const grades = pairs('Each student receives a grade for each exam. Grades have a value. Exams have a date. Students have a name.');
    assert.ok(grades.includes('Grade->Student') && grades.includes('Grade->Exam'), grades.join(', '));
  });

  it("'the library lends books to members': the act (a loan) belongs to what it hands over and to whom it goes", () => {
    const rels = pairs('Our library lends books to members. Each loan has a due date. Members have a card number. Books have an ISBN.');
    assert.ok(rels.includes('Loan->Book'), rels.join(', '));
    assert.ok(rels.includes('Loan->Member'), rels.join(', '));
  });
});
