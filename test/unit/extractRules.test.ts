// Rule patterns of the extractor (src/core/extract/rules/), each on its own: a hand-built
// draft (entities, fields, relations) and one fresh sentence per pattern, then what the pattern
// added (a validated rule, a field range) or said in notUnderstood.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { addEntity, addField, addRelation, newDraft, type Draft } from '../../src/core/extract/draft';
import { capacityCompare, capacityFull, capacityLimit, capacityNumberOf } from '../../src/core/extract/rules/capacity';
import { fewestPlaces } from '../../src/core/extract/rules/capacityRule';
import { clausesOf, ruleLanguage } from '../../src/core/extract/rules/clauses';
import type { RuleContext } from '../../src/core/extract/rules/context';
import { dateOrder } from '../../src/core/extract/rules/dateOrder';
import { contextFor, findRules, readClause, type RulePattern } from '../../src/core/extract/rules/index';
import { overlapDoubleBooked, overlapExplicit, overlapSameTime } from '../../src/core/extract/rules/noOverlap';
import { assignedToThem, notByOthers, onlyOwner, ownCreated, ownOwn } from '../../src/core/extract/rules/ownership';
import { rangeBetween, rangeCompare, rangeOutOf } from '../../src/core/extract/rules/ranges';
import { refuseActor, refuseAfterDate, refuseAfterState, refuseFieldPast, refuseInState, refuseOnlyWhile, refuseStateAnywhere, refuseTimeMargin, refuseTimePast } from '../../src/core/extract/rules/refuseWhen';
import { manageRole, onlyBy, onlyOnes, onlyRole, restrictedTo, roleForAction, roleForbidden, roleMayChange } from '../../src/core/extract/rules/roleRequired';
import { uniqueAdjective, uniqueAnnotated, uniqueDistinct, uniqueIdentifiedBy, uniqueNoTwo, uniqueOnce, uniqueOneOwner, uniquePer, uniqueValue } from '../../src/core/extract/rules/unique';
import { workflowArrows, workflowFromValues, workflowMoves, workflowSteps, workflowThen } from '../../src/core/extract/rules/workflow';
import { splitSentences } from '../../src/core/extract/sentences';
import type { FieldType, Rule } from '../../src/model/project/projectSpec';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';

type FieldSpec = [name: string, type: FieldType, extra?: { enumValues?: string[]; required?: boolean }];

interface Model {
  user?: boolean;
  entities: Record<string, FieldSpec[]>;
  /** [from key, to key, relation name?] */
  relations?: Array<[string, string, string?]>;
}

/** A draft with these entities (keys like "fitness class"), fields and belongsTo relations. */
function model(m: Model): Draft {
  const draft = newDraft();
  if (m.user) addField(addEntity(draft, 'user', 0)!, { words: ['name'], type: 'string', required: true }, 0);
  for (const [key, fields] of Object.entries(m.entities)) {
    const entity = addEntity(draft, key, 0)!;
    entity.fieldsFromText = true;
    for (const [name, type, extra] of fields) addField(entity, { words: [], name, type, ...extra }, 0);
  }
  for (const [from, to, name] of m.relations ?? []) addRelation(draft, { from, to, name }, 0);
  return draft;
}

/** The extractor's owner link for tests: a required relation `owner` to User. */
function ensureOwner(draft: Draft) {
  return (entityName: string, source: number): boolean => {
    const entity = draft.entities.find((e) => e.name === entityName);
    if (!entity || !draft.entities.some((e) => e.name === 'User')) return false;
    if (entity.ownerRelation) return true;
    const existing = draft.relations.find((r) => r.from === entityName && r.to === 'User' && r.required);
    const relation = existing ?? addRelation(draft, { from: entityName, to: 'User', name: 'owner', required: true, onDelete: 'cascade' }, source);
    if (!relation) return false;
    entity.ownerRelation = relation.name;
    return true;
  };
}

interface Run {
  draft: Draft;
  ctx: RuleContext;
  recognised: boolean;
  rules: Rule[];
  notes: string[];
}

/** Runs one pattern on the first clause of `text` (the sentence gets id 1). */
function run(pattern: RulePattern, draft: Draft, text: string, options: { roles?: string[]; hint?: string; section?: string; clause?: number } = {}): Run {
  const { sentences } = splitSentences(`Title.\n\n${text}`);
  const sentence = sentences[1];
  const { clauses, narrator } = clausesOf(sentence);
  const clause = clauses[options.clause ?? 0];
  const ctx = contextFor(draft, sentence, clause, { roles: options.roles ?? [], roleWords: new Set(), ensureOwner: ensureOwner(draft) }, { hint: options.hint, section: options.section, narrator });
  const recognised = pattern(ctx);
  return { draft, ctx, recognised, rules: draft.rules, notes: draft.notUnderstood.map((n) => n.reason) };
}

const strip = (rule: Rule | undefined) => (rule ? { ...rule, sources: [] } : rule);
const field = (draft: Draft, entity: string, name: string) => draft.entities.find((e) => e.name === entity)?.fields.find((f) => f.name === name);

/** The draft as a spec with these rules must validate (what the extractor's finish() checks). */
function assertValid(draft: Draft, roles: string[] = []): void {
  const spec = extractSpec('A note has a title.');
  const candidate = {
    ...spec,
    entities: draft.entities.map((e) => ({ name: e.name, label: e.name, pluralLabel: `${e.name}s`, fields: e.fields.map((f) => ({ ...f, sources: [...f.sources] })), ...(e.ownerRelation ? { ownerRelation: e.ownerRelation } : {}), sources: [] })),
    relations: draft.relations.map((r) => ({ ...r, sources: [...r.sources] })),
    auth: roles.length ? { kind: 'emailPassword' as const, roles, defaultRole: roles[0], selfSignup: true, sources: [] } : { kind: 'none' as const, sources: [] },
    rules: draft.rules,
    notUnderstood: draft.notUnderstood,
    pages: [],
  };
  const parsed = ProjectSpec.parse(candidate);
  assert.deepEqual(validateSpec(parsed), []);
}

describe('extract rules: clauses and rule language', () => {
  it('cuts a sentence at semicolons, a second clause with its own subject and a user story purpose', () => {
    const { sentences } = splitSentences('Title.\n\n- Rules: one ticket per seat; a driver can\'t drive two vans at once and a van can\'t be double-booked.');
    const { clauses } = clausesOf(sentences[1]);
    assert.deepEqual(clauses.map((c) => c.plain), ['one ticket per seat', "a driver can't drive two vans at once", "a van can't be double-booked."]);
    const story = clausesOf(splitSentences('Title.\n\nAs a head nurse, I want to approve shifts so that nobody works twice in a row.').sentences[1]);
    assert.equal(story.narrator, 'head nurse');
    assert.deepEqual(story.clauses.map((c) => [c.plain, c.purpose]), [['approve shifts', false], ['nobody works twice in a row.', true]]);
  });

  it('cuts run-on notes at full stops followed by lower case', () => {
    // (Notes all in lower case are cut into sentences already; the clauses of a sentence are cut the same way.)
    const { sentences } = splitSentences('Title.\n\n- qty min 1. a price, e.g. the list price, cant be below 0');
    assert.deepEqual(sentences.slice(1).flatMap((sentence) => clausesOf(sentence).clauses.map((c) => c.plain.replace(/\.$/, ''))), ['qty min 1', "a price, e.g. the list price, can't be below 0"]);
    assert.deepEqual(clausesOf({ ...sentences[1], text: 'qty min 1. a price cant be below 0', plain: 'qty min 1. a price cant be below 0' }).clauses.map((c) => c.plain), ['qty min 1', "a price can't be below 0"]);
  });

  it('reads a list item whose parenthesis carries rule language as a clause about that field', () => {
    const { sentences } = splitSentences('Title.\n\n- Cleaning jobs: date, finished at (must be after started at), notes');
    const { clauses } = clausesOf(sentences[1]);
    assert.deepEqual(clauses.map((c) => [c.plain, c.subjectField, c.listSubject]), [
      ['cleaning jobs: date, finished at , notes', undefined, undefined],
      ['finished at: must be after started at', ['finished', 'at'], ['cleaning', 'jobs']],
    ]);
  });

  it('knows rule language, and ordinary sentences without it', () => {
    assert.equal(ruleLanguage('guests must bring a towel'), 'an obligation ("must")');
    assert.equal(ruleLanguage('only one person knows the code'), 'a restriction ("only")');
    assert.equal(ruleLanguage('a kayak holds at most 2 paddlers'), 'a limit');
    assert.equal(ruleLanguage('rooms have a name, a floor and a capacity'), undefined);
    assert.equal(ruleLanguage('hikers write a full name and a phone'), undefined);
  });
});

describe('extract rules: status workflows', () => {
  const claims = () => model({ entities: { 'expense claim': [['amount', 'money']] } });

  it('workflowArrows: "draft → submitted → approved or rejected" adds the status field and its transitions', () => {
    const r = run(workflowArrows, claims(), 'An expense claim goes draft → submitted → approved or rejected.');
    assert.ok(r.recognised);
    assert.deepEqual(field(r.draft, 'ExpenseClaim', 'status')?.enumValues, ['draft', 'submitted', 'approved', 'rejected']);
    assert.deepEqual(strip(r.rules[0]), {
      kind: 'statusWorkflow',
      entity: 'ExpenseClaim',
      field: 'status',
      initial: 'draft',
      transitions: [{ from: 'draft', to: 'submitted' }, { from: 'submitted', to: 'approved' }, { from: 'submitted', to: 'rejected' }],
      sources: [],
    });
    assertValid(r.draft);
  });

  it('workflowArrows: a side exit ", or cancelled at any time" leaves every state but the last', () => {
    const r = run(workflowArrows, claims(), '- Claim status: new -> checked -> paid, or cancelled at any time.');
    const rule = r.rules[0];
    assert.ok(rule?.kind === 'statusWorkflow');
    assert.deepEqual(rule.transitions.filter((t) => t.to === 'cancelled').map((t) => t.from), ['new', 'checked']);
  });

  it('workflowMoves: "moves from open to in progress to closed"', () => {
    const draft = model({ entities: { 'repair job': [['title', 'string'], ['state', 'enum', { enumValues: ['open', 'closed'] }]] } });
    const r = run(workflowMoves, draft, 'A repair job moves from open to in progress to closed.');
    assert.deepEqual(field(r.draft, 'RepairJob', 'state')?.enumValues, ['open', 'closed', 'in_progress']);
    assert.deepEqual(r.rules[0]?.kind === 'statusWorkflow' && r.rules[0].transitions, [{ from: 'open', to: 'in_progress' }, { from: 'in_progress', to: 'closed' }]);
  });

  it('workflowMoves: "a ticket status changes from open to answered to closed" names the status field', () => {
    const r = run(workflowMoves, model({ entities: { ticket: [['title', 'string']] } }), 'A ticket status changes from open to answered to closed.');
    assert.deepEqual(field(r.draft, 'Ticket', 'status')?.enumValues, ['open', 'answered', 'closed']);
  });

  it('workflowSteps: "goes through these steps: a, b, c, d" and "status: new, in progress, done"', () => {
    const r = run(workflowSteps, model({ entities: { application: [['name', 'string']] } }), 'Each application goes through these steps: received, screened, interviewed, hired.');
    assert.equal(r.rules[0]?.kind === 'statusWorkflow' && r.rules[0].initial, 'received');
    const s = run(workflowSteps, model({ entities: { chore: [['title', 'string']] } }), '- Chore status: new, in progress, done.');
    assert.deepEqual(s.rules[0]?.kind === 'statusWorkflow' && s.rules[0].transitions.map((t) => `${t.from}>${t.to}`), ['new>in_progress', 'in_progress>done']);
  });

  it('workflowFromValues: status values in a known order, but not unordered ones', () => {
    const draft = model({ entities: { parcel: [['status', 'enum', { enumValues: ['pending', 'shipped', 'delivered', 'refunded'] }]], lamp: [['status', 'enum', { enumValues: ['red', 'green'] }]] } });
    workflowFromValues(draft);
    assert.deepEqual(draft.rules.map((r) => r.entity), ['Parcel']);
  });
});

