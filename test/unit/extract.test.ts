import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractSpec } from '../../src/core/extract';
import { ProjectSpec, type Entity } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';

const root = path.resolve(__dirname, '..', '..', '..');

/** Extracts and checks the contract every result must meet. */
function extract(text: string, options?: { projectName?: string }): ProjectSpec {
  const spec = extractSpec(text, options);
  assert.doesNotThrow(() => ProjectSpec.parse(spec));
  assert.deepEqual(validateSpec(spec), []);
  return spec;
}

function entity(spec: ProjectSpec, name: string): Entity {
  const found = spec.entities.find((e) => e.name === name);
  assert.ok(found, `expected entity ${name}, got ${spec.entities.map((e) => e.name).join(', ')}`);
  return found;
}

function fieldType(spec: ProjectSpec, entityName: string, fieldName: string): string {
  const field = entity(spec, entityName).fields.find((f) => f.name === fieldName);
  assert.ok(field, `expected ${entityName}.${fieldName}, got ${entity(spec, entityName).fields.map((f) => f.name).join(', ')}`);
  return field.type;
}

function relation(spec: ProjectSpec, from: string, to: string) {
  const found = spec.relations.find((r) => r.from === from && r.to === to);
  assert.ok(found, `expected a relation ${from} -> ${to}, got ${spec.relations.map((r) => `${r.from}.${r.name}->${r.to}`).join(', ')}`);
  return found;
}

