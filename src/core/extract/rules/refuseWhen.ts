// Refusals: "a closed ticket cannot be edited", "an invoice can't be deleted once paid", "lessons
// that are marked as given can't be deleted", "a suspended member can't book a room", "members with
// unpaid fees cannot borrow", "nobody can book a class that has already started", "products past
// their best-before date can't be put in a parcel", "can be cancelled only while it is still new".
// Time margins ("up to 2 hours before") cannot be expressed and are said so.
// The phrasings are read in refuseState.ts (a record or person in a state), refuseStateAnywhere.ts
// (a record in a state anywhere in the clause) and refuseTiming.ts
// (past, until, only while, after, margins), refuseDeadline.ts (after a stored date); what they share is in refuseConditions.ts.
export { refuseActor, refuseInState } from './refuseState';
export { refuseStateAnywhere } from './refuseStateAnywhere';
export { refuseAfterState, refuseFieldPast, refuseOnlyWhile, refuseTimeMargin, refuseTimePast } from './refuseTiming';
export { refuseAfterDate } from './refuseDeadline';