describe('extract rules: no overlaps', () => {
  const courts = () => model({ entities: { court: [['name', 'string']], booking: [['startsAt', 'datetime'], ['endsAt', 'datetime']] }, relations: [['Booking', 'Court']] });

  it('overlapExplicit: "no two bookings of the same court may overlap"', () => {
    const r = run(overlapExplicit, courts(), 'No two bookings of the same court may overlap.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'noOverlap', entity: 'Booking', scope: 'court', start: 'startsAt', end: 'endsAt', sources: [] });
  });

  it('overlapExplicit: "a vet can\'t have two visits that overlap", "a kennel can\'t be booked by two dogs for overlapping dates"', () => {
    const vets = model({ entities: { vet: [['name', 'string']], visit: [['from', 'datetime'], ['until', 'datetime']] }, relations: [['Visit', 'Vet']] });
    assert.deepEqual(strip(run(overlapExplicit, vets, "A vet can't have two visits that overlap.").rules[0]), { kind: 'noOverlap', entity: 'Visit', scope: 'vet', start: 'from', end: 'until', sources: [] });
    const kennels = model({ entities: { kennel: [['name', 'string']], dog: [['name', 'string']], booking: [['arrival', 'date'], ['departure', 'date']] }, relations: [['Booking', 'Kennel'], ['Booking', 'Dog']] });
    const r = run(overlapExplicit, kennels, "A kennel can't be booked by two dogs for overlapping dates.");
    assert.deepEqual(r.rules[0]?.kind === 'noOverlap' && [r.rules[0].entity, r.rules[0].scope], ['Booking', 'kennel']);
  });

  it('user stories: "make sure that no two events overlap in the same hall", "prevent double bookings of a hall"', () => {
    const halls = () => model({ entities: { hall: [['name', 'string']], event: [['startsAt', 'datetime'], ['endsAt', 'datetime']] }, relations: [['Event', 'Hall']] });
    assert.equal(run(overlapExplicit, halls(), 'As an admin I want to make sure that no two events overlap in the same hall.').rules[0]?.kind, 'noOverlap');
    assert.equal(run(overlapDoubleBooked, halls(), 'As an admin I want to prevent double bookings of a hall.').rules[0]?.kind, 'noOverlap');
  });

  it('overlapDoubleBooked: "a court can\'t be double-booked" finds the bookings of the court', () => {
    const r = run(overlapDoubleBooked, courts(), "A court can't be double-booked.");
    assert.equal(r.rules[0]?.kind, 'noOverlap');
    assert.equal(r.rules[0]?.entity, 'Booking');
  });

  it('overlapSameTime: start + duration works; a single moment ("the same slot") becomes a unique pair', () => {
    const vans = model({ entities: { driver: [['name', 'string']], delivery: [['departure', 'datetime'], ['durationMinutes', 'integer']] }, relations: [['Delivery', 'Driver']] });
    const r = run(overlapSameTime, vans, "A driver can't do two deliveries at the same time.");
    assert.deepEqual(strip(r.rules[0]), { kind: 'noOverlap', entity: 'Delivery', scope: 'driver', start: 'departure', durationMinutesField: 'durationMinutes', sources: [] });
    const slots = model({ entities: { tutor: [['name', 'string']], slot: [['label', 'string']], tutorial: [['topic', 'string']] }, relations: [['Tutorial', 'Tutor'], ['Tutorial', 'Slot']] });
    const s = run(overlapSameTime, slots, "A tutor can't give two tutorials in the same slot.");
    assert.deepEqual(strip(s.rules[0]), { kind: 'unique', entity: 'Tutorial', fields: ['tutor', 'slot'], sources: [] });
  });

  it('overlapSameTime: "2" is two, and a note\'s "cant" is "can\'t" ("a driver cant do 2 deliveries at the same time")', () => {
    const vans = model({ entities: { driver: [['name', 'string']], delivery: [['departure', 'datetime'], ['durationMinutes', 'integer']] }, relations: [['Delivery', 'Driver']] });
    assert.equal(run(overlapSameTime, vans, 'A driver cant do 2 deliveries at the same time.').rules[0]?.kind, 'noOverlap');
  });

  it('overlapSameTime: without an end or duration the end is added (issue #11); a start in the same named period says what is not covered', () => {
    const draft = model({ entities: { umpire: [['name', 'string']], game: [['startTime', 'datetime']] }, relations: [['Game', 'Umpire']] });
    const r = run(overlapSameTime, draft, "An umpire can't be given two games at once.");
    assert.deepEqual(strip(r.rules[0]), { kind: 'noOverlap', entity: 'Game', scope: 'umpire', start: 'startTime', end: 'endTime', sources: [] });
    const days = model({ entities: { umpire: [['name', 'string']], game: [['startTime', 'datetime'], ['round', 'integer']] }, relations: [['Game', 'Umpire']] });
    const s = run(overlapSameTime, days, "An umpire can't be given two games in the same round.");
    assert.deepEqual(strip(s.rules[0]), { kind: 'unique', entity: 'Game', fields: ['umpire', 'round'], sources: [] });
  });
});

describe('extract rules: uniqueness', () => {
  it('uniqueValue: "each email must be unique" and "locker codes must be unique within a gym"', () => {
    const r = run(uniqueValue, model({ entities: { customer: [['email', 'email']] } }), 'Each email must be unique.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'unique', entity: 'Customer', fields: ['email'], sources: [] });
    assert.equal(field(r.draft, 'Customer', 'email')?.unique, true);
    const gyms = model({ entities: { gym: [['name', 'string']], locker: [['code', 'string']] }, relations: [['Locker', 'Gym']] });
    const s = run(uniqueValue, gyms, 'Locker codes only need to be unique within a gym.');
    assert.deepEqual(strip(s.rules[0]), { kind: 'unique', entity: 'Locker', fields: ['code', 'gym'], sources: [] });
  });

  it('uniqueAnnotated: "vin (unique)" and "code (four letters, unique)" in field lists', () => {
    const draft = model({ entities: { truck: [['vin', 'string'], ['make', 'string']] } });
    for (const f of draft.entities[0].fields) f.sources.add(1);
    const r = run(uniqueAnnotated, draft, '- Trucks: vin (unique), make.', { clause: 1 });
    assert.deepEqual(strip(r.rules[0]), { kind: 'unique', entity: 'Truck', fields: ['vin'], sources: [] });
    const table = model({ entities: { course: [['code', 'string']] } });
    const t = run(uniqueAnnotated, table, '- Courses: code (four letters, unique), title', { section: 'Course', clause: 1 });
    assert.equal(field(t.draft, 'Course', 'code')?.unique, true);
  });

  it('uniqueAdjective: "each ticket gets a unique code" adds the field', () => {
    const r = run(uniqueAdjective, model({ entities: { ticket: [['price', 'money']] } }), 'Each ticket gets a unique code.');
    assert.equal(field(r.draft, 'Ticket', 'code')?.unique, true);
    assert.equal(r.rules[0]?.entity, 'Ticket');
  });

  it('uniqueOnce: a value registered twice, a person acting once, the same record twice for the same day', () => {
    const bikes = model({ entities: { bike: [['frameNumber', 'string']] } });
    assert.deepEqual(strip(run(uniqueOnce, bikes, "A frame number can't be registered twice.").rules[0]), { kind: 'unique', entity: 'Bike', fields: ['frameNumber'], sources: [] });
    const votes = model({ user: true, entities: { recipe: [['title', 'string']], rating: [['stars', 'integer']] }, relations: [['Rating', 'Recipe'], ['Rating', 'User', 'voter']] });
    assert.deepEqual(strip(run(uniqueOnce, votes, 'A member can rate a recipe only once.', { roles: ['member'] }).rules[0]), { kind: 'unique', entity: 'Rating', fields: ['voter', 'recipe'], sources: [] });
    const rentals = model({ entities: { kayak: [['name', 'string']], rental: [['day', 'date']] }, relations: [['Rental', 'Kayak']] });
    assert.deepEqual(strip(run(uniqueOnce, rentals, "The same kayak can't be rented twice for the same day.").rules[0]), { kind: 'unique', entity: 'Rental', fields: ['kayak', 'day'], sources: [] });
  });

  it('uniqueOnce: "may only be used once" and "must not be repeated by the same cook"', () => {
    const boats = model({ entities: { boat: [['sailNumber', 'string']] } });
    assert.deepEqual(strip(run(uniqueOnce, boats, 'Each sail number may only be used once.').rules[0]), { kind: 'unique', entity: 'Boat', fields: ['sailNumber'], sources: [] });
    const cooks = model({ entities: { cook: [['name', 'string']], recipe: [['title', 'string']] }, relations: [['Recipe', 'Cook']] });
    assert.deepEqual(strip(run(uniqueOnce, cooks, 'A recipe title must not be repeated by the same cook.').rules[0]), { kind: 'unique', entity: 'Recipe', fields: ['title', 'cook'], sources: [] });
  });

  it('uniqueValue: "unique across all members" is simply unique', () => {
    const r = run(uniqueValue, model({ entities: { member: [['email', 'email']] } }), 'Email addresses have to be unique across all members.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'unique', entity: 'Member', fields: ['email'], sources: [] });
  });

  it('uniqueValue: "unique per volunteer and event" combines both links', () => {
    const draft = model({ entities: { volunteer: [['name', 'string']], event: [['title', 'string']], signup: [['code', 'string']] }, relations: [['Signup', 'Volunteer'], ['Signup', 'Event']] });
    assert.deepEqual(strip(run(uniqueValue, draft, 'A signup code is unique per volunteer and event.').rules[0]), { kind: 'unique', entity: 'Signup', fields: ['code', 'volunteer', 'event'], sources: [] });
  });

  it('uniqueOnce: "make sure a desk isn\'t booked twice on the same day"', () => {
    const desks = model({ entities: { desk: [['name', 'string']], reservation: [['day', 'date']] }, relations: [['Reservation', 'Desk']] });
    assert.deepEqual(strip(run(uniqueOnce, desks, "As a member I want to make sure a desk isn't booked twice on the same day.").rules[0]), { kind: 'unique', entity: 'Reservation', fields: ['desk', 'day'], sources: [] });
  });

  it('uniquePer: "only one review per member per book"; a qualified one is only suggested', () => {
    const draft = model({ entities: { member: [['name', 'string']], book: [['title', 'string']], review: [['text', 'text']] }, relations: [['Review', 'Member'], ['Review', 'Book']] });
    assert.deepEqual(strip(run(uniquePer, draft, 'Only one review per member per book.').rules[0]), { kind: 'unique', entity: 'Review', fields: ['member', 'book'], sources: [] });
    const passes = model({ entities: { car: [['plate', 'string']], pass: [['until', 'date']] }, relations: [['Pass', 'Car']] });
    const r = run(uniquePer, passes, 'One valid pass per car.');
    assert.equal(r.rules.length, 0);
    assert.equal(r.draft.notUnderstood[0].suggestions[0].kind, 'addRule');
  });

  it('uniquePer: the subject is one of the values ("a van can only do one trip per day")', () => {
    const vans = model({ entities: { van: [['plate', 'string']], trip: [['day', 'date']] }, relations: [['Trip', 'Van']] });
    assert.deepEqual(strip(run(uniquePer, vans, 'A van can only do one trip per day.').rules[0]), { kind: 'unique', entity: 'Trip', fields: ['van', 'day'], sources: [] });
  });

  it('uniqueDistinct: "no duplicate emails", "each room must have a different number"', () => {
    assert.deepEqual(strip(run(uniqueDistinct, model({ entities: { member: [['email', 'email']] } }), 'No duplicate emails.').rules[0]), { kind: 'unique', entity: 'Member', fields: ['email'], sources: [] });
    assert.deepEqual(strip(run(uniqueDistinct, model({ entities: { room: [['number', 'string']] } }), 'Each room must have a different number.').rules[0]), { kind: 'unique', entity: 'Room', fields: ['number'], sources: [] });
  });

  it('uniqueNoTwo: "no two rooms with the same name", "two members can\'t share an email"', () => {
    const r = run(uniqueNoTwo, model({ entities: { room: [['name', 'string']] } }), 'No two rooms with the same name.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'unique', entity: 'Room', fields: ['name'], sources: [] });
    const s = run(uniqueNoTwo, model({ entities: { member: [['email', 'email']] } }), "Two members can't share an email.");
    assert.deepEqual(strip(s.rules[0]), { kind: 'unique', entity: 'Member', fields: ['email'], sources: [] });
  });
});

describe('extract rules: date order', () => {
  it('dateOrder: "the end date must be after the start date" on the named record', () => {
    const draft = model({ entities: { project: [['startDate', 'date'], ['endDate', 'date']] } });
    const r = run(dateOrder, draft, "A project's end date must be after its start date.");
    assert.deepEqual(strip(r.rules[0]), { kind: 'dateOrder', entity: 'Project', earlier: 'startDate', later: 'endDate', allowEqual: false, sources: [] });
  });

  it('dateOrder: "cannot be before" allows equal dates; "checkout after checkin" adds missing date fields', () => {
    const hire = model({ entities: { hire: [['pickupDate', 'date'], ['returnDate', 'date']] } });
    const r = run(dateOrder, hire, 'The return date of a hire cannot be before the pickup date.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'dateOrder', entity: 'Hire', earlier: 'pickupDate', later: 'returnDate', allowEqual: true, sources: [] });
    const stays = model({ entities: { stay: [['checkin', 'datetime'], ['guests', 'integer']] } });
    const s = run(dateOrder, stays, 'Stay checkout after checkin.');
    assert.equal(field(s.draft, 'Stay', 'checkout')?.type, 'datetime');
    assert.equal(s.rules[0]?.kind === 'dateOrder' && s.rules[0].later, 'checkout');
  });

  it('dateOrder: "the end date of a lease cannot precede its start date"', () => {
    const draft = model({ entities: { lease: [['startDate', 'date'], ['endDate', 'date']] } });
    assert.deepEqual(strip(run(dateOrder, draft, 'The end date of a lease cannot precede its start date.').rules[0]), { kind: 'dateOrder', entity: 'Lease', earlier: 'startDate', later: 'endDate', allowEqual: true, sources: [] });
  });

  it('dateOrder: informal "trip end > start"', () => {
    const r = run(dateOrder, model({ entities: { trip: [['start', 'datetime'], ['end', 'datetime']] } }), 'pls make sure trip end > start');
    assert.deepEqual(strip(r.rules[0]), { kind: 'dateOrder', entity: 'Trip', earlier: 'start', later: 'end', allowEqual: false, sources: [] });
  });

  it('dateOrder: "a booking must end after it starts"', () => {
    const draft = model({ entities: { booking: [['startsAt', 'datetime'], ['endsAt', 'datetime']] } });
    assert.deepEqual(strip(run(dateOrder, draft, 'A booking must end after it starts.').rules[0]), { kind: 'dateOrder', entity: 'Booking', earlier: 'startsAt', later: 'endsAt', allowEqual: false, sources: [] });
  });

  it('dateOrder: a list item "closed at (must be after opened at)"; a text field is refused with a reason', () => {
    const tickets = model({ entities: { ticket: [['openedAt', 'datetime'], ['closedAt', 'datetime']] } });
    const r = run(dateOrder, tickets, '- Tickets: title, closed at (date, must be after opened at)', { section: 'Ticket', clause: 1 });
    assert.equal(r.rules[0]?.kind === 'dateOrder' && r.rules[0].earlier, 'openedAt');
    const bad = model({ entities: { shift: [['openingNote', 'string'], ['closingNote', 'string']] } });
    const s = run(dateOrder, bad, "A shift's closing note must be after its opening note.");
    assert.equal(s.rules.length, 0);
    assert.match(s.notes[0], /not a date/);
  });
});

describe('extract rules: capacity', () => {
  const tours = () => model({ user: true, entities: { tour: [['title', 'string']], booking: [['paid', 'boolean']] }, relations: [['Booking', 'Tour'], ['Booking', 'User', 'guest']] });

  it('capacityLimit: "at most 20 participants" counts the place rows and adds the number as a capacity field', () => {
    const r = run(capacityLimit, tours(), 'A tour can take at most 20 participants.', { roles: ['member'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'capacity', entity: 'Booking', relation: 'tour', capacityField: 'capacity', sources: [] });
    const cap = field(r.draft, 'Tour', 'capacity');
    assert.deepEqual([cap?.type, cap?.default, cap?.max], ['integer', 20, 20]);
    assertValid(r.draft, ['member']);
  });

  it('capacityLimit: "no more than 4 players per team" and "limited to 12 seats"', () => {
    const teams = model({ entities: { team: [['name', 'string']], player: [['name', 'string']] }, relations: [['Player', 'Team']] });
    const r = run(capacityLimit, teams, 'There can be no more than 4 players per team.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'capacity', entity: 'Player', relation: 'team', capacityField: 'maxPlayers', sources: [] });
    const classes = model({ user: true, entities: { workshop: [['topic', 'string'], ['seats', 'integer']], enrolment: [['notes', 'text']] }, relations: [['Enrolment', 'Workshop']] });
    const s = run(capacityLimit, classes, 'A workshop is limited to 12 seats.', { roles: ['member'] });
    assert.deepEqual(strip(s.rules[0]), { kind: 'capacity', entity: 'Enrolment', relation: 'workshop', capacityField: 'seats', sources: [] });
    assert.equal(field(s.draft, 'Workshop', 'seats')?.max, 12);
  });

  it('capacityLimit: "no more than 10 people can attend a workshop" counts per the record after the verb', () => {
    const draft = model({ user: true, entities: { workshop: [['title', 'string']], attendance: [['note', 'text']] }, relations: [['Attendance', 'Workshop']] });
    assert.deepEqual(strip(run(capacityLimit, draft, 'No more than 10 people can attend a workshop.', { roles: ['member'] }).rules[0]), { kind: 'capacity', entity: 'Attendance', relation: 'workshop', capacityField: 'capacity', sources: [] });
  });

  it('capacityLimit: "bookings are limited to 2 per member" counts the subject', () => {
    const draft = model({ user: true, entities: { booking: [['day', 'date']] }, relations: [['Booking', 'User', 'member']] });
    assert.deepEqual(strip(run(capacityLimit, draft, 'Bookings are limited to 2 per member.', { roles: ['member'] }).rules[0]), { kind: 'capacity', entity: 'Booking', relation: 'member', capacityField: 'maxBookings', sources: [] });
  });

  it('capacityNumberOf: "the number of guests per table is limited to 8", "players per team: max 25"', () => {
    const tables = model({ entities: { table: [['name', 'string']], guest: [['name', 'string']] }, relations: [['Guest', 'Table']] });
    assert.deepEqual(strip(run(capacityNumberOf, tables, 'The number of guests per table is limited to 8.').rules[0]), { kind: 'capacity', entity: 'Guest', relation: 'table', capacityField: 'capacity', sources: [] });
    const teams = model({ entities: { team: [['name', 'string']], player: [['name', 'string']] }, relations: [['Player', 'Team']] });
    assert.equal(run(capacityNumberOf, teams, '- Players per team: max 25').rules[0]?.kind, 'capacity');
  });

  it('capacityLimit: a limit per day is said to be out of reach, with the reason', () => {
    const r = run(capacityLimit, tours(), 'We take max 15 kayaks per day.');
    assert.equal(r.rules.length, 0);
    assert.match(r.notes[0], /per day/);
  });

  it('capacityLimit: "at once" needs an end date that is empty while a row counts', () => {
    const loans = model({ user: true, entities: { member: [['name', 'string']], loan: [['returnedAt', 'datetime']] }, relations: [['Loan', 'Member']] });
    const r = run(capacityLimit, loans, 'A member can have at most 3 loans at once.');
    assert.equal(r.rules[0]?.kind === 'capacity' && r.rules[0].activeWhenNull, 'returnedAt');
  });

  it('capacityLimit: "at most 3 times" counts the rows the verb makes per person, and says when it is per pair', () => {
    const quiz = model({ entities: { student: [['name', 'string']], quiz: [['title', 'string']], attempt: [['score', 'integer']] }, relations: [['Attempt', 'Student'], ['Attempt', 'Quiz']] });
    const pair = run(capacityLimit, quiz, 'A student may attempt a quiz at most 3 times.');
    assert.equal(pair.rules.length, 0);
    assert.match(pair.notes[0], /per Student and Quiz/);
    const alone = run(capacityLimit, model({ entities: { student: [['name', 'string']], attempt: [['score', 'integer']] }, relations: [['Attempt', 'Student']] }), 'A student may attempt at most 3 times.');
    assert.deepEqual(strip(alone.rules[0]), { kind: 'capacity', entity: 'Attempt', relation: 'student', capacityField: 'maxAttempts', sources: [] });
  });

  it('capacityLimit: "at most 3 attempts per quiz" by a student is per pair too (said, not made per quiz); a count is no "time limit"', () => {
    const quiz = model({ entities: { student: [['name', 'string']], quiz: [['title', 'string'], ['timeLimit', 'integer']], attempt: [['score', 'integer']] }, relations: [['Attempt', 'Student']] });
    const pair = run(capacityLimit, quiz, 'A student can make at most 3 attempts per quiz.');
    assert.equal(pair.rules.length, 0);
    assert.match(pair.notes[0], /per Student and Quiz/);
    assert.equal(field(pair.draft, 'Quiz', 'timeLimit')?.max, undefined, 'the time limit keeps its range');
    // (Per one record the other belongs to, the limit is per that record: "20 bookings per session" of a class.)
    const sessions = model({ entities: { class: [['title', 'string']], session: [['date', 'date']], booking: [['note', 'text']] }, relations: [['Session', 'Class'], ['Booking', 'Class']] });
    assert.equal(run(capacityLimit, sessions, 'A class can have at most 20 bookings per session.').rules[0]?.kind, 'capacity');
    // A fixed limit per quiz, with a time limit on the quiz: a count of its own, not the time limit.
    const perQuiz = model({ entities: { quiz: [['title', 'string'], ['timeLimit', 'integer']], attempt: [['score', 'integer']] }, relations: [['Attempt', 'Quiz']] });
    assert.deepEqual(strip(run(capacityLimit, perQuiz, 'A quiz allows at most 200 attempts.').rules[0]), { kind: 'capacity', entity: 'Attempt', relation: 'quiz', capacityField: 'maxAttempts', sources: [] });
  });

  it('capacityCompare: "no more members than the capacity can book a class" counts the bookings against the class capacity', () => {
    const classes = model({ user: true, entities: { class: [['title', 'string'], ['capacity', 'integer']], booking: [['note', 'text']] }, relations: [['Booking', 'Class']] });
    assert.deepEqual(strip(run(capacityCompare, classes, 'No more members than the capacity can book a class.').rules[0]), { kind: 'capacity', entity: 'Booking', relation: 'class', capacityField: 'capacity', sources: [] });
    const cabins = model({ user: true, entities: { cabin: [['name', 'string'], ['beds', 'integer']], stay: [['note', 'text']] }, relations: [['Stay', 'Cabin']] });
    assert.deepEqual(strip(run(capacityCompare, cabins, 'Not more guests than its beds may stay in a cabin.').rules[0]), { kind: 'capacity', entity: 'Stay', relation: 'cabin', capacityField: 'beds', sources: [] });
    assert.match(run(capacityCompare, classes, 'No more members than the capacity can book a kayak.').notes[0] ?? '', /record that has the maximum was not found/);
  });

  it('capacityFull: "nobody can book a full class" uses the class capacity, or adds the number of places a full class has (issue #11)', () => {
    const withCap = model({ user: true, entities: { class: [['capacity', 'integer']], booking: [['note', 'text']] }, relations: [['Booking', 'Class']] });
    assert.deepEqual(strip(run(capacityFull, withCap, 'Nobody can book a full class.').rules[0]), { kind: 'capacity', entity: 'Booking', relation: 'class', capacityField: 'capacity', sources: [] });
    const without = model({ user: true, entities: { class: [['title', 'string']], booking: [['note', 'text']] }, relations: [['Booking', 'Class']] });
    const r = run(capacityFull, without, 'Nobody can book a full class.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'capacity', entity: 'Booking', relation: 'class', capacityField: 'capacity', sources: [] });
    assert.deepEqual([field(r.draft, 'Class', 'capacity')?.type, field(r.draft, 'Class', 'capacity')?.default], ['integer', undefined]);
    // "more permits than its max" on a zone with no maximum: the maximum it names.
    const zones = model({ entities: { zone: [['name', 'string']], permit: [['number', 'string']] }, relations: [['Permit', 'Zone']] });
    const z = run(capacityCompare, zones, 'A zone cannot issue more permits than its max.');
    assert.deepEqual(strip(z.rules[0]), { kind: 'capacity', entity: 'Permit', relation: 'zone', capacityField: 'maxPermits', sources: [] });
    assertValid(z.draft);
  });

  it('a capacity field the rule adds holds at least one place; a stock of copies may run out to zero (issue #14)', () => {
    const tour = run(capacityLimit, tours(), 'A tour can take at most 20 participants.', { roles: ['member'] });
    assert.deepEqual([field(tour.draft, 'Tour', 'capacity')?.min, field(tour.draft, 'Tour', 'capacity')?.max], [1, 20]);
    const classes = model({ user: true, entities: { class: [['title', 'string']], booking: [['note', 'text']] }, relations: [['Booking', 'Class']] });
    assert.equal(field(run(capacityFull, classes, 'Nobody can book a full class.').draft, 'Class', 'capacity')?.min, 1);
    const zones = model({ entities: { zone: [['name', 'string']], permit: [['number', 'string']] }, relations: [['Permit', 'Zone']] });
    assert.equal(field(run(capacityCompare, zones, 'A zone cannot issue more permits than its max.').draft, 'Zone', 'maxPermits')?.min, 1);
    assert.deepEqual([fewestPlaces(['copies']), fewestPlaces(['stock']), fewestPlaces(['seats']), fewestPlaces(['capacity'], 0)], [0, 0, 1, 0]);
  });

  it('capacityFull: "a class is full when its capacity is reached"', () => {
    const draft = model({ user: true, entities: { class: [['capacity', 'integer']], booking: [['note', 'text']] }, relations: [['Booking', 'Class']] });
    assert.equal(run(capacityFull, draft, 'A class is full when its capacity is reached.').rules[0]?.kind, 'capacity');
  });

  it('capacityCompare: "a hall cannot host more events than its limit"', () => {
    const draft = model({ entities: { hall: [['eventLimit', 'integer']], event: [['title', 'string']] }, relations: [['Event', 'Hall']] });
    assert.deepEqual(strip(run(capacityCompare, draft, 'A hall cannot host more events than its limit.').rules[0]), { kind: 'capacity', entity: 'Event', relation: 'hall', capacityField: 'eventLimit', sources: [] });
  });
});

describe('extract rules: value ranges', () => {
  it('rangeBetween: "a rating between 1 and 5" sets min and max and cites the sentence', () => {
    const r = run(rangeBetween, model({ entities: { review: [['rating', 'integer']] } }), 'Each review has a rating between 1 and 5.');
    const f = field(r.draft, 'Review', 'rating');
    assert.deepEqual([f?.min, f?.max, [...(f?.sources ?? [])]], [1, 5, [0, 1]]);
    assert.ok(r.draft.used.has(1));
  });

  it('rangeBetween: percentages "from 0% to 80%"', () => {
    const r = run(rangeBetween, model({ entities: { offer: [['discount', 'decimal']] } }), 'An offer has a discount from 0% to 80%.');
    assert.deepEqual([field(r.draft, 'Offer', 'discount')?.min, field(r.draft, 'Offer', 'discount')?.max], [0, 80]);
  });

  it('rangeOutOf: "a score out of 100" adds the field when the record is named', () => {
    const r = run(rangeOutOf, model({ entities: { exam: [['title', 'string']] } }), 'An exam gets a score out of 100.');
    const f = field(r.draft, 'Exam', 'score');
    assert.deepEqual([f?.type, f?.min, f?.max], ['integer', 0, 100]);
  });

  it('rangeCompare: positive, not negative, at least 18 years old, up to 50%, not shorter than 30 min', () => {
    const shop = model({ entities: { offer: [['price', 'money'], ['discount', 'decimal']], runner: [['name', 'string']], hike: [['durationMinutes', 'integer']], parcel: [['weight', 'decimal']] } });
    run(rangeCompare, shop, 'The price of an offer must be positive.');
    assert.equal(field(shop, 'Offer', 'price')?.min, 0.01);
    run(rangeCompare, shop, 'Parcel weight cannot be negative.');
    assert.equal(field(shop, 'Parcel', 'weight')?.min, 0);
    run(rangeCompare, shop, 'Runners must be at least 18 years old.');
    assert.deepEqual([field(shop, 'Runner', 'age')?.type, field(shop, 'Runner', 'age')?.min], ['integer', 18]);
    run(rangeCompare, shop, 'An offer has a discount of up to 50%.');
    assert.equal(field(shop, 'Offer', 'discount')?.max, 50);
    run(rangeCompare, shop, "A hike can't be shorter than 30 min.");
    assert.equal(field(shop, 'Hike', 'durationMinutes')?.min, 30);
  });

  it('rangeCompare: "can\'t exceed 600" is a maximum; "1 to 5 stars" names the stars field', () => {
    const recipes = model({ entities: { recipe: [['prepMinutes', 'integer']], rating: [['stars', 'integer']] } });
    run(rangeCompare, recipes, "Prep minutes can't exceed 600.");
    assert.equal(field(recipes, 'Recipe', 'prepMinutes')?.max, 600);
    run(rangeBetween, recipes, 'Ratings from 1 to 5 stars.');
    assert.deepEqual([field(recipes, 'Rating', 'stars')?.min, field(recipes, 'Rating', 'stars')?.max], [1, 5]);
  });

  it('rangeCompare: a condition ("guests under 12 …") is not a range', () => {
    const r = run(rangeCompare, model({ entities: { guest: [['age', 'integer']] } }), 'Guests under 12 can only join with an adult.');
    assert.equal(r.recognised, false);
  });
});

describe('extract rules: ownership', () => {
  const bookings = () => model({ user: true, entities: { booking: [['day', 'date']] } });

  it('ownOwn: "a member cannot rate their own booking" keeps people from their own rows: said, not made an ownership rule', () => {
    const r = run(ownOwn, bookings(), 'A member cannot rate their own booking.', { roles: ['member'] });
    assert.deepEqual(r.rules, []);
    assert.match(r.notes[0] ?? '', /may not act on their own rows/);
  });

  it('ownOwn: "members can only change their own bookings" makes bookings user-owned', () => {
    const r = run(ownOwn, bookings(), 'Members can only change or cancel their own bookings.', { roles: ['member'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'ownership', entity: 'Booking', actions: ['update', 'delete'], sources: [] });
    assert.equal(r.draft.entities.find((e) => e.name === 'Booking')?.ownerRelation, 'owner');
  });

  it('onlyOwner: "only the reporter may delete a bug" uses the reporter link; "the seller who listed an item" too', () => {
    const bugs = model({ user: true, entities: { bug: [['title', 'string']] }, relations: [['Bug', 'User', 'assignee'], ['Bug', 'User', 'reporter']] });
    const r = run(onlyOwner, bugs, 'Only the reporter or an admin may delete a bug.', { roles: ['member', 'admin'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'ownership', entity: 'Bug', actions: ['delete'], sources: [] });
    assert.equal(r.draft.entities.find((e) => e.name === 'Bug')?.ownerRelation, 'reporter');
    const items = model({ user: true, entities: { item: [['title', 'string']] } });
    assert.equal(run(onlyOwner, items, 'Only the seller who listed an item can remove it.', { roles: ['member'] }).rules[0]?.entity, 'Item');
    // "the owner" who is no sign-in role reads as the row's owner, and says the other reading.
    const boats = run(onlyOwner, model({ user: true, entities: { boat: [['name', 'string']] } }), 'Only the owner can rename a boat.', { roles: ['member'] });
    assert.equal(boats.rules[0]?.kind, 'ownership');
    assert.match(boats.notes[0], /add an "owner" role/);
    assert.equal(run(onlyOwner, model({ user: true, entities: { boat: [['name', 'string']] } }), 'Only the owner can rename a boat.', { roles: ['member', 'owner'] }).recognised, false);
  });

  it('notByOthers: "cancelled by the customer who placed them, not by other customers"', () => {
    const orders = model({ user: true, entities: { order: [['total', 'money']] } });
    const r = run(notByOthers, orders, 'Orders can be cancelled by the customer who placed them, not by other customers.', { roles: ['customer'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'ownership', entity: 'Order', actions: ['update', 'delete'], sources: [] });
  });

  it('assignedToThem: "drivers only update deliveries assigned to them" through the assigned user link', () => {
    const draft = model({ user: true, entities: { delivery: [['address', 'string']] }, relations: [['Delivery', 'User', 'driver']] });
    const r = run(assignedToThem, draft, 'Drivers only update deliveries assigned to them.', { roles: ['driver'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'ownership', entity: 'Delivery', actions: ['update'], sources: [] });
    assert.equal(r.draft.entities.find((e) => e.name === 'Delivery')?.ownerRelation, 'driver');
  });
});

describe('extract rules: ownership of what people made', () => {
  it('ownCreated: "each user sees only the tasks they created"', () => {
    const r = run(ownCreated, model({ user: true, entities: { task: [['title', 'string']] } }), 'Each user sees only the tasks they created.', { roles: ['member'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'ownership', entity: 'Task', actions: ['read'], sources: [] });
  });
});

describe('extract rules: roles', () => {
  const venues = () => model({ user: true, entities: { venue: [['name', 'string']], expense: [['amount', 'money'], ['approved', 'boolean']] } });

  it('onlyRole: "only admins can create, edit or delete venues"', () => {
    const r = run(onlyRole, venues(), 'Only admins can create, edit or delete venues.', { roles: ['member', 'admin'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Venue', actions: ['create', 'update', 'delete'], roles: ['admin'], sources: [] });
  });

  it('onlyRole: no modal ("only managers approve expenses"), "myself" in a story, an unknown role is said', () => {
    assert.deepEqual(strip(run(onlyRole, venues(), 'Only managers approve expenses.', { roles: ['member', 'manager'] }).rules[0]), { kind: 'roleRequired', entity: 'Expense', actions: ['update'], roles: ['manager'], sources: [] });
    const story = run(onlyRole, venues(), 'As a head nurse, I want only nurses and myself to edit venues.', { roles: ['nurse', 'head_nurse'] });
    assert.deepEqual(story.rules[0]?.kind === 'roleRequired' && story.rules[0].roles, ['nurse', 'head_nurse']);
    const unknown = run(onlyRole, venues(), 'Only treasurers can delete expenses.', { roles: ['member'] });
    assert.equal(unknown.rules.length, 0);
    assert.match(unknown.notes[0], /not a sign-in role/);
  });

  it('onlyBy: "leave requests can only be approved by managers"; "only by its author" is ownership', () => {
    const leave = model({ user: true, entities: { 'leave request': [['days', 'integer']] } });
    assert.deepEqual(strip(run(onlyBy, leave, 'Leave requests can only be approved by managers.', { roles: ['employee', 'manager'] }).rules[0]), { kind: 'roleRequired', entity: 'LeaveRequest', actions: ['update'], roles: ['manager'], sources: [] });
    const posts = model({ user: true, entities: { post: [['title', 'string']] } });
    assert.deepEqual(strip(run(onlyBy, posts, 'A post can be edited only by its author.', { roles: ['member'] }).rules[0]), { kind: 'ownership', entity: 'Post', actions: ['update'], sources: [] });
  });

  it('onlyBy: "… by admins only", "… only by whoever created it"; onlyOnes: "editors are the only ones who can …"', () => {
    const comments = () => model({ user: true, entities: { comment: [['body', 'text']] } });
    assert.deepEqual(strip(run(onlyBy, comments(), 'A comment can be deleted by admins only.', { roles: ['member', 'admin'] }).rules[0]), { kind: 'roleRequired', entity: 'Comment', actions: ['delete'], roles: ['admin'], sources: [] });
    assert.equal(run(onlyBy, comments(), 'A comment can only be edited by whoever created it.', { roles: ['member'] }).rules[0]?.kind, 'ownership');
    const cats = model({ user: true, entities: { category: [['name', 'string']] } });
    assert.deepEqual(strip(run(onlyOnes, cats, 'Editors are the only ones who can delete categories.', { roles: ['member', 'editor'] }).rules[0]), { kind: 'roleRequired', entity: 'Category', actions: ['delete'], roles: ['editor'], sources: [] });
  });

  it('restrictedTo: "deleting expenses is restricted to accountants"', () => {
    const r = run(restrictedTo, venues(), 'Deleting expenses is restricted to accountants.', { roles: ['member', 'accountant'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Expense', actions: ['delete'], roles: ['accountant'], sources: [] });
  });

  it('manageRole: "the librarian manages venues"', () => {
    const r = run(manageRole, venues(), 'The librarian manages venues.', { roles: ['member', 'librarian'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Venue', actions: ['create', 'update', 'delete'], roles: ['librarian'], sources: [] });
  });

  it('roleMayChange: a role that marks a record done is noted with the rule as a suggestion, not enforced', () => {
    const draft = model({ user: true, entities: { repair: [['status', 'enum', { enumValues: ['open', 'done'] }]] } });
    const r = run(roleMayChange, draft, 'As a caretaker I want to mark a repair as done.', { roles: ['tenant', 'caretaker'] });
    assert.equal(r.rules.length, 0);
    const suggestion = r.draft.notUnderstood[0].suggestions[0];
    assert.ok(suggestion.kind === 'addRule' && suggestion.rule.kind === 'roleRequired' && suggestion.rule.roles[0] === 'caretaker');
  });
});

describe('extract rules: refusals', () => {
  const tickets = () => model({ user: true, entities: { ticket: [['status', 'enum', { enumValues: ['open', 'resolved', 'closed'] }]], reply: [['body', 'text']], invoice: [['total', 'money'], ['paid', 'boolean']] }, relations: [['Reply', 'Ticket']] });

  it('refuseInState: "a closed ticket cannot be edited or replied to" refuses the update and the child rows', () => {
    const r = run(refuseInState, tickets(), 'A closed ticket cannot be edited or replied.');
    assert.deepEqual(r.rules.map((x) => x.kind === 'refuseWhen' && [x.entity, x.actions, x.condition]), [
      ['Ticket', ['update'], { field: 'status', op: 'eq', value: 'closed' }],
      ['Reply', ['create'], { relation: 'ticket', field: 'status', op: 'eq', value: 'closed' }],
    ]);
    assertValid(r.draft, ['member']);
  });

  it('refuseInState: "an invoice can\'t be deleted once paid" and "tickets that are marked as resolved can\'t be deleted"', () => {
    const r = run(refuseInState, tickets(), "An invoice can't be deleted once paid.");
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].entity, r.rules[0].actions, r.rules[0].condition], ['Invoice', ['delete'], { field: 'paid', op: 'eq', value: true }]);
    const s = run(refuseInState, tickets(), "Tickets that are marked as resolved can't be deleted.");
    assert.deepEqual(s.rules[0]?.kind === 'refuseWhen' && s.rules[0].condition, { field: 'status', op: 'eq', value: 'resolved' });
    // A state told by an optional date: "returned" while the return date is filled in.
    const loans = model({ entities: { loan: [['returnDate', 'date']] } });
    const t = run(refuseInState, loans, "Loans that are returned can't be edited.");
    assert.deepEqual(t.rules[0]?.kind === 'refuseWhen' && t.rules[0].condition, { field: 'returnDate', op: 'notEmpty' });
  });

  it('refuseInState: "once an order is shipped, it can no longer be changed" and "closed tickets are read-only"', () => {
    const shop = model({ entities: { order: [['status', 'enum', { enumValues: ['open', 'shipped'] }]], ticket: [['status', 'enum', { enumValues: ['open', 'closed'] }]] } });
    const r = run(refuseInState, shop, 'Once an order is shipped, it can no longer be changed.');
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].entity, r.rules[0].actions, r.rules[0].condition], ['Order', ['update'], { field: 'status', op: 'eq', value: 'shipped' }]);
    const s = run(refuseInState, shop, 'Closed tickets are read-only.');
    assert.deepEqual(s.rules[1]?.kind === 'refuseWhen' && [s.rules[1].entity, s.rules[1].actions], ['Ticket', ['update', 'delete']]);
  });

  it('refuseAfterState: "you can\'t edit an order after it has shipped"; refuseFieldPast: "the start date cannot be in the past"', () => {
    const orders = model({ entities: { order: [['status', 'enum', { enumValues: ['open', 'shipped'] }]] } });
    const r = run(refuseAfterState, orders, "You can't edit an order after it has shipped.");
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].actions, r.rules[0].condition], [['update'], { field: 'status', op: 'eq', value: 'shipped' }]);
    const events = model({ entities: { event: [['startDate', 'date']] } });
    const s = run(refuseFieldPast, events, 'The start date of an event cannot be in the past.');
    assert.deepEqual(s.rules[0]?.kind === 'refuseWhen' && [s.rules[0].entity, s.rules[0].actions, s.rules[0].condition], ['Event', ['create', 'update'], { field: 'startDate', op: 'past' }]);
  });

  it('refuseActor: "members with unpaid fees cannot borrow books", "a blocked customer can\'t place an order"', () => {
    const lib = model({ entities: { member: [['unpaidFees', 'money']], book: [['title', 'string']], loan: [['due', 'date']] }, relations: [['Loan', 'Member'], ['Loan', 'Book']] });
    const r = run(refuseActor, lib, 'Members with unpaid fees cannot borrow books.');
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].entity, r.rules[0].actions, r.rules[0].condition], ['Loan', ['create'], { relation: 'member', field: 'unpaidFees', op: 'gt', value: 0 }]);
    const shop = model({ entities: { customer: [['state', 'enum', { enumValues: ['active', 'blocked'] }]], order: [['total', 'money']] }, relations: [['Order', 'Customer']] });
    const s = run(refuseActor, shop, "A blocked customer can't place an order.");
    assert.deepEqual(s.rules[0]?.kind === 'refuseWhen' && s.rules[0].condition, { relation: 'customer', field: 'state', op: 'eq', value: 'blocked' });
  });

  it('refuseActor: "a member whose subscription has expired can\'t book a court"', () => {
    const club = model({ entities: { member: [['subscriptionEnd', 'date']], court: [['name', 'string']], booking: [['day', 'date']] }, relations: [['Booking', 'Member'], ['Booking', 'Court']] });
    const r = run(refuseActor, club, "A member whose subscription has expired can't book a court.");
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && r.rules[0].condition, { relation: 'member', field: 'subscriptionEnd', op: 'past' });
  });

  it('refuseTimePast: "nobody can book a class that has already started"', () => {
    const gym = model({ user: true, entities: { class: [['startsAt', 'datetime']], booking: [['note', 'text']] }, relations: [['Booking', 'Class']] });
    const r = run(refuseTimePast, gym, 'Nobody can book a class that has already started.');
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].entity, r.rules[0].actions, r.rules[0].condition], ['Booking', ['create'], { relation: 'class', field: 'startsAt', op: 'past' }]);
  });

  it('refuseOnlyWhile: "can be edited only while it is still a draft"; "before it is shipped" uses the order of states', () => {
    const draft = model({ entities: { claim: [['status', 'enum', { enumValues: ['draft', 'submitted', 'paid'] }]], shipment: [['status', 'enum', { enumValues: ['packing', 'shipped', 'delivered'] }]] } });
    const r = run(refuseOnlyWhile, draft, 'A claim can be edited only while it is still a draft.');
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].actions, r.rules[0].condition], [['update'], { field: 'status', op: 'ne', value: 'draft' }]);
    const s = run(refuseOnlyWhile, draft, 'A shipment can only be cancelled before it is shipped.');
    assert.deepEqual(s.rules[1]?.kind === 'refuseWhen' && [s.rules[1].entity, s.rules[1].actions, s.rules[1].condition], ['Shipment', ['delete'], { field: 'status', op: 'ne', value: 'packing' }]);
    // Two allowed values: one refusal for each of the others.
    const t = run(refuseOnlyWhile, model({ entities: { talk: [['status', 'enum', { enumValues: ['draft', 'submitted', 'accepted', 'rejected'] }]] } }), 'Speakers can edit a talk only while it is a draft or submitted.');
    assert.deepEqual(t.rules.map((x) => x.kind === 'refuseWhen' && x.condition.value), ['accepted', 'rejected']);
  });

  it('refuseTimeMargin: "until the day before" refuses from a day before the date on, with no note of a state', () => {
    const spec = extractSpec('Each visit has a date. Owners can cancel a visit until the day before.');
    const rule = spec.rules.find((r) => r.kind === 'refuseWhen');
    assert.ok(rule && rule.kind === 'refuseWhen', JSON.stringify(spec.rules));
    assert.deepEqual(rule.condition, { field: 'date', op: 'past', offset: { amount: 1, unit: 'days' } });
    assert.deepEqual(spec.notUnderstood.map((n) => n.reason), [], 'a margin is no state of the visit');
  });

  it('refuseTimeMargin: refused inside the margin before the start (past, moved by the margin)', () => {
    const gym = model({ user: true, entities: { booking: [['note', 'text']], session: [['startsAt', 'datetime']] }, relations: [['Booking', 'Session']] });
    const r = run(refuseTimeMargin, gym, 'Bookings can be cancelled up to 24 hours before the session.');
    assert.deepEqual(r.rules.map((x) => x.kind === 'refuseWhen' && [x.entity, x.actions, x.condition]), [['Booking', ['delete'], { relation: 'session', field: 'startsAt', op: 'past', offset: { amount: 24, unit: 'hours' } }]]);
    assert.deepEqual(r.notes, []);
    // The record named in the subject, not a person ("members' bookings"), and not the noun "booking" read as a verb.
    const day = model({ user: true, entities: { member: [['name', 'string']], booking: [['day', 'date']] }, relations: [['Booking', 'Member']] });
    const s = run(refuseTimeMargin, day, "Members' bookings can't be cancelled on the day itself.");
    assert.deepEqual(s.rules.map((x) => x.kind === 'refuseWhen' && [x.entity, x.actions, x.condition.field]), [['Booking', ['delete'], 'day']]);
    // No time anywhere: nothing is made, the note says why.
    const none = run(refuseTimeMargin, model({ entities: { booking: [['note', 'text']] } }), 'Bookings can be cancelled up to 24 hours before.');
    assert.equal(none.rules.length, 0);
    assert.match(none.notes[0], /margin/);
  });
});

describe('extract rules: every clause accounted for', () => {
  it('readClause: rule language nobody understood gets a notUnderstood entry with the clause', () => {
    const draft = model({ entities: { visit: [['day', 'date']] } });
    const { sentences } = splitSentences('Title.\n\nParking must stay free for visitors.');
    const ctx = contextFor(draft, sentences[1], clausesOf(sentences[1]).clauses[0], { roles: [], roleWords: new Set(), ensureOwner: () => false });
    readClause(ctx);
    assert.deepEqual(draft.notUnderstood.map((n) => [n.text, n.sources]), [['Parking must stay free for visitors.', [1]]]);
    assert.match(draft.notUnderstood[0].reason, /obligation/);
  });

  it('findRules: rules from several sentences, their sentences used, the rest explained', () => {
    const draft = model({ user: true, entities: { court: [['name', 'string']], booking: [['startsAt', 'datetime'], ['endsAt', 'datetime']] }, relations: [['Booking', 'Court']] });
    const { sentences } = splitSentences("Court booking.\n\nA court can't be double-booked. Bookings end after they start. Only one person knows the alarm code.");
    findRules(draft, sentences, ['member'], new Set(), ensureOwner(draft));
    assert.deepEqual(draft.rules.map((r) => r.kind), ['noOverlap', 'dateOrder']);
    assert.ok(draft.used.has(1) && draft.used.has(2));
    assert.deepEqual(draft.notUnderstood.map((n) => n.sources), [[3]]);
  });
});

describe('extract rules: more ways people write them, and nothing dropped', () => {
  const expenses = () => model({ entities: { expense: [['amount', 'money'], ['status', 'enum', { enumValues: ['draft', 'submitted', 'approved', 'paid'] }]] } });
  const tickets = () => model({ entities: { ticket: [['title', 'string'], ['status', 'string']] } });

  it('rangeBetween: the verb before the range is not the subject ("the score must be between 0 and 10", "grades go from 1 to 6")', () => {
    const r = run(rangeBetween, model({ entities: { essay: [['score', 'integer']] } }), 'The score must be between 0 and 10.');
    assert.deepEqual([field(r.draft, 'Essay', 'score')?.min, field(r.draft, 'Essay', 'score')?.max], [0, 10]);
    const s = run(rangeBetween, model({ entities: { exam: [['grade', 'integer']] } }), 'grades go from 1 to 6');
    assert.deepEqual([field(s.draft, 'Exam', 'grade')?.min, field(s.draft, 'Exam', 'grade')?.max], [1, 6]);
  });

  it('rangeBetween: "between 4 and 8 players" counts people (a capacity), not a value', () => {
    const r = run(rangeBetween, model({ entities: { team: [['name', 'string']] } }), 'A team has between 4 and 8 players.');
    assert.equal(r.recognised, false);
  });

  it('workflowMoves: numbers are not states ("stars go from one to five")', () => {
    const r = run(workflowMoves, model({ entities: { hotel: [['stars', 'integer']] } }), 'Stars go from one to five.');
    assert.equal(r.rules.length, 0);
  });

  it('workflowThen: "starts as open, then becomes in progress, and finally closed"', () => {
    const r = run(workflowThen, tickets(), 'A ticket starts as open, then becomes in progress, and finally closed.');
    assert.deepEqual(r.rules[0]?.kind === 'statusWorkflow' && r.rules[0].transitions.map((t) => `${t.from}>${t.to}`), ['open>in_progress', 'in_progress>closed']);
    assert.deepEqual(field(r.draft, 'Ticket', 'status')?.enumValues, ['open', 'in_progress', 'closed']);
  });

  it('workflowThen: "can be moved from open to resolved, and from resolved to closed"', () => {
    const r = run(workflowThen, tickets(), 'A ticket can be moved from open to resolved, and from resolved to closed.');
    assert.deepEqual(r.rules[0]?.kind === 'statusWorkflow' && [r.rules[0].initial, r.rules[0].transitions.length], ['open', 2]);
  });

  it('workflowArrows: no record named anywhere, the only record with a status gets it, and the note says so', () => {
    const r = run(workflowArrows, model({ entities: { ticket: [['status', 'string']], agent: [['name', 'string']] } }), 'open -> in progress -> closed');
    assert.equal(r.rules[0]?.entity, 'Ticket');
    assert.match(r.notes[0], /names no record type; it was put on Ticket/);
  });

  it('refuseInState: bare plurals ("paid expenses must not be deleted") and "approved expenses are locked"', () => {
    const r = run(refuseInState, expenses(), 'Paid expenses must not be deleted.');
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].actions, r.rules[0].condition], [['delete'], { field: 'status', op: 'eq', value: 'paid' }]);
    const s = run(refuseInState, expenses(), 'Approved expenses are locked.');
    assert.deepEqual(s.rules[0]?.kind === 'refuseWhen' && [s.rules[0].actions, s.rules[0].condition], [['update', 'delete'], { field: 'status', op: 'eq', value: 'approved' }]);
    // Words that are no state ("members of the club") leave the sentence to other patterns.
    assert.equal(run(refuseInState, expenses(), 'Totals of the expenses cannot be changed.').recognised, false);
  });

  it('refuseAfterState: "it is not allowed to edit an expense that is approved"', () => {
    const r = run(refuseAfterState, expenses(), 'It is not allowed to edit an expense that is approved.');
    assert.deepEqual(r.rules[0]?.kind === 'refuseWhen' && [r.rules[0].actions, r.rules[0].condition], [['update'], { field: 'status', op: 'eq', value: 'approved' }]);
  });

  it('overlapDoubleBooked: "a room cannot be booked twice at the same time" is an overlap, not a repeat', () => {
    const rooms = model({ entities: { room: [['name', 'string']], booking: [['startsAt', 'datetime'], ['endsAt', 'datetime']] }, relations: [['Booking', 'Room']] });
    const r = run(overlapDoubleBooked, rooms, 'A room cannot be booked twice at the same time.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'noOverlap', entity: 'Booking', scope: 'room', start: 'startsAt', end: 'endsAt', sources: [] });
  });

  it('ruleLanguage: short ranges, role requirements, locked records, state sequences; "twice a year" is no uniqueness', () => {
    assert.equal(ruleLanguage('rating (1-5)'), 'a range of values');
    assert.equal(ruleLanguage('1 - 10'), 'a range of values');
    assert.equal(ruleLanguage('score: min 1, max 5'), 'a limit');
    assert.equal(ruleLanguage('deleting a post requires the admin role'), 'a restriction ("only")');
    assert.equal(ruleLanguage('admin-only: delete posts'), 'a restriction ("only")');
    assert.equal(ruleLanguage('approved invoices are locked'), 'a refusal');
    assert.equal(ruleLanguage('the app prevents members from booking a closed court'), 'a refusal');
    assert.equal(ruleLanguage('a claim starts as new and then gets reviewed'), 'a sequence of states');
    assert.equal(ruleLanguage('inspections happen twice a year'), undefined);
    assert.equal(ruleLanguage('the admin places blocks on the grid'), undefined);
  });

  it('readClause: a clause whose limit became only another kind of rule says the limit was not enforced', () => {
    const draft = model({ user: true, entities: { post: [['title', 'string']] } });
    const { sentences } = splitSentences('Title.\n\nMembers can edit at most 3 posts a day.');
    const ctx = contextFor(draft, sentences[1], clausesOf(sentences[1]).clauses[0], { roles: ['member'], roleWords: new Set(), ensureOwner: () => false });
    const onlyOwnership: RulePattern = (c) => {
      c.draft.rules.push({ kind: 'ownership', entity: 'Post', actions: ['update'], sources: [c.sentence.id] });
      c.outcome.rules++;
      return true;
    };
    readClause(ctx, [{ name: 'fake', run: onlyOwnership }]);
    assert.match(draft.notUnderstood[0]?.reason ?? '', /Also reads like a limit; that part was not turned into a rule \(only an? ownership rule was\)/);
  });

  it('extractSpec: informal rule notes become rules or are listed, never silently mapped', () => {
    const text = 'Tickets\n\nAgents handle tickets. A ticket has a title, a priority and a status.\n\n- A ticket starts as new, then becomes triaged, and finally fixed.\n- Fixed tickets must not be deleted.';
    const spec = extractSpec(text);
    assert.ok(spec.rules.some((r) => r.kind === 'statusWorkflow' && r.entity === 'Ticket'));
    assert.ok(spec.rules.some((r) => r.kind === 'refuseWhen' && r.entity === 'Ticket'));
  });
});

describe('extractor rules: refusals in any word order, measured per rule kind', () => {
  const boards = () =>
    model({
      user: true,
      entities: { board: [['title', 'string'], ['status', 'enum', { enumValues: ['active', 'archived'] }]], card: [['title', 'string']] },
      relations: [['Card', 'Board', 'board']],
    });
  const archivedCards = { kind: 'refuseWhen', entity: 'Card', actions: ['create'], condition: { relation: 'board', field: 'status', op: 'eq', value: 'archived' } };

  for (const text of ['No cards can be added to an archived board.', 'You cannot add cards to an archived board.', 'Archived boards can not get new cards.', 'Cards may not be made for archived boards.']) {
    it(`refuseStateAnywhere: "${text}" refuses new rows under a record in that state`, () => {
      const r = run(refuseStateAnywhere, boards(), text);
      assert.equal(r.recognised, true);
      assert.deepEqual({ ...strip(r.rules[0]), message: undefined }, { ...archivedCards, message: undefined, sources: [] });
    });
  }

  it('refuseStateAnywhere: a gerund subject, a leading participle, a state after the record', () => {
    const invoices = () => model({ entities: { invoice: [['amount', 'money'], ['status', 'enum', { enumValues: ['open', 'paid'] }]] } });
    for (const text of ['Changing a paid invoice is not allowed.', 'Once paid, an invoice may not be modified.', 'Nobody can edit invoices which are paid anymore.']) {
      const r = run(refuseStateAnywhere, invoices(), text);
      assert.deepEqual(r.rules.map((x) => [x.kind, x.entity, (x as { actions: string[] }).actions.join(), JSON.stringify((x as { condition: unknown }).condition)]), [['refuseWhen', 'Invoice', 'update', '{"field":"status","op":"eq","value":"paid"}']], text);
    }
    const halls = model({ entities: { hall: [['name', 'string'], ['state', 'enum', { enumValues: ['open', 'under_repair'] }]], reservation: [['date', 'date']] }, relations: [['Reservation', 'Hall', 'hall']] });
    const r = run(refuseStateAnywhere, halls, 'Halls under repair cannot be reserved.');
    assert.deepEqual(r.rules.map((x) => [x.entity, JSON.stringify((x as { condition: unknown }).condition)]), [['Reservation', '{"relation":"hall","field":"state","op":"eq","value":"under_repair"}']]);
  });

  it('refuseStateAnywhere: no state the record stores, or a new row in a state, is no refusal here', () => {
    assert.equal(run(refuseStateAnywhere, boards(), 'Cards cannot be added to a board twice.').recognised, false);
    assert.equal(run(refuseStateAnywhere, boards(), 'Nobody can create new cards on boards.').recognised, false);
  });

  it('refuseInState: "a closed hall can\'t be reserved" refuses the reservation, not creating a closed hall', () => {
    const halls = model({ entities: { hall: [['name', 'string'], ['status', 'enum', { enumValues: ['open', 'closed'] }]], reservation: [['date', 'date']] }, relations: [['Reservation', 'Hall', 'hall']] });
    const r = run(refuseInState, halls, "A closed hall can't be reserved.");
    assert.deepEqual(r.rules.map((x) => [x.entity, (x as { actions: string[] }).actions.join(), (x as { condition: { relation?: string } }).condition.relation]), [['Reservation', 'create', 'hall']]);
  });

  it('refuseOnlyWhile: "deleting is only possible while the invoice is open" (not a role called "possible")', () => {
    const invoices = model({ entities: { invoice: [['amount', 'money'], ['status', 'enum', { enumValues: ['open', 'paid'] }]] } });
    const r = run(refuseOnlyWhile, invoices, 'Deleting is only possible while the invoice is open.');
    assert.deepEqual(r.rules.map((x) => JSON.stringify((x as { condition: unknown }).condition)), ['{"field":"status","op":"ne","value":"open"}']);
    assert.equal(run(onlyRole, model({ user: true, entities: { invoice: [['amount', 'money']] } }), 'Deleting is only possible while the invoice is open.', { roles: ['member'] }).recognised, false);
  });

  it('ruleLanguage: "no cards can be added" and "is not possible" are prohibitions', () => {
    assert.equal(ruleLanguage('no cards can be added to an archived board'), 'a prohibition');
    assert.equal(ruleLanguage('reopening a closed board is not possible'), 'a prohibition');
  });

  it('rangeCompare: a value field typed text for want of a type takes the range and becomes a number; names and lengths do not', () => {
    const jobs = model({ entities: { 'repair job': [['customerName', 'string'], ['mileage', 'string']] } });
    const r = run(rangeCompare, jobs, 'The mileage must be positive.');
    assert.deepEqual([field(r.draft, 'RepairJob', 'mileage')?.type, field(r.draft, 'RepairJob', 'mileage')?.min], ['integer', 1]);
    const crops = model({ entities: { crop: [['grams', 'string']] } });
    assert.equal(field(run(rangeCompare, crops, 'grams cant be negative').draft, 'Crop', 'grams')?.min, 0);
    const people = model({ entities: { member: [['nickname', 'string'], ['name', 'string']] } });
    const n = run(rangeCompare, people, 'The name must be at least 3 characters.');
    assert.equal(field(n.draft, 'Member', 'name')?.type, 'string');
  });

  it('readClause: a rule made from a clause with a condition it does not carry ("unless …") is listed, not silently mapped', () => {
    const draft = model({ user: true, entities: { rental: [['start', 'date'], ['nights', 'integer']] } });
    const { sentences } = splitSentences('Title.\n\nThe nights of a rental must be at most 14 unless the guest is a regular.');
    const ctx = contextFor(draft, sentences[1], clausesOf(sentences[1]).clauses[0], { roles: ['guest'], roleWords: new Set(), ensureOwner: () => false });
    readClause(ctx, [{ name: 'range', run: rangeCompare }]);
    assert.equal(field(draft, 'Rental', 'nights')?.max, 14);
    assert.match(draft.notUnderstood[0]?.reason ?? '', /Also sets a condition \("unless the …"\); the value range made from it applies always/);
    const plain = model({ user: true, entities: { rental: [['start', 'date'], ['nights', 'integer']] } });
    const other = splitSentences('Title.\n\nThe nights of a rental must be at most 14.').sentences[1];
    readClause(contextFor(plain, other, clausesOf(other).clauses[0], { roles: ['guest'], roleWords: new Set(), ensureOwner: () => false }), [{ name: 'range', run: rangeCompare }]);
    assert.equal(plain.notUnderstood.length, 0);
  });
});

describe('extract rules: refusals whose record lacks the field the rule needs (issue #11)', () => {
  const refusal = (r: Rule) => (r.kind === 'refuseWhen' ? [r.entity, r.actions.join(), JSON.stringify(r.condition)] : [r.kind]);

  it('findRules: the states of a workflow written after a refusal are known when the refusal is read', () => {
    const draft = model({ user: true, entities: { 'repair request': [['title', 'string']] } });
    const { sentences } = splitSentences('Repairs.\n\nTenants can withdraw a repair request only while it is still new. Repair requests go new → planned → done.');
    findRules(draft, sentences, ['tenant'], new Set(), ensureOwner(draft));
    assert.deepEqual(draft.rules.filter((r) => r.kind === 'refuseWhen').map(refusal), [['RepairRequest', 'delete', '{"field":"status","op":"ne","value":"new"}']]);
  });

  it('refuseInState: an irregular participle ("paid", "sent") on a record with no status adds the yes/no field', () => {
    const r = run(refuseInState, model({ entities: { voucher: [['code', 'string']] } }), 'Sent vouchers cannot be deleted.');
    assert.deepEqual(r.rules.map(refusal), [['Voucher', 'delete', '{"field":"sent","op":"eq","value":true}']]);
    assert.equal(field(r.draft, 'Voucher', 'sent')?.type, 'boolean');
    // Words ending like a participle that are no state add nothing.
    const n = run(refuseInState, model({ entities: { seed: [['name', 'string']] } }), 'Needed seeds cannot be deleted.');
    assert.equal(field(n.draft, 'Seed', 'needed'), undefined);
  });

  it('refuseInState: "once a parcel has shipped it can no longer be changed", and notes\' "its" for "it is"', () => {
    const parcels = () => model({ entities: { parcel: [['status', 'enum', { enumValues: ['packed', 'shipped'] }]] } });
    const r = run(refuseInState, parcels(), 'Once a parcel has shipped it can no longer be changed.');
    assert.deepEqual(r.rules.map(refusal), [['Parcel', 'update', '{"field":"status","op":"eq","value":"shipped"}']]);
    const s = run(refuseAfterState, parcels(), 'u cant change a parcel once its shipped');
    assert.deepEqual(s.rules.map(refusal), [['Parcel', 'update', '{"field":"status","op":"eq","value":"shipped"}']]);
  });

  it('refuseInState: "after a logbook is signed it is locked" (the state first, then read-only)', () => {
    const r = run(refuseInState, model({ entities: { logbook: [['week', 'integer']] } }), 'After a logbook is signed it is locked.');
    assert.deepEqual(r.rules.map(refusal), [['Logbook', 'update,delete', '{"field":"signed","op":"eq","value":true}']]);
  });

  it('refuseInState: a moment as the state ("after check-in", "once it has started") is its time having passed', () => {
    const stays = model({ entities: { stay: [['checkInDate', 'date'], ['checkOutDate', 'date']] } });
    const r = run(refuseInState, stays, 'A stay cannot be cancelled after check-in.');
    assert.deepEqual(r.rules.map(refusal), [['Stay', 'delete', '{"field":"checkInDate","op":"past"}']]);
    const talks = model({ entities: { talk: [['title', 'string']] } });
    const s = run(refuseInState, talks, 'A talk cannot be edited once it has started.');
    assert.deepEqual(s.rules.map(refusal), [['Talk', 'update', '{"field":"startTime","op":"past"}']]);
    assert.equal(field(s.draft, 'Talk', 'startTime')?.type, 'datetime');
  });

  it('refuseTimePast: a record with no time gets the start it needs; "no bids can be placed on an auction that has ended"', () => {
    const gym = model({ user: true, entities: { workshop: [['title', 'string']], signup: [['note', 'text']] }, relations: [['Signup', 'Workshop']] });
    const r = run(refuseTimePast, gym, "You can't sign up for a workshop that has already started.", { roles: ['member'] });
    assert.equal(field(r.draft, 'Workshop', 'startTime')?.type, 'datetime');
    const auctions = model({ entities: { auction: [['title', 'string'], ['endTime', 'datetime']], bid: [['amount', 'money']] }, relations: [['Bid', 'Auction']] });
    const s = run(refuseTimePast, auctions, 'No bids can be placed on an auction that has ended.');
    assert.deepEqual(s.rules.map(refusal), [['Bid', 'create', '{"relation":"auction","field":"endTime","op":"past"}']]);
    const visits = model({ entities: { visit: [['date', 'date']] } });
    const t = run(refuseTimePast, visits, 'Appointments in the past cannot be changed.'.replace('Appointments', 'Visits'));
    assert.deepEqual(t.rules.map(refusal), [['Visit', 'update', '{"field":"date","op":"past"}']]);
  });

  it('refuseStateAnywhere: a participle before a record with no status adds the yes/no field, once the refusal is sure', () => {
    const folders = () => model({ entities: { folder: [['name', 'string']], document: [['title', 'string']] }, relations: [['Document', 'Folder', 'folder']] });
    const r = run(refuseStateAnywhere, folders(), "Sealed folders can't get new documents.");
    assert.deepEqual(r.rules.map(refusal), [['Document', 'create', '{"relation":"folder","field":"sealed","op":"eq","value":true}']]);
    const s = run(refuseStateAnywhere, folders(), 'Once a folder is sealed, no more documents can be added.');
    assert.deepEqual(s.rules.map(refusal), [['Document', 'create', '{"relation":"folder","field":"sealed","op":"eq","value":true}']]);
    const t = run(refuseStateAnywhere, folders(), 'Renaming is blocked once the folder is sealed.');
    assert.deepEqual(t.rules.map(refusal), [['Folder', 'update', '{"field":"sealed","op":"eq","value":true}']]);
    // No refusal made: no field is added.
    const u = run(refuseStateAnywhere, folders(), 'Sealed folders cannot be seen by guests.');
    assert.equal(field(u.draft, 'Folder', 'sealed'), undefined);
  });

  it('clausesOf: a leading condition stays with the clause it conditions ("if a folder is sealed, nobody can …")', () => {
    const { sentences } = splitSentences('Title.\n\nIf a folder is sealed, nobody can add documents to it.');
    assert.deepEqual(clausesOf(sentences[1]).clauses.map((c) => c.plain), ['if a folder is sealed, nobody can add documents to it.']);
  });

  it('refuseOnlyWhile: "edit my claim as long as it has not been approved", "can be changed until it is signed" (no status: the yes/no field)', () => {
    const r = run(refuseOnlyWhile, model({ entities: { claim: [['amount', 'money']] } }), 'As a driver I want to edit my claim as long as it has not been approved.');
    assert.deepEqual(r.rules.map(refusal), [['Claim', 'update', '{"field":"approved","op":"eq","value":true}']]);
    const s = run(refuseOnlyWhile, model({ entities: { lease: [['rent', 'money']] } }), 'A lease can be changed until it is signed.');
    assert.deepEqual(s.rules.map(refusal), [['Lease', 'update', '{"field":"signed","op":"eq","value":true}']]);
  });

  it('refuseAfterState: a verb with a preposition ("cannot enroll in a course after it has started")', () => {
    const school = model({ user: true, entities: { course: [['title', 'string'], ['startDate', 'date']], enrollment: [['note', 'text']] }, relations: [['Enrollment', 'Course']] });
    const r = run(refuseAfterState, school, 'Students cannot enroll in a course after it has started.', { roles: ['student'] });
    assert.deepEqual(r.rules.map(refusal), [['Enrollment', 'create', '{"relation":"course","field":"startDate","op":"past"}']]);
  });
});

describe('extract rules: overlaps whose record lacks the times or the link they need (issue #11)', () => {
  const overlap = (r: Rule) => (r.kind === 'noOverlap' ? [r.entity, r.scope, r.start, r.end ?? r.durationMinutesField] : r.kind === 'unique' ? ['unique', ...r.fields] : [r.kind]);

  it('overlapExplicit: no times and no link yet ("rehearsals in the same hall must not overlap") adds the link, a start and an end', () => {
    const r = run(overlapExplicit, model({ entities: { rehearsal: [['title', 'string']], hall: [['name', 'string']] } }), 'Rehearsals in the same hall must not overlap.');
    assert.deepEqual(r.rules.map(overlap), [['Rehearsal', 'hall', 'startTime', 'endTime']]);
    assert.ok(r.draft.relations.some((x) => x.from === 'Rehearsal' && x.to === 'Hall' && x.name === 'hall'));
    assertValid(r.draft);
  });

  it('overlapSameTime: a start time alone gets the end an overlap needs ("a vet can\'t have two visits at the same time")', () => {
    const clinic = model({ entities: { vet: [['name', 'string']], visit: [['startsAt', 'datetime']] }, relations: [['Visit', 'Vet']] });
    const r = run(overlapSameTime, clinic, "A vet can't have two visits at the same time.");
    assert.deepEqual(r.rules.map(overlap), [['Visit', 'vet', 'startsAt', 'endsAt']]);
    assert.equal(field(r.draft, 'Visit', 'endsAt')?.type, 'datetime');
  });

  it('overlapExplicit: a date alone is a whole day: the same day for the same desk is refused (unique), and said so', () => {
    const desks = model({ entities: { desk: [['code', 'string']], reservation: [['day', 'date']] }, relations: [['Reservation', 'Desk']] });
    const r = run(overlapExplicit, desks, 'No two reservations of the same desk may overlap.');
    assert.deepEqual(r.rules.map(overlap), [['unique', 'desk', 'day']]);
    assert.match(r.notes[0], /whole day/);
  });

  it('overlapSameTime: people as the counted word ("a canoe can\'t be rented to two guests at once") counts the rows the verb makes', () => {
    const rent = model({ user: true, entities: { canoe: [['name', 'string']], rental: [['from', 'datetime'], ['until', 'datetime']] }, relations: [['Rental', 'Canoe']] });
    const r = run(overlapSameTime, rent, "A canoe can't be rented to two guests at once.", { roles: ['guest'] });
    assert.deepEqual(r.rules.map(overlap), [['Rental', 'canoe', 'from', 'until']]);
  });

  it('overlapSameTime: "a court can only have one booking at a time" and "two games can\'t be on the same court at the same time"', () => {
    const courts = () => model({ entities: { court: [['name', 'string']], booking: [['start', 'datetime'], ['end', 'datetime']], game: [['kickOff', 'datetime'], ['finish', 'datetime']] }, relations: [['Booking', 'Court'], ['Game', 'Court']] });
    assert.deepEqual(run(overlapSameTime, courts(), 'A court can only have one booking at a time.').rules.map(overlap), [['Booking', 'court', 'start', 'end']]);
    assert.deepEqual(run(overlapSameTime, courts(), "Two games can't be on the same court at the same time.").rules.map(overlap), [['Game', 'court', 'kickOff', 'finish']]);
  });
});

describe('extract rules (rules2): rule statements without "only" or a modal, and no rule-like sentence left unsaid (issue #11)', () => {
  const suggested = (r: Run) => r.draft.notUnderstood.flatMap((n) => n.suggestions ?? []).map((s) => (s.kind === 'addRule' ? strip(s.rule) : undefined));

  it('workflowThen: a passive chain of states ("parcels are weighed, then labelled, then dispatched"; "first …, later … and finally …")', () => {
    const parcels = () => model({ entities: { parcel: [['weight', 'decimal']] } });
    const a = run(workflowThen, parcels(), 'Parcels are weighed, then labelled, then dispatched.');
    const wf = a.rules.find((x) => x.kind === 'statusWorkflow');
    assert.ok(wf && wf.kind === 'statusWorkflow');
    assert.equal(wf.entity, 'Parcel');
    assert.deepEqual(wf.transitions.map((t) => [t.from, t.to]), [['weighed', 'labelled'], ['labelled', 'dispatched']]);
    const b = run(workflowThen, parcels(), 'A parcel is first weighed, later labelled and finally dispatched.');
    assert.equal(b.rules.find((x) => x.kind === 'statusWorkflow')?.entity, 'Parcel');
    // One "then" without "first", or a "then" between two actions of people, is not a chain of states.
    assert.equal(run(workflowThen, parcels(), 'Parcels are weighed and then the courier picks them up.').rules.length, 0);
  });

  it('onlyBy: a plain passive by a sign-in role ("quotes are approved by a supervisor") is noted with the rule as a suggestion', () => {
    const quotes = () => model({ user: true, entities: { quote: [['amount', 'money'], ['discount', 'decimal']] } });
    const r = run(onlyBy, quotes(), 'Quotes are approved by a supervisor.', { roles: ['clerk', 'supervisor'] });
    assert.equal(r.rules.length, 0, 'without "only" nothing is enforced');
    assert.match(r.notes[0], /not that only supervisor may/);
    assert.deepEqual(suggested(r), [{ kind: 'roleRequired', entity: 'Quote', actions: ['update'], roles: ['supervisor'], sources: [] }]);
    // A field names its record: "discounts are set by supervisors".
    const f = run(onlyBy, quotes(), 'Discounts are set by supervisors.', { roles: ['clerk', 'supervisor'] });
    assert.equal(suggested(f)[0]?.entity, 'Quote');
    // Not a role ("by courier") or a passive inside a condition: not a rule.
    assert.equal(run(onlyBy, quotes(), 'Quotes are delivered by courier.', { roles: ['clerk', 'supervisor'] }).recognised, false);
    assert.equal(run(onlyBy, quotes(), 'A clerk can print a quote when it is approved by a supervisor.', { roles: ['clerk', 'supervisor'] }).recognised, false);
  });

  it('onlyBy: "a recipe can be changed by its author" is the ownership rule, even without "only"', () => {
    const recipes = model({ user: true, entities: { recipe: [['title', 'string']] } });
    const r = run(onlyBy, recipes, 'A recipe can be changed by its author.', { roles: ['cook'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'ownership', entity: 'Recipe', actions: ['update'], sources: [] });
  });

  it('onlyOwner: "nobody but the uploader may remove a photo album" is ownership', () => {
    const albums = model({ user: true, entities: { 'photo album': [['title', 'string']] } });
    const r = run(onlyOwner, albums, 'Nobody but the uploader may remove a photo album.', { roles: ['member'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'ownership', entity: 'PhotoAlbum', actions: ['delete'], sources: [] });
  });

  it('onlyOnes: "curators are the only ones allowed to archive exhibits"', () => {
    const museum = model({ user: true, entities: { exhibit: [['title', 'string']] } });
    const r = run(onlyOnes, museum, 'Curators are the only ones allowed to delete exhibits.', { roles: ['guide', 'curator'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Exhibit', actions: ['delete'], roles: ['curator'], sources: [] });
  });

  it('roleMayChange: "dispatchers confirm deliveries" (no modal) is noted with the rule as a suggestion', () => {
    const d = model({ user: true, entities: { delivery: [['address', 'string']] } });
    const r = run(roleMayChange, d, 'Dispatchers confirm deliveries.', { roles: ['driver', 'dispatcher'] });
    assert.equal(r.rules.length, 0);
    assert.deepEqual(suggested(r), [{ kind: 'roleRequired', entity: 'Delivery', actions: ['update'], roles: ['dispatcher'], sources: [] }]);
    // A person who is not a role, or a verb that changes no state, says nothing.
    assert.equal(run(roleMayChange, model({ user: true, entities: { delivery: [['address', 'string']] } }), 'Dispatchers read deliveries.', { roles: ['driver', 'dispatcher'] }).recognised, false);
  });

  it('onlyRole: "only the bursar can mark a fee as waived" on a record that stores no "waived" still makes the role rule, and says the state is not checked', () => {
    const fees = model({ user: true, entities: { fee: [['amount', 'money']] } });
    const r = run(onlyRole, fees, 'Only the bursar can mark a fee as waived.', { roles: ['student', 'bursar'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Fee', actions: ['update'], roles: ['bursar'], sources: [] });
    assert.match(r.notes[0], /Fee stores no "waived" value/);
    // With the state stored, nothing more is said.
    const stored = model({ user: true, entities: { fee: [['amount', 'money'], ['waived', 'boolean']] } });
    assert.equal(run(onlyRole, stored, 'Only the bursar can mark a fee as waived.', { roles: ['student', 'bursar'] }).notes.length, 0);
  });

  it('rangeCompare: "per <head>" shared by several records picks the one linked to the subject ("lanes max 2 hours per reservation")', () => {
    const pool = model({
      entities: { lane: [['name', 'string']], sauna: [['name', 'string']], 'lane reservation': [['from', 'datetime'], ['to', 'datetime']], 'sauna reservation': [['day', 'date']] },
      relations: [['LaneReservation', 'Lane'], ['SaunaReservation', 'Sauna']],
    });
    const r = run(rangeCompare, pool, 'Lanes max 2 hours per reservation.');
    assert.equal(field(r.draft, 'Lane', 'hours'), undefined, 'no hours field is invented on the lane');
    assert.match(r.notes[0], /how long a LaneReservation lasts/);
  });

  it('ruleLanguage: rule statements without a modal ("a different email", "identifies", "by its author", "once per", a passive chain)', () => {
    assert.equal(ruleLanguage('every tenant has a different door code'), 'a uniqueness rule');
    assert.equal(ruleLanguage('the serial number identifies a machine'), 'a uniqueness rule');
    assert.equal(ruleLanguage('a guest reviews once per stay'), 'a limit per something');
    assert.equal(ruleLanguage('a photo can be removed by its uploader'), 'an ownership rule');
    assert.equal(ruleLanguage('claims are filed, then reviewed, then paid'), 'a sequence of states');
    // Ordinary words: no rule language.
    assert.equal(ruleLanguage('once a claim is filed the adjuster calls the customer'), undefined);
    assert.equal(ruleLanguage('the app first shows a map and then a list'), undefined);
  });

  it('readClause: a rule-like clause no pattern takes is listed with a reason even when a field claimed the sentence', () => {
    const draft = model({ entities: { tenant: [['doorCode', 'string']] } });
    draft.used.add(1);
    const r = run(readClause as unknown as RulePattern, draft, 'Every tenant gets a different parking spot.');
    assert.equal(r.rules.length, 0);
    assert.match(r.notes[0] ?? '', /^Reads like a uniqueness rule/);
  });

  it('extractSpec: rule-like sentences claimed by a field or entity are never silent (each makes a rule or is listed)', () => {
    const text = [
      'Members and committee members log in.',
      'Lockers: number, size. Locker rentals: member, locker, start, end, paid (yes/no). Court rentals: member, court, start, end.',
      'Lockers max 3 months per rental.',
      'Committee members approve locker rentals.',
      'Only the committee member can mark a court rental as refunded.',
    ].join('\n');
    const spec = extractSpec(text);
    const listed = new Set([...spec.notUnderstood, ...spec.unimplemented].flatMap((n) => n.sources));
    for (const s of spec.requirements.sentences.filter((x) => ruleLanguage(x.text.toLowerCase()) || /approve|mark/.test(x.text))) {
      assert.ok(listed.has(s.id) || spec.rules.some((r) => r.sources.includes(s.id)), `sentence ${s.id} "${s.text}" is neither a rule nor listed`);
    }
  });
});

describe('extract rules (rulekinds): limits per period and refusals with a time margin (issue #11)', () => {
  it('capacityLimit: "max 15 dogs per day" counts the dated rows of the dogs per day, over all of them', () => {
    const draft = model({ entities: { dog: [['name', 'string']], visit: [['day', 'date', { required: true }]] }, relations: [['Visit', 'Dog']] });
    const r = run(capacityLimit, draft, 'We take max 15 dogs per day.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'capacity', entity: 'Visit', limit: 15, period: { field: 'day', unit: 'day' }, sources: [] });
    assert.deepEqual(r.notes, []);
    assertValid(r.draft);
  });

  it('capacityLimit: a limit per period set off by a comma that names what it counts is over all of them; the subject\'s own limit is not', () => {
    const capacity = (text: string) => extractSpec(text).rules.find((r) => r.kind === 'capacity');
    const daycare = capacity('Each cat has a name. Owners book days for a cat, max 12 cats per day.');
    assert.ok(daycare && daycare.kind === 'capacity' && daycare.limit === 12 && daycare.period?.unit === 'day' && daycare.relation === undefined, JSON.stringify(daycare));
    // Each member's: the limit is the object of what they do, or an elliptical "at most 2 per week" after it.
    for (const text of ['Each class has a title. Members can book at most 2 classes per week.', 'Each class has a title. Members book classes, at most 2 per week.']) {
      const own = capacity(text);
      assert.ok(own && own.kind === 'capacity' && own.relation !== undefined && own.period?.unit === 'week', `${text}: ${JSON.stringify(own)}`);
    }
  });

  it('capacityLimit: "at most one parcel per week per flat" is per period and per parent', () => {
    const draft = model({ entities: { flat: [['number', 'string']], parcel: [['recipient', 'string'], ['deliveredOn', 'date', { required: true }]] }, relations: [['Parcel', 'Flat']] });
    const r = run(capacityLimit, draft, 'Each flat gets at most one parcel per week per flat.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'capacity', entity: 'Parcel', relation: 'flat', limit: 1, period: { field: 'deliveredOn', unit: 'week' }, sources: [] });
    assertValid(r.draft);
    // Counting per flat says a parcel belongs to one: the missing link is added, not a limit over all parcels.
    const unlinked = model({ entities: { flat: [['number', 'string']], parcel: [['deliveryDate', 'date', { required: true }]] } });
    const u = run(capacityLimit, unlinked, 'A flat can receive at most one parcel per week.');
    assert.deepEqual(strip(u.rules[0]), { kind: 'capacity', entity: 'Parcel', relation: 'flat', limit: 1, period: { field: 'deliveryDate', unit: 'week' }, sources: [] });
    assert.deepEqual(u.draft.relations.map((x) => [x.from, x.to, x.name, x.required]), [['Parcel', 'Flat', 'flat', true]]);
    assertValid(u.draft);
  });

  it('capacityLimit: the subject is the scope ("a member can make no more than 2 bookings a month"), counted by the start, not the end', () => {
    const draft = model({
      entities: { member: [['name', 'string']], booking: [['endsAt', 'datetime', { required: true }], ['startsAt', 'datetime', { required: true }]] },
      relations: [['Booking', 'Member']],
    });
    const r = run(capacityLimit, draft, 'A member can make no more than 2 bookings a month.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'capacity', entity: 'Booking', relation: 'member', limit: 2, period: { field: 'startsAt', unit: 'month' }, sources: [] });
    assertValid(r.draft);
  });

  it('capacityLimit: rows without a date get no rule, and the note offers the date and the rule', () => {
    const draft = model({ entities: { order: [['item', 'string']] } });
    const r = run(capacityLimit, draft, 'We accept no more than 10 orders per day.');
    assert.equal(r.rules.length, 0);
    assert.match(r.notes[0], /no date to tell which day/);
    const fixes = r.draft.notUnderstood[0].suggestions ?? [];
    assert.deepEqual(
      fixes.map((s) => s.kind),
      ['addField', 'addRule'],
    );
  });

  it('capacityNumberOf: "the number of visits per day is limited to 15" is a fixed limit per day', () => {
    const draft = model({ entities: { visit: [['dogName', 'string'], ['visitDay', 'date', { required: true }]] } });
    const r = run(capacityNumberOf, draft, 'The number of visits per day is limited to 15.');
    assert.deepEqual(strip(r.rules[0]), { kind: 'capacity', entity: 'Visit', limit: 15, period: { field: 'visitDay', unit: 'day' }, sources: [] });
    assertValid(r.draft);
  });

  it('refuseTimeMargin: a date with an hour margin is enforced in whole days, and says so', () => {
    const draft = model({ entities: { order: [['item', 'string'], ['deliveryDate', 'date', { required: true }]] } });
    const r = run(refuseTimeMargin, draft, "Orders can't be changed less than 24 hours before delivery.");
    assert.deepEqual(
      r.rules.map((x) => x.kind === 'refuseWhen' && [x.entity, x.actions, x.condition]),
      [['Order', ['update'], { field: 'deliveryDate', op: 'past', offset: { amount: 1, unit: 'days' } }]],
    );
    assert.match(r.notes[0], /1 day: the date has no time of day/);
    assertValid(r.draft);
  });

  it('refuseTimeMargin: "can\'t be booked more than 30 days in advance" refuses the far side (future beyond the margin)', () => {
    const draft = model({ entities: { event: [['title', 'string'], ['startsAt', 'datetime', { required: true }]], ticket: [['seat', 'string']] }, relations: [['Ticket', 'Event']] });
    const r = run(refuseTimeMargin, draft, "Tickets can't be booked more than 30 days in advance of the event.");
    assert.deepEqual(
      r.rules.map((x) => x.kind === 'refuseWhen' && [x.entity, x.actions, x.condition]),
      [['Ticket', ['create'], { relation: 'event', field: 'startsAt', op: 'future', offset: { amount: 30, unit: 'days' } }]],
    );
    assertValid(r.draft);
  });
});

describe('extract rules (rules2): uniqueness and roles said in other words (issue #11)', () => {
  const suggested = (r: Run) => r.draft.notUnderstood.flatMap((n) => n.suggestions ?? []).map((s) => (s.kind === 'addRule' ? strip(s.rule) : undefined));
  const uniqueOf = (r: Run) => r.rules.filter((x) => x.kind === 'unique').map((x) => x.kind === 'unique' && [x.entity, x.fields]);

  it('uniqueOneOwner: a value that belongs to one record only, without "unique"', () => {
    const club = () => model({ entities: { locker: [['code', 'string'], ['size', 'string']], rower: [['name', 'string'], ['licenceNumber', 'string']] } });
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'A licence number may belong to one rower only.')), [['Rower', ['licenceNumber']]]);
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'Locker codes must not be shared between lockers.')), [['Locker', ['code']]]);
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'The code must be different for every locker.')), [['Locker', ['code']]]);
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'The licence number identifies a rower.')), [['Rower', ['licenceNumber']]]);
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'Every locker has its own code.')), [['Locker', ['code']]]);
    // "has its own <record>" and a value of no record: not this pattern.
    const boats = model({ entities: { boat: [['name', 'string']], crew: [['name', 'string']] } });
    assert.equal(run(uniqueOneOwner, boats, 'Every boat has its own crew.').recognised, false);
    assert.equal(run(uniqueOneOwner, club(), 'The size must be different for every season.').recognised, false);
  });

  it('ownOwn: "every locker has its own code" is a stored value, not an ownership rule', () => {
    const club = model({ user: true, entities: { locker: [['code', 'string']] } });
    const r = run(ownOwn, club, 'Every locker has its own code.', { roles: ['member'] });
    assert.equal(r.recognised, false);
    assert.equal(r.notes.length, 0);
  });

  it('onlyRole: "curators alone can delete exhibits" is "only curators can …"', () => {
    const museum = model({ user: true, entities: { exhibit: [['title', 'string']] } });
    const r = run(onlyRole, museum, 'Curators alone can delete exhibits.', { roles: ['guide', 'curator'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Exhibit', actions: ['delete'], roles: ['curator'], sources: [] });
  });

  it('roleForAction: "closing a ward requires a matron" is the rule; "… is the job of" / "are responsible for" is suggested', () => {
    const ward = () => model({ user: true, entities: { ward: [['name', 'string']] } });
    const r = run(roleForAction, ward(), 'Closing a ward requires a matron.', { roles: ['nurse', 'matron'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Ward', actions: ['update'], roles: ['matron'], sources: [] });
    const job = run(roleForAction, ward(), 'Closing wards is the job of the matron.', { roles: ['nurse', 'matron'] });
    assert.equal(job.rules.length, 0);
    assert.deepEqual(suggested(job), [{ kind: 'roleRequired', entity: 'Ward', actions: ['update'], roles: ['matron'], sources: [] }]);
    const resp = run(roleForAction, ward(), 'Matrons are responsible for closing wards.', { roles: ['nurse', 'matron'] });
    assert.equal(suggested(resp)[0]?.entity, 'Ward');
    // Not a role: nothing.
    assert.equal(run(roleForAction, ward(), 'Closing a ward requires a reason.', { roles: ['nurse', 'matron'] }).recognised, false);
  });

  it('roleForbidden: "nurses may not delete wards" is the other roles\' right; not with "their own", a condition, or a single role', () => {
    const ward = () => model({ user: true, entities: { ward: [['name', 'string']] } });
    const r = run(roleForbidden, ward(), 'Nurses may not delete wards.', { roles: ['nurse', 'matron', 'admin'] });
    assert.deepEqual(strip(r.rules[0]), { kind: 'roleRequired', entity: 'Ward', actions: ['delete'], roles: ['matron', 'admin'], sources: [] });
    assert.equal(run(roleForbidden, ward(), 'Nurses cannot edit wards once they are closed.', { roles: ['nurse', 'matron'] }).recognised, false);
    assert.equal(run(roleForbidden, ward(), 'Nurses cannot delete other wards.', { roles: ['nurse', 'matron'] }).recognised, false);
    assert.equal(run(roleForbidden, ward(), 'Nurses cannot delete wards.', { roles: ['nurse'] }).recognised, false);
    // A qualified role is some of its people (a refusal on their state), and "book a ward" makes no ward.
    assert.equal(run(roleForbidden, ward(), 'A suspended nurse cannot delete wards.', { roles: ['nurse', 'matron'] }).recognised, false);
    assert.equal(run(roleForbidden, ward(), 'Nurses cannot book a ward.', { roles: ['nurse', 'matron'] }).recognised, false);
  });

  it('a value range about a record that is not in the model is listed, and the extractor does not fail ("persons must be at least 18")', () => {
    const spec = extractSpec('We note down the name and age of each visitor. Persons must be at least 18 years old.');
    assert.ok(!spec.warnings.some((w) => /extractor failed/.test(w)), spec.warnings.join(' | '));
    const last = spec.requirements.sentences[spec.requirements.sentences.length - 1].id;
    assert.ok([...spec.notUnderstood, ...spec.unimplemented].some((n) => n.sources.includes(last)) || spec.entities.some((e) => e.fields.some((f) => f.min === 18)));
  });
});

describe('extract rules (rules2): a rule made on a record the sentence does not name is said (issue #11)', () => {
  // A stand-in pattern that binds a date order to Trip whatever the clause says (as a wrong binding would).
  const bindToTrip: RulePattern = (ctx) => {
    ctx.draft.rules.push({ kind: 'dateOrder', entity: 'Trip', earlier: 'departure', later: 'arrival', allowEqual: false, sources: [ctx.sentence.id] });
    ctx.outcome.rules++;
    return true;
  };
  const travel = () => model({ entities: { trip: [['departure', 'date'], ['arrival', 'date']], 'hotel stay': [['checkIn', 'date'], ['checkOut', 'date']] } });

  it('readClause: a date order on Trip from "a hotel stay must end after it starts" is noted; on the record named, nothing is said', () => {
    const wrong = run(((ctx: RuleContext) => (readClause(ctx, [{ name: 'bind', run: bindToTrip }]), true)) as RulePattern, travel(), 'A hotel stay must end after it starts.');
    assert.equal(wrong.rules.length, 1, 'the rule stays');
    assert.match(wrong.notes[0] ?? '', /date order rule on Trip was made from this sentence, but it names HotelStay/);
    const right = run(((ctx: RuleContext) => (readClause(ctx, [{ name: 'bind', run: bindToTrip }]), true)) as RulePattern, travel(), 'A trip must end after it starts.');
    assert.equal(right.notes.length, 0);
    // A clause that names no record (only fields) is not second-guessed.
    const fields = run(((ctx: RuleContext) => (readClause(ctx, [{ name: 'bind', run: bindToTrip }]), true)) as RulePattern, travel(), 'The arrival must be after the departure.');
    assert.equal(fields.notes.length, 0);
  });
});

describe('extract rules (rules2): workflows and one-owner values in more words (issue #11)', () => {
  const workflowOf = (r: Run) => r.rules.filter((x) => x.kind === 'statusWorkflow').map((x) => x.kind === 'statusWorkflow' && [x.entity, x.initial, x.transitions.map((t) => `${t.from}>${t.to}`)]);

  it('workflowSteps: "goes through" a list without a colon ("each claim goes through filed, assessed and settled")', () => {
    const claims = () => model({ entities: { claim: [['amount', 'money']] } });
    assert.deepEqual(workflowOf(run(workflowSteps, claims(), 'Each claim goes through filed, assessed and settled.')), [['Claim', 'filed', ['filed>assessed', 'assessed>settled']]]);
    assert.deepEqual(workflowOf(run(workflowSteps, claims(), 'Claims move through the stages filed, assessed, settled.')), [['Claim', 'filed', ['filed>assessed', 'assessed>settled']]]);
    // Two items are no sequence of steps.
    assert.equal(run(workflowSteps, claims(), 'Claims go through review and payment.').recognised, false);
  });

  it('workflowThen: a comma list with one "finally"/"then" ("a claim is filed, assessed, and finally settled"; "… reviewed and then accepted or rejected")', () => {
    const claims = () => model({ entities: { claim: [['amount', 'money']] } });
    assert.deepEqual(workflowOf(run(workflowThen, claims(), 'A claim is filed, assessed, and finally settled.')), [['Claim', 'filed', ['filed>assessed', 'assessed>settled']]]);
    const branch = workflowOf(run(workflowThen, claims(), 'A claim is filed, assessed and then paid or refused.'));
    assert.deepEqual(branch, [['Claim', 'filed', ['filed>assessed', 'assessed>paid', 'assessed>refused']]]);
    // Not states: people doing things.
    assert.equal(run(workflowThen, claims(), 'A claim is filed, and then the adjuster calls the customer back.').rules.length, 0);
  });

  it('workflowThen: "starts <state> and is then …" without "as"', () => {
    const claims = model({ entities: { claim: [['amount', 'money']] } });
    assert.deepEqual(workflowOf(run(workflowThen, claims, 'A claim starts open and is then paid or refused.')), [['Claim', 'open', ['open>paid', 'open>refused']]]);
  });

  it('uniqueOneOwner: "each badge is used by exactly one guard"; onlyBy: "booked by one guest only" is a count, not a role', () => {
    const site = () => model({ user: true, entities: { guard: [['name', 'string'], ['badge', 'string']], room: [['number', 'string']] } });
    const r = run(uniqueOneOwner, site(), 'Each badge is used by exactly one guard.');
    assert.deepEqual(r.rules.map((x) => x.kind === 'unique' && [x.entity, x.fields]), [['Guard', ['badge']]]);
    assert.equal(run(onlyBy, site(), 'A room can be booked by one guest only.', { roles: ['guest'] }).recognised, false);
  });
});

describe('extract rules (rules2): a pattern that takes a clause and makes nothing does not drop it (issue #11)', () => {
  it('readClause: rule words a pattern recognised without a rule or a note are listed', () => {
    const taken: RulePattern = () => true;
    const draft = model({ entities: { kennel: [['size', 'integer']] } });
    const r = run(((ctx: RuleContext) => (readClause(ctx, [{ name: 'taken', run: taken }]), true)) as RulePattern, draft, 'A kennel holds at most 3 dogs.');
    assert.equal(r.rules.length, 0);
    assert.match(r.notes[0] ?? '', /^Reads like a limit; it was recognised, but no rule could be made from it/);
    // Without rule words there is nothing to say (the sentence is accounted for elsewhere).
    const plain = run(((ctx: RuleContext) => (readClause(ctx, [{ name: 'taken', run: taken }]), true)) as RulePattern, model({ entities: { kennel: [['size', 'integer']] } }), 'Kennels have a size.');
    assert.equal(plain.notes.length, 0);
  });
});

describe('extract rules (rules3): ranges, workflows and date orders in plainer words (issue #11)', () => {
  it('rangeCompare: a bound after a plain "is"/"stays" ("the fee is greater than zero", "stock of a bin stays zero or more")', () => {
    const store = model({ entities: { bin: [['stock', 'integer'], ['fee', 'money']] } });
    run(rangeCompare, store, 'The fee is greater than zero.', { hint: 'Bin' });
    assert.equal(field(store, 'Bin', 'fee')?.min, 0.01);
    run(rangeCompare, store, 'Stock of a bin stays zero or more.');
    assert.equal(field(store, 'Bin', 'stock')?.min, 0);
    // A comparison with no verb before it is still a condition, not a bound.
    assert.equal(run(rangeCompare, model({ entities: { bin: [['fee', 'money']] } }), 'Bins with a fee greater than 10 get a label.').recognised, false);
  });

  it('rangeBetween: "a number 1-5" and "on a scale of 1 to 10" are value spans; a time of day is not', () => {
    const bakery = () => model({ entities: { cake: [['taste', 'integer'], ['looks', 'integer']] } });
    const a = run(rangeBetween, bakery(), 'The taste of a cake is a number 1-5.');
    assert.deepEqual([field(a.draft, 'Cake', 'taste')?.min, field(a.draft, 'Cake', 'taste')?.max], [1, 5]);
    const b = run(rangeBetween, bakery(), 'Judges score the looks of a cake on a scale of 1 to 10.');
    assert.deepEqual([field(b.draft, 'Cake', 'looks')?.min, field(b.draft, 'Cake', 'looks')?.max], [1, 10]);
    assert.equal(run(rangeBetween, bakery(), 'Cakes are sold 9-5.').recognised, false);
    assert.equal(ruleLanguage('the taste is a number 1-5'), 'a range of values');
  });

  it('workflowSteps: "the lifecycle/workflow of X is a, b, c" needs no colon; two states or an "or" list are no lifecycle', () => {
    const kiln = () => model({ entities: { firing: [['temperature', 'integer']] } });
    const r = run(workflowSteps, kiln(), 'The lifecycle of a firing is loaded, heating, cooling, unloaded.');
    assert.deepEqual(r.rules.map((x) => x.kind === 'statusWorkflow' && [x.entity, x.initial, x.transitions.length]), [['Firing', 'loaded', 3]]);
    assert.equal(run(workflowSteps, kiln(), 'The workflow of a firing is simple and quick.').recognised, false);
    assert.equal(run(workflowSteps, kiln(), 'The stages of a firing are heating or cooling.').recognised, false);
  });

  it('ruleLanguage: a lifecycle or "goes through stages" reads like a sequence of states (said when no workflow is made)', () => {
    assert.equal(ruleLanguage('every firing goes through several stages before it is sold'), 'a sequence of states');
    assert.equal(ruleLanguage('the lifecycle of a kiln matters to us'), 'a sequence of states');
    assert.equal(ruleLanguage('firings go through the kiln'), undefined);
  });

  it('dateOrder: moments as verbs without a modal ("rehearsals end after they start") and their usual field words ("finish after it begins")', () => {
    const theatre = () => model({ entities: { rehearsal: [['startTime', 'datetime'], ['endTime', 'datetime']], gig: [['start', 'datetime'], ['end', 'datetime']] } });
    const a = run(dateOrder, theatre(), 'Rehearsals end after they start.');
    assert.deepEqual(strip(a.rules[0]), { kind: 'dateOrder', entity: 'Rehearsal', earlier: 'startTime', later: 'endTime', allowEqual: false, sources: [] });
    const b = run(dateOrder, theatre(), 'A gig must finish after it begins.');
    assert.deepEqual(strip(b.rules[0]), { kind: 'dateOrder', entity: 'Gig', earlier: 'start', later: 'end', allowEqual: false, sources: [] });
  });

  it('dateOrder: a side that is a whole clause ("poster sales must end before the gig starts") makes no field of it', () => {
    const theatre = model({ entities: { gig: [['start', 'datetime'], ['end', 'datetime']], poster: [['price', 'money']] } });
    const r = run(dateOrder, theatre, 'Poster sales must end before the gig starts.');
    assert.equal(r.rules.length, 0);
    assert.ok(theatre.entities.every((e) => e.fields.every((f) => !/must/i.test(f.name))), 'no field named after the clause');
  });
});

describe('extract rules (rules3): a rule on the record the sentence is about, or a note (issue #11)', () => {
  const school = () => model({ entities: { course: [['startDate', 'date'], ['endDate', 'date']], module: [['startDate', 'date'], ['dueDate', 'date']] }, relations: [['module', 'course']] });

  it('dateOrder: each side naming its own record ("a module\'s due date … after the course\'s start date") is noted, not made on one of them', () => {
    const r = run(dateOrder, school(), "A module's due date must be after the course's start date.");
    assert.equal(r.rules.length, 0);
    assert.match(r.notes[0] ?? '', /date order between a Module's due date and a Course's start date.*two dates of one record/);
  });

  it('dateOrder: the scene before a comma is not the record ("In a course, a module\'s due date can\'t be before its start date")', () => {
    const r = run(dateOrder, school(), "In a course, a module's due date can't be before its start date.");
    assert.deepEqual(strip(r.rules[0]), { kind: 'dateOrder', entity: 'Module', earlier: 'startDate', later: 'dueDate', allowEqual: true, sources: [] });
    const every = run(dateOrder, school(), 'The due date of every module in a course must be after its start date.');
    assert.deepEqual(strip(every.rules[0]), { kind: 'dateOrder', entity: 'Module', earlier: 'startDate', later: 'dueDate', allowEqual: false, sources: [] });
  });

  it('onlyOwner: the author of one record acting on another ("who listed a bike can accept a bid on it") is noted, not an ownership of the bike', () => {
    const market = () => model({ user: true, entities: { bike: [['title', 'string']], bid: [['amount', 'money']] }, relations: [['bid', 'bike']] });
    const r = run(onlyOwner, market(), 'Only the seller who listed a bike can accept a bid on it.', { roles: ['seller'] });
    assert.equal(r.rules.length, 0);
    assert.match(r.notes[0] ?? '', /only the user who listed a Bike may act on a Bid of it/);
    // The same record on both sides is the ownership rule.
    const same = run(onlyOwner, market(), 'Only the seller who listed a bike can withdraw it.', { roles: ['seller'] });
    assert.deepEqual(same.rules.map((x) => [x.kind, x.entity]), [['ownership', 'Bike']]);
  });

  it('onlyBy: a passive decision by people who do not sign in ("refunds are approved by accountants") is noted; making rows ("placed by …") is not', () => {
    const shop = () => model({ user: true, entities: { refund: [['amount', 'money']], parcel: [['weight', 'decimal']] } });
    const r = run(onlyBy, shop(), 'Refunds are approved by accountants.', { roles: ['clerk', 'admin'] });
    assert.equal(r.rules.length, 0);
    assert.match(r.notes[0] ?? '', /accountants is not a sign-in role of the app \(clerk, admin\)/);
    assert.equal(run(onlyBy, shop(), 'Parcels are created by accountants.', { roles: ['clerk', 'admin'] }).notes.length, 0);
    // Without sign-in nobody has a role to name: nothing to say.
    assert.equal(run(onlyBy, shop(), 'Refunds are approved by accountants.').notes.length, 0);
  });
});

describe('extract rules (rules3): uniqueness and deadlines said without "unique" or a modal (issue #11)', () => {
  const club = () => model({ entities: { rower: [['name', 'string'], ['cardNumber', 'string']] } });
  const uniqueOf = (r: Run) => r.rules.map((x) => x.kind === 'unique' && [x.entity, x.fields]);

  it('uniqueIdentifiedBy: "identified by their …" alone or together ("by a number and a name, and has …"); an aside ends the values', () => {
    assert.deepEqual(uniqueOf(run(uniqueIdentifiedBy, club(), 'Rowers are identified by their card number.')), [['Rower', ['cardNumber']]]);
    assert.deepEqual(uniqueOf(run(uniqueIdentifiedBy, club(), 'A rower is uniquely identified by a name and a card number and has a boat.')), [['Rower', ['name', 'cardNumber']]]);
    assert.deepEqual(uniqueOf(run(uniqueIdentifiedBy, club(), 'A rower is identified by a card number, printed by the club office.')), [['Rower', ['cardNumber']]]);
    // A list that goes on past an aside is not cut short into a rule on its first value.
    assert.equal(run(uniqueIdentifiedBy, club(), 'A rower is identified by a name, the club to which they belong, and a card number.').recognised, false);
  });

  it('uniqueOneOwner: "a different …", "… of their own", "never shared between …"', () => {
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'Each rower has a different card number.')), [['Rower', ['cardNumber']]]);
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'Every rower gets a card number of their own.')), [['Rower', ['cardNumber']]]);
    assert.deepEqual(uniqueOf(run(uniqueOneOwner, club(), 'Card numbers are never shared between rowers.')), [['Rower', ['cardNumber']]]);
    // A record of their own is not a value ("every rower has a boat of their own").
    assert.equal(run(uniqueOneOwner, model({ entities: { rower: [['name', 'string']], boat: [['name', 'string']] } }), 'Every rower gets a boat of their own.').rules.length, 0);
    assert.equal(ruleLanguage('rowers are identified by their card number'), 'a uniqueness rule');
  });

  it('ruleLanguage: "are not accepted" / "aren\'t allowed" is a prohibition; "are accepted" is not', () => {
    assert.equal(ruleLanguage('entries are not accepted after the deadline'), 'a prohibition');
    assert.equal(ruleLanguage("late entries aren't accepted"), 'a prohibition');
    assert.equal(ruleLanguage('entries are accepted for three days'), undefined);
  });

  it('refuseAfterDate: rows refused after a date of the record they belong to ("entries are not accepted after the closing date", "nobody can enter after …", "no entries after …")', () => {
    const contest = () => model({ user: true, entities: { contest: [['title', 'string'], ['closingDate', 'date']], entry: [['text', 'string']] }, relations: [['entry', 'contest']] });
    const expected = { kind: 'refuseWhen', entity: 'Entry', actions: ['create'], condition: { relation: 'contest', field: 'closingDate', op: 'past' } };
    const shape = (r: Run) => r.rules.map((x) => x.kind === 'refuseWhen' && { kind: x.kind, entity: x.entity, actions: x.actions, condition: x.condition });
    assert.deepEqual(shape(run(refuseAfterDate, contest(), 'Entries are not accepted after the closing date.')), [expected]);
    assert.deepEqual(shape(run(refuseAfterDate, contest(), 'No entries after the closing date of the contest.')), [expected]);
    const changed = shape(run(refuseAfterDate, contest(), "Entries can't be changed after the closing date."));
    assert.deepEqual(changed, [{ ...expected, actions: ['update'] }]);
  });

  it('refuseAfterDate: two dates in order are a date order, and "after it has started" is not a stored date', () => {
    const loans = () => model({ entities: { loan: [['dueDate', 'date'], ['returnDate', 'date']] } });
    assert.equal(run(refuseAfterDate, loans(), 'The return date cannot be after the due date.').recognised, false);
    assert.equal(run(refuseAfterDate, loans(), 'Loans cannot be changed after it has started.').recognised, false);
  });
});