describe('extractSpec: entities and fields', () => {
  it('reads "X has a, b and c" with optional fields and enum values', () => {
    const spec = extract('A task has a title, an optional description, a due date, a priority (low, medium, high) and a status (todo, in progress, done).');
    const task = entity(spec, 'Task');
    assert.deepEqual(task.fields.map((f) => f.name), ['title', 'description', 'dueDate', 'priority', 'status']);
    assert.equal(task.fields[0].required, true);
    assert.equal(task.fields[1].required, false);
    assert.equal(task.fields[1].type, 'text');
    assert.equal(task.fields[2].type, 'date');
    assert.deepEqual(task.fields[3].enumValues, ['low', 'medium', 'high']);
    assert.deepEqual(task.fields[4].enumValues, ['todo', 'in_progress', 'done']);
    assert.equal(task.fields[4].default, 'todo');
  });

  it('reads parenthesised field lists and compound nouns', () => {
    const spec = extract('Track products (SKU, name, unit price, quantity on hand), suppliers (name, email, phone) and purchase orders.');
    assert.deepEqual(entity(spec, 'Product').fields.map((f) => f.name), ['sku', 'name', 'unitPrice', 'quantityOnHand']);
    assert.equal(fieldType(spec, 'Product', 'unitPrice'), 'money');
    assert.equal(fieldType(spec, 'Product', 'quantityOnHand'), 'integer');
    assert.equal(fieldType(spec, 'Supplier', 'email'), 'email');
    entity(spec, 'PurchaseOrder');
  });

  it('reads "E with a, b" and bullet lists introduced by a colon', () => {
    const spec = extract('People post recipes with a title, an ingredients list, preparation steps, cooking time in minutes and number of servings.\n\nA book has the following fields:\n- title\n- website\n- is available\n- number of pages');
    const recipe = entity(spec, 'Recipe');
    assert.deepEqual(recipe.fields.map((f) => [f.name, f.type]), [
      ['title', 'string'],
      ['ingredients', 'text'],
      ['preparationSteps', 'text'],
      ['cookingTime', 'integer'],
      ['servings', 'integer'],
    ]);
    assert.match(recipe.fields[3].label, /minutes/);
    assert.deepEqual(entity(spec, 'Book').fields.map((f) => [f.name, f.type]), [
      ['title', 'string'],
      ['website', 'url'],
      ['available', 'boolean'],
      ['pageCount', 'integer'],
    ]);
  });

  it('infers types from names and words', () => {
    const spec = extract('Patients (name, date of birth, email, website, bio, budget, capacity, start time, is active) see doctors.');
    const types = Object.fromEntries(entity(spec, 'Patient').fields.map((f) => [f.name, f.type]));
    assert.deepEqual(types, {
      name: 'string', dateOfBirth: 'date', email: 'email', website: 'url', bio: 'text', budget: 'money', capacity: 'integer', startTime: 'datetime', active: 'boolean',
    });
  });

  it('keeps numeric choices as an integer with a unit, and ranges as min/max', () => {
    const spec = extract('An appointment has a start time, a duration of 15, 30 or 60 minutes and a reason. A review has a rating (1-5) and a comment.');
    assert.equal(fieldType(spec, 'Appointment', 'duration'), 'integer');
    const rating = entity(spec, 'Review').fields.find((f) => f.name === 'rating');
    assert.equal(rating?.type, 'integer');
    assert.equal(rating?.min, 1);
    assert.equal(rating?.max, 5);
  });

  it('uses the knowledge table for entities named without fields', () => {
    const spec = extract('Blog with auth and posts.');
    assert.deepEqual(spec.entities.map((e) => e.name), ['User', 'Post']);
    const post = entity(spec, 'Post');
    assert.deepEqual(post.fields.map((f) => [f.name, f.type, f.required]), [
      ['title', 'string', true],
      ['body', 'text', true],
      ['publishedOn', 'date', false],
    ]);
    assert.equal(post.ownerRelation, 'author');
    assert.equal(spec.auth.kind, 'emailPassword');
    assert.deepEqual(spec.rules, [{ kind: 'ownership', entity: 'Post', actions: ['update', 'delete'], sources: [0] }]);
    assert.ok(spec.warnings.some((w) => w.startsWith('Post: no fields')));
  });

  it('does not turn field words, UI words or verbs into entities', () => {
    const spec = extract('Categories have a name. Each expense has an amount, a date, a note and a category. Users click the save button on the settings page. Patients book appointments.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(!names.includes('Note'), names.join(','));
    assert.ok(!names.includes('Setting'), names.join(','));
    assert.ok(!names.includes('Book'), names.join(','));
    assert.equal(fieldType(spec, 'Expense', 'note'), 'text');
    relation(spec, 'Expense', 'Category');
  });
});

describe('extractSpec: relations', () => {
  it('reads "belongs to" and "has X, each with …"', () => {
    const spec = extract('Track products (SKU, name) and suppliers (name, email). A purchase order belongs to a supplier and has order lines, each with a product and a quantity.');
    const supplier = relation(spec, 'PurchaseOrder', 'Supplier');
    assert.equal(supplier.name, 'supplier');
    assert.equal(supplier.onDelete, 'restrict');
    const lines = relation(spec, 'OrderLine', 'PurchaseOrder');
    assert.equal(lines.onDelete, 'cascade');
    assert.equal(lines.inverseName, 'orderLines');
    relation(spec, 'OrderLine', 'Product');
    assert.equal(fieldType(spec, 'OrderLine', 'quantity'), 'integer');
  });

  it('reads "each X has many Y" and "assigned to a user"', () => {
    const spec = extract('Users sign up and log in. A user can create projects; each project has many tasks. A task has a title and a due date. Tasks can be assigned to a user.');
    assert.equal(relation(spec, 'Task', 'Project').onDelete, 'cascade');
    const assignee = spec.relations.find((r) => r.from === 'Task' && r.to === 'User');
    assert.equal(assignee?.name, 'assignee');
    assert.equal(assignee?.required, false);
    assert.equal(assignee?.onDelete, 'setNull');
    assert.equal(entity(spec, 'Project').ownerRelation, 'owner');
  });

  it('reads "X of a Y", "its Y", "on a Y" and field items naming entities', () => {
    const spec = extract(
      'Organizers create events (name, venue, capacity). A review of an event has a rating and a comment. Organizers can cancel an event, which cancels its registrations. Registrations have a ticket code and a seat. Members borrow books: a loan records the member, the book and the return date.',
    );
    relation(spec, 'Review', 'Event');
    assert.equal(relation(spec, 'Registration', 'Event').onDelete, 'cascade');
    relation(spec, 'Loan', 'Book');
  });

  it('links the creator of a record to User when people create it', () => {
    const spec = extract('A forum with boards, threads and replies. Registered users start threads on a board and reply to threads. Boards have a name and a description.');
    assert.equal(entity(spec, 'Thread').ownerRelation, 'author');
    relation(spec, 'Thread', 'Board');
    relation(spec, 'Reply', 'Thread');
  });
});

describe('extractSpec: auth', () => {
  const auth = (text: string) => extract(text).auth;

  it('recognises sign-in cues', () => {
    for (const text of ['Users log in to see their tasks. A task has a title and a status (open, done).', 'People sign up to post notes.', 'Customers have accounts and place orders.', 'Registered users write posts.']) {
      assert.equal(auth(text).kind, 'emailPassword', text);
    }
    assert.equal(auth('A task has a title and a status (open, done). Tasks can be listed.').kind, 'none');
    assert.equal(auth('Attendees register for events. An event has a name and a date.').kind, 'none');
  });

  it('an agent noun of a verb that logs in is a role ("Couriers or dispatchers log in")', () => {
    const roles = auth('Couriers or dispatchers log in to see parcels. Each parcel has a weight and an address.');
    assert.ok(roles.kind === 'emailPassword' && roles.roles.includes('dispatcher') && roles.roles.includes('courier'), JSON.stringify(roles));
  });

  it('reads roles, the default role and the admin role', () => {
    const clinic = extract('Patients (name, phone) book appointments with doctors (name, specialty). Receptionists log in to manage everything; patients do not log in.');
    assert.deepEqual(clinic.auth, { kind: 'emailPassword', roles: ['receptionist'], defaultRole: 'receptionist', adminRole: 'receptionist', selfSignup: false, sources: [1] });
    entity(clinic, 'Patient');
    const forum = extract('Registered users start threads. Moderators can lock a thread.').auth;
    assert.ok(forum.kind === 'emailPassword' && forum.roles.includes('moderator') && forum.defaultRole === 'member');
  });

  it('ignores cues in Bonus sections and says so nowhere else', () => {
    const spec = extract('# Voting\n\nUsers can see a list of items and vote on them.\n\n## Bonus features\n\n- Only allow authenticated users to vote');
    assert.equal(spec.auth.kind, 'none');
    entity(spec, 'Item');
    entity(spec, 'Vote');
  });
});

describe('extractSpec: rules', () => {
  it('capacity against a parent field, with activeWhenNull for loans', () => {
    const events = extract('Organizers create events (name, start time, capacity). Attendees register for events; registration is refused once capacity is reached.');
    assert.ok(events.rules.some((r) => r.kind === 'capacity' && r.entity === 'Registration' && r.relation === 'event' && r.capacityField === 'capacity'));
    const library = extract('Books have a title and number of copies. A loan records the member, the book, the loan date and the return date. A member cannot borrow a book when no copy is free.');
    assert.ok(library.rules.some((r) => r.kind === 'capacity' && r.entity === 'Loan' && r.capacityField === 'copyCount' && r.activeWhenNull === 'returnDate'));
  });

  it('unique, noOverlap, ownership and roleRequired', () => {
    const spec = extract(
      'Staff must log in; only admins can delete things. Doctors (name, specialty) have appointments. An appointment has a start time and a duration in minutes. A doctor cannot have two overlapping appointments. Each registration gets a unique ticket code. Registrations belong to an appointment.',
    );
    assert.ok(spec.rules.some((r) => r.kind === 'noOverlap' && r.entity === 'Appointment' && r.scope === 'doctor' && r.start === 'startTime' && r.durationMinutesField === 'duration'));
    assert.ok(spec.rules.some((r) => r.kind === 'unique' && r.entity === 'Registration' && r.fields[0] === 'ticketCode'));
    assert.ok(spec.rules.some((r) => r.kind === 'roleRequired' && r.entity === 'Doctor' && r.actions.includes('delete') && r.roles[0] === 'admin'));
    const recipes = extract('People post recipes with a title and ingredients. Only the author can edit or delete a recipe.');
    assert.ok(recipes.rules.some((r) => r.kind === 'ownership' && r.entity === 'Recipe' && r.actions.join() === 'update,delete'));
    assert.equal(recipes.auth.kind, 'emailPassword');
  });

  it('a status workflow only when the values have a clear order', () => {
    const ordered = extract('An order has a total and a status (pending, paid, shipped, delivered, cancelled).');
    const workflow = ordered.rules.find((r) => r.kind === 'statusWorkflow');
    assert.ok(workflow && workflow.kind === 'statusWorkflow');
    assert.equal(workflow.initial, 'pending');
    assert.deepEqual(workflow.transitions.slice(0, 3), [{ from: 'pending', to: 'paid' }, { from: 'paid', to: 'shipped' }, { from: 'shipped', to: 'delivered' }]);
    const unordered = extract('A ticket has a title and a status (red, green, blue).');
    assert.ok(!unordered.rules.some((r) => r.kind === 'statusWorkflow'));
  });

  it('lists behaviour it does not build as unimplemented', () => {
    const spec = extract('Products have a name and a quantity on hand. When a purchase order is marked received, the quantities on hand go up. Show total spent per category this month.');
    assert.equal(spec.unimplemented.length, 2);
    assert.deepEqual(spec.unimplemented.map((u) => u.sources), [[1], [2]]);
    assert.ok(spec.unimplemented.every((u) => u.reason.length > 20));
  });
});

describe('extractSpec: how many are held ("a quantity in stock")', () => {
  it('names the value with the place, its range found by that name, and "the stock of a product" is the same value', () => {
    const spec = extract('A spice has a name, a price and a quantity in stock. The quantity in stock can never go below zero.');
    const spice = spec.entities.find((e) => e.name === 'Spice');
    assert.deepEqual(spice?.fields.map((f) => f.name), ['name', 'price', 'quantityInStock']);
    assert.equal(spice?.fields.find((f) => f.name === 'quantityInStock')?.min, 0);
    const mentioned = extract('A spice has a name and a quantity in stock. Suppliers send parcels that add to the stock of a spice.');
    assert.deepEqual(mentioned.entities.find((e) => e.name === 'Spice')?.fields.map((f) => f.name), ['name', 'quantityInStock']);
    // (Another value of the record is not "the date" of it: "the date of a delivery" next to its end date.)
    const dates = extract('A delivery has an end date and a driver. The date of a delivery is set by the office.');
    assert.ok(dates.entities.find((e) => e.name === 'Delivery')?.fields.some((f) => f.name === 'date'));
  });
});

describe('extractSpec: "not generated" only for behaviour, not for the model\'s own data', () => {
  it('a field named photo or total, and the verb "report", are no feature left out; a kanban board and computed reports still are', () => {
    const listed = (text: string) => extract(text).unimplemented.map((u) => u.text);
    assert.deepEqual(listed('Residents sign in. Residents report broken lifts with a description and a photo. A lift has a number.'), []);
    assert.deepEqual(listed('An order has a date, a total and a photo.'), []);
    assert.equal(listed('An order has a date and a total. Staff move orders between columns on a kanban board.').length, 1);
    assert.equal(listed('An order has a date and a total. Managers see monthly reports of all orders.').length, 1);
  });
});

describe('extractSpec: "valid" is no part of a name', () => {
  it('"a valid licence number" is the licence number; "a valid from date" keeps its name', () => {
    const fieldsOf = (text: string, name: string) => extract(text).entities.find((e) => e.name === name)?.fields.map((f) => f.name);
    assert.deepEqual(fieldsOf('A pilot has a name and a valid licence number.', 'Pilot'), ['name', 'licenceNumber']);
    assert.deepEqual(fieldsOf('A voucher has a code and a valid from date.', 'Voucher'), ['code', 'validFrom']);
  });
});

describe('extractSpec: comments people write', () => {
  it('"cooks can comment on a recipe" keeps the comments, linked to the recipe', () => {
    const spec = extract('Cooks sign in and post recipes. A recipe has a title. Other cooks can comment on a recipe.');
    assert.ok(spec.entities.some((e) => e.name === 'Comment'), spec.entities.map((e) => e.name).join(' '));
    assert.ok(spec.relations.some((r) => r.from === 'Comment' && r.to === 'Recipe'), JSON.stringify(spec.relations));
  });
});

describe('extractSpec: a short first line is the title', () => {
  it('"Pet grooming", "cleaning company app": a title whatever the tagger reads as verbs, and not listed as not understood', () => {
    for (const [text, title] of [
      ['Pet grooming\n\nGroomers sign in. A dog has a name.', 'Pet grooming'],
      ['cleaning company app\n- clients have a name and a phone', 'Cleaning company app'],
      ['Community garden\n\nGardeners rent plots. A plot has a number.', 'Community garden'],
    ]) {
      const spec = extract(text);
      assert.equal(spec.title, title);
      assert.deepEqual(spec.notUnderstood.map((n) => n.text), [], text);
    }
    // A first line that is a sentence stays one: people and their verb, or an instruction.
    assert.ok(extract('Members book classes\nA class has a title.').entities.some((e) => e.name === 'Booking'));
    assert.ok(extract('Track expenses\nAn expense has an amount.').entities.some((e) => e.name === 'Expense'));
  });
});

describe('extractSpec: pages, names and sources', () => {
  it('derives name and title from the text or the option', () => {
    const spec = extract('Library lending app. Books have a title and an ISBN.');
    assert.equal(spec.title, 'Library lending app');
    assert.equal(spec.name, 'library-lending-app');
    const named = extract('Books have a title and an ISBN.', { projectName: 'My Shelf 2' });
    assert.equal(named.title, 'My Shelf 2');
    assert.equal(named.name, 'my-shelf-2');
  });

  it('builds home, auth and CRUD pages', () => {
    const spec = extract('Users sign up. A user can create projects with a name and a description.');
    assert.deepEqual(spec.pages.map((p) => `${p.kind} ${p.path}`), [
      'home /', 'login /login', 'register /register', 'list /projects', 'create /projects/new', 'detail /projects/:id', 'edit /projects/:id/edit',
    ]);
  });

  it('keeps sentence indices as sources', () => {
    const spec = extract('A team task manager. Users sign up. A task has a title and a due date.');
    assert.deepEqual(spec.requirements.sentences.map((s) => s.id), [0, 1, 2]);
    assert.deepEqual(entity(spec, 'Task').sources, [0, 2]);
    assert.deepEqual(entity(spec, 'Task').fields[1].sources, [2]);
    assert.deepEqual(spec.auth.sources, [1]);
  });
});

describe('extractSpec: robustness', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const randomText = (length: number, alphabet: string) => {
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(alphabet[Math.floor(random() * alphabet.length)]);
    return out.join('');
  };
  const vocabulary = 'user users has have a the order orders with and ( ) , . each product belongs to only admin can delete capacity unique code log in status todo done many its of on overlapping constructor __proto__ toString id'.split(' ');

  const cases: Record<string, string> = {
    empty: '',
    whitespace: ' \n\t \r\n  ',
    'random 1 MB': randomText(1_000_000, 'abcdefghijklmnopqrstuvwxyz     ,.;:()-\n\'"ABCDEFGHIJ0123456789#*/{}`'),
    'random words': Array.from({ length: 40_000 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '),
    german: 'Eine Anwendung für Bibliotheken. Benutzer können Bücher ausleihen. Jedes Buch hat einen Titel.',
    chinese: '一个任务管理应用。用户可以创建项目，每个项目有很多任务。',
    'TypeScript source': readFileSync(path.join(root, 'src/model/project/specIndex.ts'), 'utf8'),
    'emoji and control characters': '🎉 Users 😀 sign up\u0000\u0007 and log in. A post has a title 🚀, a body and tags (a, b).\u202e Each post belongs to a user.',
    markdown: '# Title\n\n- [ ] item one with https://example.com/x?y=1\n- **bold** `code`\n\n```js\nconst x = 1;\n```\n## Bonus\n- Users can log in',
    'prototype words': 'A status (a, b, a, c). A thing (constructor, id, createdAt, toString, __proto__). Books have id, created at, and prototype. Each constructor has many constructors.',
  };

  for (const [name, text] of Object.entries(cases)) {
    it(`never throws and stays valid: ${name}`, () => {
      const spec = extract(text);
      assert.ok(Array.isArray(spec.warnings));
    });
  }

  it('warns on empty text and on long text', () => {
    assert.match(extract('').warnings.join(' '), /empty/);
    assert.deepEqual(extract('   ').entities, []);
    assert.match(extract(cases['random 1 MB']).warnings.join(' '), /only the first/);
  });

  it('extracts a 1 MB text in reasonable time', function () {
    this.timeout(10_000);
    const started = Date.now();
    extractSpec(cases['random 1 MB']);
    assert.ok(Date.now() - started < 5_000);
  });

  it('is deterministic', () => {
    for (const text of Object.values(cases).slice(3)) assert.deepEqual(extractSpec(text), extractSpec(text));
  });

  it('falls back to the text or a safe name for odd project names', () => {
    assert.equal(extract('A task has a title and a due date.', { projectName: '!!!' }).name, 'task');
    assert.equal(extract('', { projectName: '123 Go' }).name, 'app-123-go');
  });

  it('never throws for non-string input', () => {
    assert.deepEqual(extract(undefined as unknown as string).entities, []);
  });
});
