// The scoring library of the extractor benchmark (bench/eval-extractor.mjs): every matching
// decision it makes, on hand-built specs and gold annotations.
import * as assert from 'node:assert/strict';
import { ProjectSpec, type ProjectSpecInput } from '../../src/model/project/projectSpec';
import {
  attributeKey,
  attributesMatch,
  attributesLooselyMatch,
  editDistance,
  findSentence,
  goldFromCombinedRow,
  goldFromDevRow,
  goldFromEvalRow,
  matchEntities,
  nameKey,
  namesMatch,
  prf,
  rulesByKind,
  missReasonsByKind,
  reasonCategory,
  scoreFields,
  scoreRelations,
  scoreRoles,
  scoreRules,
  scoreText,
  stemMatches,
  summarize,
  Synonyms,
  valueNamesChild,
  type GoldText,
} from '../../src/core/evaluation/score';
import { accountSentences } from '../../src/model/project/accounting';

const synonyms = new Synonyms([
  ['aircraft', 'airplane', 'plane'],
  ['employee', 'staff member', 'staff'],
  ['administrator', 'admin'],
]);

interface FieldIn {
  name: string;
  type?: string;
  enumValues?: string[];
  sources?: number[];
  min?: number;
  max?: number;
  unique?: boolean;
}
interface SpecIn {
  sentences?: string[];
  entities: { name: string; fields?: FieldIn[] }[];
  relations?: { from: string; to: string; kind?: 'belongsTo' | 'manyToMany'; name?: string; sources?: number[] }[];
  roles?: string[];
  rules?: ProjectSpecInput['rules'];
  notUnderstood?: ProjectSpecInput['notUnderstood'];
  unimplemented?: ProjectSpecInput['unimplemented'];
}

function makeSpec(input: SpecIn): ProjectSpec {
  const sentences = input.sentences ?? ['A text.'];
  return ProjectSpec.parse({
    name: 'test',
    title: 'Test',
    requirements: { text: sentences.join(' '), sentences: sentences.map((text, id) => ({ id, text })) },
    entities: input.entities.map((e) => ({
      name: e.name,
      label: e.name,
      pluralLabel: `${e.name}s`,
      sources: [0],
      fields: (e.fields ?? []).map((f) => ({ label: f.name, type: 'string', sources: [0], ...f })),
    })),
    relations: (input.relations ?? []).map((r, i) => ({
      kind: r.kind ?? 'belongsTo',
      from: r.from,
      to: r.to,
      name: r.name ?? `rel${i}`,
      inverseName: `inv${i}`,
      sources: r.sources ?? [0],
    })),
    auth: input.roles ? { kind: 'emailPassword', roles: input.roles, defaultRole: input.roles[0], sources: [0] } : { kind: 'none', sources: [] },
    rules: input.rules ?? [],
    notUnderstood: input.notUnderstood ?? [],
    unimplemented: input.unimplemented ?? [],
  } as ProjectSpecInput);
}

function makeGold(partial: Partial<GoldText>): GoldText {
  return {
    id: 't',
    corpus: 'test',
    requirements: '',
    entities: [],
    relations: [],
    roles: [],
    rules: [],
    notStored: [],
    nonPunish: [],
    has: { attributes: true, relations: true, auth: true, roles: true, rules: true, notStored: true },
    ...partial,
  };
}

const classes = (...names: string[]) => names.map((name) => ({ name, attributes: [] as string[] }));