describe('extract rules (rules3): roles said without "only" before the verb (issue #11)', () => {
  const office = () => model({ user: true, entities: { refund: [['amount', 'money']] } });
  const roles = ['clerk', 'manager', 'admin'];
  const roleOfRules = (r: Run) => r.rules.map((x) => x.kind === 'roleRequired' && [x.entity, x.actions, x.roles]);

  it('onlyOnes, onlyBy, onlyRole: "the ones who …", "… by managers alone", "except for managers, nobody can …"', () => {
    assert.deepEqual(roleOfRules(run(onlyOnes, office(), 'Managers are the ones who approve refunds.', { roles })), [['Refund', ['update'], ['manager']]]);
    assert.deepEqual(roleOfRules(run(onlyBy, office(), 'Refunds are deleted by managers alone.', { roles })), [['Refund', ['delete'], ['manager']]]);
    assert.deepEqual(roleOfRules(run(onlyRole, office(), 'Except for managers, nobody can delete refunds.', { roles })), [['Refund', ['delete'], ['manager']]]);
  });

  it('roleForAction: "needs manager rights", "needs a manager\'s approval" are the rule; "is a manager\'s job" a suggestion; people who do not sign in are said', () => {
    assert.deepEqual(roleOfRules(run(roleForAction, office(), 'Deleting a refund needs manager rights.', { roles })), [['Refund', ['delete'], ['manager']]]);
    assert.deepEqual(roleOfRules(run(roleForAction, office(), "Refunds need a manager's approval.", { roles })), [['Refund', ['update'], ['manager']]]);
    const job = run(roleForAction, office(), "Approving a refund is a manager's job.", { roles });
    assert.equal(job.rules.length, 0);
    assert.match(job.notes[0] ?? '', /not that only manager may/);
    const outsider = run(roleForAction, office(), "Approving a refund is an accountant's job.", { roles });
    assert.match(outsider.notes[0] ?? '', /accountant is not a sign-in role of the app \(clerk, manager, admin\)/);
  });

  it('ruleLanguage: these phrasings read like a restriction, so a clause no pattern takes is still listed', () => {
    for (const text of ["approving a refund is a manager's job", "refunds need a manager's approval", 'managers are the ones who approve refunds', 'refunds are deleted by managers alone']) {
      assert.equal(ruleLanguage(text), 'a restriction ("only")', text);
    }
    assert.equal(ruleLanguage('a manager is responsible for several employees'), undefined);
  });
});

describe('extract rules (rules3): a decision by people who do not sign in is said (issue #11)', () => {
  it('roleMayChange: "the head teacher approves recipes" / "supervisors can approve recipes" without such a sign-in role is noted; a role gets the suggestion', () => {
    const kitchen = () => model({ user: true, entities: { recipe: [['name', 'string']] } });
    const roles = ['cook', 'admin'];
    const head = run(roleMayChange, kitchen(), 'The head teacher approves new recipes.', { roles });
    assert.equal(head.rules.length, 0);
    assert.match(head.notes[0] ?? '', /Says who may approve a Recipe \(head teacher\), but head teacher is not a sign-in role of the app \(cook, admin\)/);
    assert.match(run(roleMayChange, kitchen(), 'Supervisors can approve recipes.', { roles }).notes[0] ?? '', /supervisor is not a sign-in role/);
    assert.match(run(roleMayChange, kitchen(), 'Cooks approve recipes.', { roles }).notes[0] ?? '', /not that only they may/);
    // Without sign-in there is no role to miss; things that are not people are not deciders.
    assert.equal(run(roleMayChange, kitchen(), 'The head teacher approves new recipes.').notes.length, 0);
    assert.equal(run(roleMayChange, kitchen(), 'The system approves new recipes.', { roles }).notes.length, 0);
  });
});

describe('extract rules: "cannot <verb> twice in the same <record>"', () => {
  it('the record after "twice" is what may not repeat, and a clause without a subject has its sentence\'s', () => {
    const uniques = (text: string) => extractSpec(text).rules.filter((r) => r.kind === 'unique').map((r) => `${r.entity}(${'fields' in r ? r.fields.join(',') : ''})`);
    assert.equal(uniques('Climbers sign up for courses. A climber cannot sign up twice for the same course.').length, 1);
    assert.equal(uniques('Members sign in. Members enrol in courses. A member may enrol in at most 6 courses, and cannot enrol twice in the same course.').length, 1);
  });
});