describe('extractor benchmark scoring', () => {
  describe('names', () => {
    it('match case-, plural- and compound-insensitively', () => {
      assert.ok(namesMatch('purchase order', 'PurchaseOrder', false));
      assert.ok(namesMatch('PurchaseOrders', 'PurchaseOrder', false));
      assert.ok(namesMatch('Shoppinglist', 'ShoppingList', false));
      assert.ok(namesMatch('categories', 'Category', false));
      assert.equal(nameKey('Purchase_Orders'), nameKey('purchase-order'));
      assert.ok(!namesMatch('Order', 'Ordering', false));
      assert.ok(!namesMatch('Order', 'PurchaseOrder', false));
    });

    it('lenient matching accepts a head word either way, strict does not', () => {
      assert.ok(namesMatch('Entry', 'JournalEntry', true));
      assert.ok(namesMatch('SalaryStatement', 'Statement', true));
      assert.ok(!namesMatch('Entry', 'JournalEntry', false));
      assert.ok(!namesMatch('Journal', 'JournalEntry', true), 'the head is the last word, not the first');
    });

    it('use the synonym table for whole names and for words inside compounds', () => {
      assert.ok(!namesMatch('Airplane', 'Aircraft', false));
      assert.ok(namesMatch('Airplane', 'Aircraft', false, synonyms));
      assert.ok(namesMatch('PassengerPlane', 'PassengerAircraft', false, synonyms));
      assert.ok(namesMatch('staff members', 'Employee', false, synonyms));
      assert.ok(!namesMatch('Airplane', 'Airport', false, synonyms));
      assert.ok(synonyms.same('administrator', 'Admin'));
    });

    it('match stemmed gold names (user-story gold) by word prefixes', () => {
      assert.ok(stemMatches('employe', 'employees'));
      assert.ok(stemMatches('training sess', 'TrainingSession'));
      assert.ok(stemMatches('membership', 'family membership'));
      assert.ok(!stemMatches('schedul', 'Employee'));
    });
  });

  describe('attributes', () => {
    it('tolerate one typo in a word of 4 or more letters, including a swap', () => {
      assert.equal(editDistance('nmae', 'name'), 1);
      assert.ok(attributesMatch('Nmae', 'name'));
      assert.ok(attributesMatch('Enterainment', 'entertainment'));
      assert.ok(attributesMatch('lenght', 'length'));
      assert.ok(!attributesMatch('age', 'ago'), 'short words must be equal');
      assert.ok(!attributesMatch('title', 'total'));
      assert.ok(!attributesMatch('Nmae', 'name', '', undefined, false));
    });

    it('ignore camelCase, spaces, plurals, the entity name in front and "number of"', () => {
      assert.ok(attributesMatch('StartDate', 'start date'));
      assert.ok(attributesMatch('Seats', 'seat'));
      assert.equal(attributeKey('airlineName', 'Airline'), attributeKey('Name', 'Airline'));
      assert.ok(attributesMatch('RunwayCount', 'numberOfRunways'));
      assert.ok(!attributesMatch('SeatNumber', 'numberOfSeats'), 'a seat number is not a seat count');
    });

    it('read synonym phrases before dropping the entity name in front ("userName" on User is a username)', () => {
      const synonyms = new Synonyms([['username', 'user name'], ['customer', 'client'], ['social security number', 'ssn']]);
      assert.ok(attributesMatch('username', 'userName', 'User', synonyms));
      assert.ok(!attributesMatch('name', 'userName', 'User', synonyms), 'a username is not the name of the user');
      assert.ok(attributesMatch('name', 'clientName', 'Customer', synonyms), 'the entity name in front is still dropped through a synonym');
      assert.ok(attributesMatch('Ssn', 'socialSecurityNumber', 'Employee', synonyms));
    });

    it('drop a flag\'s leading "is", "was" or "has been": hasBeenVisited is visited, wasPaid is paid', () => {
      assert.ok(attributesMatch('hasBeenVisited', 'visited', 'Tile'));
      assert.ok(attributesMatch('wasPaid', 'paid'));
      assert.ok(attributesMatch('isActive', 'active'));
      // "hasDiscount" says whether, not how much; "ha" in front may be hectares.
      assert.ok(!attributesMatch('hasDiscount', 'discount'));
      assert.ok(!attributesMatch('haAreaSize', 'areaSize'));
    });

    it('read the abbreviations nr, num, no, max and min in full', () => {
      assert.ok(attributesMatch('RoomNr', 'number', 'Room'));
      assert.ok(attributesMatch('MaxCapacity', 'maximumCapacity'));
      assert.ok(attributesMatch('minLength', 'minimumLength'));
      assert.ok(attributesMatch('invoiceNo', 'invoiceNumber'));
      assert.ok(!attributesMatch('NoShow', 'numberShow'), '"no" first is the word no');
      assert.ok(attributesMatch('numSeats', 'seatCount'), 'num in front still counts');
    });

    it('read a synonym phrase written as one word ("Lastname" ~ family name)', () => {
      const synonyms = new Synonyms([['last name', 'family name']]);
      assert.ok(attributesMatch('Lastname', 'familyName', '', synonyms));
      assert.ok(!attributesMatch('Lastname', 'familyName'), 'only through a synonym group');
    });

    it('match loosely (after exact and typo): plural ~ count, a type word at the end left out, head word', () => {
      assert.ok(attributesLooselyMatch('Windows', 'windowCount'));
      assert.ok(attributesLooselyMatch('Visits', 'numberOfVisits'));
      assert.ok(!attributesLooselyMatch('Window', 'windowCount'), 'a singular name is not a count');
      assert.ok(attributesLooselyMatch('start', 'startDates'));
      assert.ok(attributesLooselyMatch('NextInspection', 'nextInspectionDate'));
      assert.ok(attributesLooselyMatch('StartTime', 'start'));
      assert.ok(attributesLooselyMatch('Octane', 'octaneRating'));
      assert.ok(attributesLooselyMatch('Humidity', 'humidityLevel'));
      assert.ok(attributesLooselyMatch('StartTime', 'startDateTime'), 'a date and a time written together');
      assert.ok(!attributesLooselyMatch('EndTime', 'startDateTime'));
      assert.ok(!attributesLooselyMatch('start', 'startPrice'), 'only type words may be left out');
      assert.ok(attributesLooselyMatch('balance', 'currentAccountBalance'));
      assert.ok(attributesLooselyMatch('currentState', 'state'));
      assert.ok(!attributesLooselyMatch('price', 'priceCategory'), 'the head word is the last word');
    });

    it('read "A of B" as "B A" and a participle after its noun before it, more type words, and a class\'s own value', () => {
      assert.ok(attributesMatch('BreedType', 'typeOfBreed'), '"type of breed" is a breed type');
      assert.ok(attributesMatch('birthDate', 'dateOfBirth'));
      assert.ok(attributesLooselyMatch('Type', 'typeOfFuel'), 'its head word is type');
      assert.ok(attributesLooselyMatch('Toppings', 'listOfToppings'), 'a list of toppings is the toppings');
      assert.ok(!attributesLooselyMatch('Fuel', 'typeOfFuel'), 'a fuel type is not the fuel');
      assert.ok(attributesLooselyMatch('Amount', 'amountCharged'), 'a participle after its noun');
      assert.ok(attributesLooselyMatch('deliveredDate', 'dateDelivered'));
      assert.ok(!attributesLooselyMatch('Amount', 'amountSeed'), 'only a participle moves');
      assert.ok(attributesLooselyMatch('Tax', 'taxRate'));
      assert.ok(attributesLooselyMatch('Receipt', 'receiptNumber'));
      assert.ok(attributesLooselyMatch('OpeningTime', 'openingHour'));
      assert.ok(attributesLooselyMatch('Fee', 'amount', 'LateFee'), "a class's value named like the class");
      assert.ok(!attributesLooselyMatch('Fee', 'number', 'LateFee'), 'a number is not the value');
      assert.ok(!attributesLooselyMatch('Name', 'amount', 'LateFee'));
    });

    it('find the password of a User that the spec signs in by password', () => {
      const gold = makeGold({ entities: [{ name: 'User', attributes: ['Password', 'Nickname'] }, { name: 'Boat', attributes: ['Password'] }] });
      const make = (roles?: string[]) => makeSpec({ entities: [{ name: 'User', fields: [{ name: 'nickname' }] }, { name: 'Boat' }], roles });
      const signedIn = scoreFields(gold, make(['member']), matchEntities(gold, make(['member']), true));
      assert.equal(signedIn.goldMatched, 2, 'User.password through auth, nickname as a field; not the boat\'s');
      assert.equal(signedIn.spec, 1, 'the password is not a field of the spec');
      assert.equal(scoreFields(gold, make(), matchEntities(gold, make(), true)).goldMatched, 1, 'no sign-in, no password');
    });

    it('let an exact match take a field before a loose one', () => {
      // Loosely, DeliveryDate would also take `date` (head word); exact matches are made first.
      const gold = makeGold({ entities: [{ name: 'Order', attributes: ['DeliveryDate', 'Date'] }] });
      const spec = makeSpec({ entities: [{ name: 'Order', fields: [{ name: 'date' }, { name: 'desiredDeliveryDate' }] }] });
      const f = scoreFields(gold, spec, matchEntities(gold, spec, true));
      assert.equal(f.goldMatched, 2);
      assert.equal(f.specMatched, 2);
    });
  });

  describe('entities', () => {
    it('count strict and lenient matches one-to-one', () => {
      const gold = makeGold({ entities: classes('Entry', 'Comment', 'Tag') });
      const spec = makeSpec({ entities: [{ name: 'JournalEntry' }, { name: 'Comments' }, { name: 'Wiki' }] });
      assert.deepEqual(matchEntities(gold, spec, false).counts, { gold: 3, goldMatched: 1, spec: 3, specMatched: 1 });
      const lenient = matchEntities(gold, spec, true);
      assert.deepEqual(lenient.counts, { gold: 3, goldMatched: 2, spec: 3, specMatched: 2 });
      assert.deepEqual(lenient.missing, ['Tag']);
      assert.deepEqual(lenient.extra, ['Wiki']);
    });

    it('do not count a missed optional gold class against recall', () => {
      const gold = makeGold({ entities: [{ name: 'Order', attributes: [] }, { name: 'Coupon', attributes: [], optional: true }] });
      assert.deepEqual(matchEntities(gold, makeSpec({ entities: [{ name: 'Order' }] }), true).counts, { gold: 1, goldMatched: 1, spec: 1, specMatched: 1 });
    });

    it('find an enumeration as an enum field by name, by head word or by literals, apart from entity scores', () => {
      const gold = makeGold({
        entities: [
          { name: 'Booking', attributes: [] },
          { name: 'BookingStatus', attributes: [], kind: 'enum', literals: ['Confirmed', 'Cancelled'] },
          { name: 'Genre', attributes: [], kind: 'enum', literals: ['Thriller', 'Action', 'Horror'] },
          { name: 'Shift', attributes: [], kind: 'enum', literals: ['Morning', 'Night'] },
        ],
      });
      const spec = makeSpec({
        entities: [
          {
            name: 'Booking',
            fields: [
              { name: 'status', type: 'enum', enumValues: ['open', 'closed'] },
              { name: 'category', type: 'enum', enumValues: ['thriller', 'horror', 'drama'] },
              { name: 'slot', type: 'enum', enumValues: ['morning', 'evening'] },
            ],
          },
        ],
      });
      const m = matchEntities(gold, spec, true);
      assert.deepEqual(m.counts, { gold: 1, goldMatched: 1, spec: 1, specMatched: 1 }, 'enums are not entities');
      assert.deepEqual({ ...m.enums, missing: m.enums.missing }, { total: 3, matched: 2, asEntity: 0, asField: 2, missing: ['Shift'] });
      assert.ok(m.enumFields.has('Booking.status') && m.enumFields.has('Booking.category'));
    });

    it('do not count an entity named like a gold enumeration for precision', () => {
      const gold = makeGold({ entities: [{ name: 'Film', attributes: [] }, { name: 'Genre', attributes: [], kind: 'enum', literals: ['Action'] }] });
      const m = matchEntities(gold, makeSpec({ entities: [{ name: 'Film' }, { name: 'Genre' }] }), true);
      assert.deepEqual(m.counts, { gold: 1, goldMatched: 1, spec: 1, specMatched: 1 });
      assert.equal(m.enums.asEntity, 1);
      assert.deepEqual(m.neutral, ['Genre (an enumeration)']);
    });

    it('find a subclass as a value of an enum field on the entity its parent maps to', () => {
      const gold = makeGold({
        entities: classes('Employee', 'Pilot', 'FlightAttendant', 'Director', 'Airplane', 'PassengerPlane', 'CreativeEmployee'),
        relations: [
          { from: 'Pilot', to: 'Employee', kind: 'inheritance' },
          { from: 'FlightAttendant', to: 'Employee', kind: 'inheritance' },
          { from: 'CreativeEmployee', to: 'Employee', kind: 'inheritance' },
          { from: 'Director', to: 'CreativeEmployee', kind: 'inheritance' },
          { from: 'PassengerPlane', to: 'Airplane', kind: 'inheritance' },
        ],
      });
      const spec = makeSpec({
        entities: [
          { name: 'Employee', fields: [{ name: 'kind', type: 'enum', enumValues: ['pilot', 'flight_attendant', 'director'] }] },
          { name: 'Aircraft', fields: [{ name: 'type', type: 'enum', enumValues: ['passenger', 'cargo'] }] },
        ],
      });
      const m = matchEntities(gold, spec, true, { synonyms });
      assert.equal(m.byInheritanceEnum, 4);
      assert.deepEqual(m.missing, ['CreativeEmployee']);
      assert.equal(m.matches.get(5)?.spec, 'Aircraft');
      assert.equal(m.matches.get(3)?.via, 'Employee.kind=director', 'a grandchild uses the nearest found ancestor');
      assert.ok(valueNamesChild('passenger', 'PassengerPlane', 'Airplane'));
      assert.ok(!valueNamesChild('cargo', 'PassengerPlane', 'Airplane'));

      const plain = makeSpec({ entities: [{ name: 'Employee', fields: [{ name: 'kind', type: 'enum', enumValues: ['manager'] }] }] });
      assert.equal(matchEntities(gold, plain, true).byInheritanceEnum, 0, 'values must name the child');
    });

    it('find a person class without attributes as a sign-in role, mapped to User', () => {
      const gold = makeGold({ entities: [...classes('Librarian', 'Book'), { name: 'Member', attributes: ['name'] }] });
      const spec = makeSpec({ entities: [{ name: 'User' }, { name: 'Book' }], roles: ['librarian', 'member'] });
      const m = matchEntities(gold, spec, true);
      assert.equal(m.byRole, 1);
      assert.equal(m.matches.get(0)?.spec, 'User');
      assert.deepEqual(m.missing, ['Member'], 'a class with attributes is not found by a role');
      assert.deepEqual(m.counts, { gold: 3, goldMatched: 2, spec: 2, specMatched: 2 }, 'User stands for the roles');

      const noAttributeGold = makeGold({ entities: classes('Member'), has: { ...gold.has, attributes: false } });
      assert.equal(matchEntities(noAttributeGold, spec, true).byRole, 1);
    });

    it('leave User out when the gold has sign-in but no User class, count it when the gold has no sign-in', () => {
      const spec = makeSpec({ entities: [{ name: 'User' }, { name: 'Book' }], roles: ['reader'] });
      const withAuth = matchEntities(makeGold({ entities: classes('Book'), auth: true }), spec, true);
      assert.deepEqual(withAuth.counts, { gold: 1, goldMatched: 1, spec: 1, specMatched: 1 });
      assert.match(withAuth.neutral[0], /^User /);
      const noAuth = matchEntities(makeGold({ entities: classes('Book'), auth: false }), spec, true);
      assert.deepEqual(noAuth.extra, ['User']);
    });

    it('do not punish names of the gold non-punish groups', () => {
      const gold = makeGold({ entities: classes('Form'), nonPunish: [['form', 'medicalForm', 'consent form']] });
      const m = matchEntities(gold, makeSpec({ entities: [{ name: 'Form' }, { name: 'ConsentForm' }] }), false);
      assert.deepEqual(m.counts, { gold: 1, goldMatched: 1, spec: 1, specMatched: 1 });
    });
  });

  describe('fields', () => {
    it('score sourced fields of matched entities, skip assumed ones and gold ids', () => {
      const gold = makeGold({ entities: [{ name: 'Airline', attributes: ['ID', 'Nmae', 'Country'] }, { name: 'Pilot', attributes: ['License'] }] });
      const spec = makeSpec({
        entities: [
          { name: 'Airline', fields: [{ name: 'airlineName' }, { name: 'founded' }, { name: 'country', sources: [] }] },
          { name: 'Pilot', fields: [{ name: 'licence' }] },
        ],
      });
      const m = matchEntities(gold, spec, true);
      const f = scoreFields(gold, spec, m);
      assert.deepEqual({ gold: f.gold, goldMatched: f.goldMatched, spec: f.spec, specMatched: f.specMatched }, { gold: 3, goldMatched: 2, spec: 3, specMatched: 2 });
      assert.deepEqual(f.missing, ['Airline.Country (gold Airline)']);
      assert.deepEqual(f.extra, ['Airline.founded']);
    });

    it('count inherited attributes and the enum field that found a subclass as right', () => {
      const gold = makeGold({
        entities: [{ name: 'Employee', attributes: ['Name'] }, { name: 'Pilot', attributes: ['License'] }],
        relations: [{ from: 'Pilot', to: 'Employee', kind: 'inheritance' }],
      });
      const spec = makeSpec({
        entities: [
          { name: 'Employee', fields: [{ name: 'name' }, { name: 'role', type: 'enum', enumValues: ['pilot'] }, { name: 'license' }] },
          { name: 'Staff', fields: [{ name: 'name' }] },
        ],
      });
      const m = matchEntities(gold, spec, true);
      const f = scoreFields(gold, spec, m);
      assert.equal(f.gold, 2);
      assert.equal(f.goldMatched, 2, "the child's License is looked for on Employee");
      assert.equal(f.specMatched, 3);
    });
  });

  describe('relations', () => {
    it('compare unordered pairs: composition whole -> part equals belongsTo part -> whole', () => {
      const gold = makeGold({
        entities: classes('Order', 'OrderLine', 'Customer'),
        relations: [
          { from: 'Order', to: 'OrderLine', kind: 'composition' },
          { from: 'Customer', to: 'Order', kind: 'association' },
        ],
      });
      const spec = makeSpec({
        entities: [{ name: 'Order' }, { name: 'OrderLine' }, { name: 'Customer' }],
        relations: [
          { from: 'OrderLine', to: 'Order' },
          { from: 'Order', to: 'OrderLine', name: 'again' },
        ],
      });
      const r = scoreRelations(gold, spec, matchEntities(gold, spec, true));
      assert.deepEqual({ gold: r.gold, goldMatched: r.goldMatched, spec: r.spec, specMatched: r.specMatched }, { gold: 2, goldMatched: 1, spec: 2, specMatched: 1 });
      assert.equal(r.missing.length, 1);
      assert.match(r.missing[0], /^Customer – Order/);
    });

    it('find a many-to-many through manyToMany or a join entity, not an association of known multiplicity', () => {
      const gold = makeGold({
        entities: classes('Student', 'Course', 'Teacher'),
        relations: [
          { from: 'Student', to: 'Course', kind: 'many-to-many' },
          { from: 'Teacher', to: 'Course', kind: 'association' },
        ],
      });
      const joined = makeSpec({
        entities: [{ name: 'Student' }, { name: 'Course' }, { name: 'Teacher' }, { name: 'Enrollment' }, { name: 'Assignment' }],
        relations: [
          { from: 'Enrollment', to: 'Student' },
          { from: 'Enrollment', to: 'Course' },
          { from: 'Assignment', to: 'Teacher' },
          { from: 'Assignment', to: 'Course' },
        ],
      });
      const score = scoreText(gold, joined);
      assert.equal(score.relations?.goldMatched, 1);
      assert.deepEqual(score.relations?.joinEntities, ['Enrollment']);
      assert.deepEqual(score.entities.extra, ['Assignment'], 'the join entity of a gold many-to-many is not a wrong entity');

      const direct = makeSpec({ entities: [{ name: 'Student' }, { name: 'Course' }], relations: [{ from: 'Course', to: 'Student', kind: 'manyToMany' }] });
      assert.equal(scoreRelations(gold, direct, matchEntities(gold, direct, true)).goldMatched, 1);

      const unknown = makeGold({ ...gold, relations: [{ from: 'Teacher', to: 'Course', kind: 'association', unknownMultiplicity: true }] });
      assert.equal(scoreRelations(unknown, joined, matchEntities(unknown, joined, true)).goldMatched, 1);
    });

    it('count an association class and the association it is attached to as one relation', () => {
      // PlantUML: Hive "*" -- "*" Keeper, (Hive, Keeper) .. Visit: one association whose links are visits.
      const gold = makeGold({
        entities: [...classes('Hive', 'Keeper'), { name: 'Visit', attributes: ['date'] }],
        relations: [
          { from: 'Hive', to: 'Keeper', kind: 'many-to-many' },
          { from: 'Hive', to: 'Keeper', kind: 'association', associationClass: 'Visit' },
        ],
      });
      const direct = makeSpec({ entities: [{ name: 'Hive' }, { name: 'Keeper' }], relations: [{ from: 'Hive', to: 'Keeper' }] });
      const d = scoreRelations(gold, direct, matchEntities(gold, direct, true));
      assert.deepEqual({ gold: d.gold, goldMatched: d.goldMatched, spec: d.spec, specMatched: d.specMatched }, { gold: 1, goldMatched: 1, spec: 1, specMatched: 1 });

      const both = makeSpec({
        entities: [{ name: 'Hive' }, { name: 'Keeper' }, { name: 'Inspection' }],
        relations: [{ from: 'Keeper', to: 'Hive' }, { from: 'Inspection', to: 'Hive' }, { from: 'Inspection', to: 'Keeper' }],
      });
      const b = scoreRelations(gold, both, matchEntities(gold, both, true));
      assert.deepEqual({ gold: b.gold, goldMatched: b.goldMatched, spec: b.spec, specMatched: b.specMatched }, { gold: 1, goldMatched: 1, spec: 2, specMatched: 2 }, 'the join entity carries it; the direct link of the same pair is not counted');

      const alone = makeGold({ ...gold, relations: [{ from: 'Hive', to: 'Keeper', kind: 'association', associationClass: 'Visit' }] });
      assert.equal(scoreRelations(alone, direct, matchEntities(alone, direct, true)).gold, 1, 'an association class with no line of its own is still a relation');
    });

    it('find an association of a class through links of its subclasses found as entities of their own', () => {
      const gold = makeGold({
        entities: classes('Orchestra', 'Musician', 'Violinist', 'Drummer', 'Hall'),
        relations: [
          { from: 'Orchestra', to: 'Musician', kind: 'association' },
          { from: 'Violinist', to: 'Musician', kind: 'inheritance' },
          { from: 'Drummer', to: 'Musician', kind: 'inheritance' },
          { from: 'Orchestra', to: 'Hall', kind: 'association' },
        ],
      });
      const spec = makeSpec({
        entities: [{ name: 'Orchestra' }, { name: 'Violinist' }, { name: 'Drummer' }, { name: 'Hall' }],
        relations: [{ from: 'Violinist', to: 'Orchestra' }, { from: 'Drummer', to: 'Orchestra' }, { from: 'Drummer', to: 'Hall' }],
      });
      const r = scoreRelations(gold, spec, matchEntities(gold, spec, true));
      assert.deepEqual({ gold: r.gold, goldMatched: r.goldMatched, spec: r.spec, specMatched: r.specMatched }, { gold: 2, goldMatched: 1, spec: 3, specMatched: 2 });
      assert.deepEqual(r.extra.map((e) => e.split(' (')[0]), ['Drummer – Hall'], 'a link the gold has for no ancestor stays wrong');
    });

    it('map a person class with attributes that the spec made a role to User for relations only', () => {
      const gold = makeGold({
        entities: [{ name: 'Member', attributes: ['phone'] }, { name: 'Booking', attributes: [] }],
        relations: [{ from: 'Booking', to: 'Member', kind: 'association' }],
        auth: true,
      });
      const spec = makeSpec({ entities: [{ name: 'User' }, { name: 'Booking' }], relations: [{ from: 'Booking', to: 'User' }], roles: ['member'] });
      const s = scoreText(gold, spec);
      assert.deepEqual(s.entities.missing, ['Member']);
      assert.equal(s.relations?.goldMatched, 1);
      assert.equal(s.relations?.specMatched, 1);
    });

    it('map ends found as a role to User, leave inheritance and enum ends out, resolve stemmed ends', () => {
      const gold = makeGold({
        entities: [...classes('Loan', 'Member', 'employees', 'schedules', 'Librarian'), { name: 'Status', attributes: [], kind: 'enum', literals: ['Open'] }],
        relations: [
          { from: 'Loan', to: 'Member', kind: 'association' },
          { from: 'Loan', to: 'Status', kind: 'association' },
          { from: 'Librarian', to: 'Member', kind: 'inheritance' },
          { from: 'employe', to: 'schedul', kind: 'association' },
        ],
      });
      const spec = makeSpec({
        entities: [{ name: 'User' }, { name: 'Loan' }, { name: 'Employee' }, { name: 'Schedule' }],
        relations: [
          { from: 'Loan', to: 'User' },
          { from: 'Schedule', to: 'Employee' },
        ],
        roles: ['member'],
      });
      const r = scoreRelations(gold, spec, matchEntities(gold, spec, true));
      assert.deepEqual({ gold: r.gold, goldMatched: r.goldMatched, spec: r.spec, specMatched: r.specMatched }, { gold: 2, goldMatched: 2, spec: 2, specMatched: 2 });
    });
  });

  describe('rules', () => {
    const sentences = [
      'Events have a capacity.',
      'Registration is refused once the event is full.',
      'A booking lasts between 1 and 8 hours.',
      'Emails must be unique.',
      'Refunds are paid by bank transfer.',
      'Only one booking per room may be open at a time.',
      'Cancelled events cannot be edited.',
    ];
    const spec = makeSpec({
      sentences,
      entities: [
        { name: 'Event', fields: [{ name: 'capacity', type: 'integer' }] },
        { name: 'Registration' },
        { name: 'Booking', fields: [{ name: 'hours', type: 'integer', min: 1, max: 8, sources: [2] }] },
        { name: 'Member', fields: [{ name: 'email', type: 'email', unique: true, sources: [3] }] },
      ],
      relations: [{ from: 'Registration', to: 'Event', sources: [1] }],
      rules: [{ kind: 'capacity', entity: 'Registration', relation: 'event', capacityField: 'capacity', sources: [1] }],
      unimplemented: [{ text: sentences[4], reason: 'Payments are not generated.', sources: [4] }],
      notUnderstood: [{ text: sentences[5], reason: 'No rule for this.', sources: [5] }],
    });
    const gold = makeGold({
      entities: classes('Event', 'Registration', 'Booking', 'Member'),
      rules: [
        { kind: 'capacity', entity: 'Registration', text: 'registration is refused once the event is full' },
        { kind: 'range', entity: 'Booking', text: 'lasts between 1 and 8 hours' },
        { kind: 'unique', entity: 'Member', text: 'Emails must be unique' },
        { kind: 'refuseWhen', entity: 'Booking', text: 'Refunds are paid by bank transfer' },
        { kind: 'noOverlap', entity: 'Booking', text: 'only one booking per room may be open at a time' },
        { kind: 'refuseWhen', entity: 'Event', text: 'Cancelled events cannot be edited' },
        { kind: 'capacity', entity: 'Event', text: 'Events have a capacity' },
      ],
    });

    it('finds the sentence that states a rule by word overlap', () => {
      assert.equal(findSentence(spec, 'registration is refused once the event is full'), 1);
      assert.equal(findSentence(spec, 'something else entirely'), undefined);
    });

    it('are implemented (same kind on the mapped entity, range ~ min/max, unique ~ unique field), listed, or silently dropped', () => {
      const r = scoreRules(gold, spec, matchEntities(gold, spec, true), accountSentences(spec));
      assert.deepEqual(
        r.results.map((x) => x.outcome),
        ['implemented', 'implemented', 'implemented', 'listed', 'listed', 'dropped', 'dropped'],
      );
      assert.equal(r.results[5].status, 'unaccounted', 'a sentence nothing explains is a silent drop');
      assert.equal(r.results[6].status, 'mapped', 'a sentence that became a field but not the rule is a silent drop too');
      assert.deepEqual({ total: r.total, implemented: r.implemented, listed: r.listed, dropped: r.dropped }, { total: 7, implemented: 3, listed: 2, dropped: 2 });
    });

    it('are counted per gold rule kind, for one text and summed over texts', () => {
      const r = scoreRules(gold, spec, matchEntities(gold, spec, true), accountSentences(spec));
      assert.deepEqual(rulesByKind(r.results), {
        capacity: { total: 2, implemented: 1, listed: 0, dropped: 1 },
        range: { total: 1, implemented: 1, listed: 0, dropped: 0 },
        unique: { total: 1, implemented: 1, listed: 0, dropped: 0 },
        refuseWhen: { total: 2, implemented: 0, listed: 1, dropped: 1 },
        noOverlap: { total: 1, implemented: 0, listed: 1, dropped: 0 },
      });
      assert.deepEqual(rulesByKind([]), {});
      const text = scoreText(gold, spec);
      const total = summarize([text, text]);
      assert.deepEqual(total.rules.byKind.refuseWhen, { total: 4, implemented: 0, listed: 2, dropped: 2 });
      assert.deepEqual(total.rules.byKind.capacity, { total: 4, implemented: 2, listed: 0, dropped: 2 });
      const kinds = Object.values(total.rules.byKind);
      assert.equal(kinds.reduce((n, c) => n + c.total, 0), total.rules.total, 'the kinds add up to the total');
      assert.equal(kinds.reduce((n, c) => n + c.dropped, 0), total.rules.dropped);
    });

    it('say why each rule was missed, as a category with no requirement words, summed per kind', () => {
      const r = scoreRules(gold, spec, matchEntities(gold, spec, true), accountSentences(spec));
      assert.deepEqual(
        r.results.map((x) => x.reason),
        [
          undefined,
          undefined,
          undefined,
          'listed: not generated: payments',
          'listed: other listed reason',
          'dropped: sentence unaccounted',
          'dropped: claimed by entity/field, no rule-like clause found',
        ],
      );
      assert.equal(reasonCategory('Reads like a limit, but it was not recognised as a rule Takoss can enforce (…).'), 'rule words, no pattern matched');
      assert.equal(reasonCategory('Looks like a value range (at most 5), but Booking.hours is a string field, not a number.'), 'entity found, field missing or wrong type');
      assert.equal(reasonCategory('Looks like only clerk may add rooms, but clerk is not a sign-in role of the app.'), 'role not a sign-in role');
      assert.equal(reasonCategory('Something new entirely'), 'other listed reason');
      const other = makeSpec({
        sentences: ['Guests rate a stay from 1 to 5.', 'Only hosts can close a stay.'],
        entities: [{ name: 'Guest', fields: [{ name: 'rating', type: 'integer', min: 1, max: 5, sources: [0] }] }, { name: 'Stay' }],
        rules: [{ kind: 'ownership', entity: 'Stay', actions: ['update'], sources: [1] }],
      });
      const otherGold = makeGold({
        entities: classes('Guest', 'Stay', 'Review'),
        rules: [
          { kind: 'range', entity: 'Stay', text: 'Guests rate a stay from 1 to 5' },
          { kind: 'roleRequired', entity: 'Stay', text: 'Only hosts can close a stay' },
          { kind: 'range', entity: 'Review', text: 'Guests rate a stay from 1 to 5' },
        ],
      });
      const o = scoreRules(otherGold, other, matchEntities(otherGold, other, true), accountSentences(other));
      assert.deepEqual(
        o.results.map((x) => x.reason),
        ['dropped: range rule made on another entity', 'dropped: made as ownership instead', "dropped: rule's entity not found, made range elsewhere"],
      );
      const total = summarize([scoreText(gold, spec), scoreText(gold, spec)]);
      assert.deepEqual(total.rules.missReasons.refuseWhen, { 'listed: not generated: payments': 2, 'dropped: sentence unaccounted': 2 });
      assert.deepEqual(missReasonsByKind(r.results).capacity, { 'dropped: claimed by entity/field, no rule-like clause found': 1 });
    });
  });

  describe('roles, auth, not-stored nouns and totals', () => {
    it('score roles with synonyms (administrator ~ admin)', () => {
      const spec = makeSpec({ entities: [{ name: 'User' }], roles: ['admin', 'member', 'guest'] });
      const r = scoreRoles(['administrator', 'member', 'librarian'], spec, { synonyms });
      assert.deepEqual({ gold: r.gold, goldMatched: r.goldMatched, spec: r.spec, specMatched: r.specMatched }, { gold: 3, goldMatched: 2, spec: 3, specMatched: 2 });
      assert.deepEqual([r.missing, r.extra], [['librarian'], ['guest']]);
      assert.equal(scoreRoles(['administrator'], spec).goldMatched, 0, 'without the table they differ');
    });

    it('scores a whole text and sums texts', () => {
      const gold = goldFromDevRow(
        {
          id: 'x',
          form: 'prose',
          requirements: 'Members borrow books.',
          entities: [{ name: 'Book', attributes: ['title'] }, { name: 'Member', attributes: [] }],
          relations: [],
          auth: true,
          roles: ['member'],
          rules: [],
          not_stored: ['shelf'],
        },
        'dev',
      );
      const spec = makeSpec({ sentences: ['Members borrow books.', 'Shelves hold books.'], entities: [{ name: 'Book', fields: [{ name: 'title' }] }, { name: 'Shelf' }], roles: ['member'] });
      const s = scoreText(gold, spec);
      assert.deepEqual(s.notStored, { total: 1, became: ['shelf'] });
      assert.deepEqual(s.auth, { expected: true, found: true });
      assert.equal(s.form, 'prose');
      const total = summarize([s, s]);
      assert.deepEqual(total.entities, { gold: 4, goldMatched: 4, spec: 4, specMatched: 2 }, 'Member is found as a role; Shelf is wrong');
      assert.equal(total.notStored.became, 2);
      assert.equal(total.auth.right, 2);
      assert.equal(total.accounting.sentences, 4);
      const p = prf(total.entities);
      assert.equal(p.f1.toFixed(3), '0.667');
      assert.ok(Number.isNaN(prf({ gold: 0, goldMatched: 0, spec: 0, specMatched: 0 }).f1));
    });

    it('reads the three gold formats', () => {
      const e = goldFromEvalRow({ id: 'a', requirements: 'r', expected_entities: ['User'], expects_auth: true });
      assert.deepEqual([e.entities, e.auth, e.has.relations], [[{ name: 'User', attributes: [] }], true, false]);
      const c = goldFromCombinedRow({
        id: 'seibert-ds3:X',
        requirements: 'r',
        entities: [{ name: 'A', attributes: ['x'] }, { name: 'E', attributes: [], kind: 'enum', literals: ['P'] }],
        relations: [
          { from: 'A', to: 'B', kind: 'association' },
          { from: 'A', to: 'C', kind: 'association', from_mult: '1', to_mult: '*' },
        ],
        non_punish_groups: [{ concept: 'form', synonyms: ['medical form'] }],
      });
      assert.equal(c.group, 'seibert-ds3');
      assert.deepEqual(c.nonPunish, [['form', 'medical form']]);
      assert.deepEqual(c.relations.map((r) => !!r.unknownMultiplicity), [true, false]);
      assert.equal(c.has.auth, false);
    });
  });
});
