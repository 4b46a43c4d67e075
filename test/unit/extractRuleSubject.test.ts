// A rule made on a record the sentence is not about is a silent error: it is said (the sentence is
// listed for the user to check), and subjects are read from the head of their noun phrase. Each
// test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { addEntity, addField, addRelation, newDraft, type Draft } from '../../src/core/extract/draft';
import { clausesOf, ruleLanguage } from '../../src/core/extract/rules/clauses';
import type { RuleContext } from '../../src/core/extract/rules/context';
import { dateOrder } from '../../src/core/extract/rules/dateOrder';
import { contextFor, readClause } from '../../src/core/extract/rules/index';
import { splitSentences } from '../../src/core/extract/sentences';
import type { FieldType, Rule } from '../../src/model/project/projectSpec';

function draftOf(entities: Record<string, Array<[string, FieldType]>>, relations: Array<[string, string]> = []): Draft {
  const draft = newDraft();
  for (const [key, fields] of Object.entries(entities)) {
    const entity = addEntity(draft, key, 0)!;
    entity.fieldsFromText = true;
    for (const [name, type] of fields) addField(entity, { words: [], name, type }, 0);
  }
  for (const [from, to] of relations) addRelation(draft, { from, to }, 0);
  return draft;
}

function contextOf(draft: Draft, text: string, hint?: string): RuleContext {
  const sentence = splitSentences(`Title.\n\n${text}`).sentences[1];
  return contextFor(draft, sentence, clausesOf(sentence).clauses[0], { roles: ['admin'], roleWords: new Set(), ensureOwner: () => true }, { hint });
}

/** readClause with one stand-in pattern that binds `rule` whatever the clause says (as a wrong binding would). */
function bindAndRead(draft: Draft, text: string, rule: { kind: Rule['kind']; entity: string } & Record<string, unknown>): string[] {
  const ctx = contextOf(draft, text);
  readClause(ctx, [{ name: 'bind', run: (c) => (c.draft.rules.push({ ...rule, sources: [c.sentence.id] } as unknown as Rule), c.outcome.rules++, true) }]);
  assert.equal(draft.rules.length, 1, 'the rule stays');
  return draft.notUnderstood.map((n) => n.reason);
}

describe('extract rules: a rule on a record the sentence does not name is said (issue #11)', () => {
  const blog = () => draftOf({ post: [['title', 'string']], comment: [['body', 'text']] }, [['comment', 'post']]);
  const ownPost = { kind: 'ownership', entity: 'Post', actions: ['delete'] } as const;

  it('a clause that names no record of the model but talks about another thing ("delete an invoice") is noted', () => {
    const notes = bindAndRead(blog(), 'Only the author or an admin may delete an invoice.', ownPost);
    assert.match(notes[0] ?? '', /ownership rule on Post was made from this sentence, but it names "invoice"/);
  });

  it('nothing is said when the clause names the record, or only its fields, people, periods and counts', () => {
    assert.deepEqual(bindAndRead(blog(), 'Only the author may delete a post.', ownPost), []);
    assert.deepEqual(bindAndRead(blog(), 'The title must be unique for three days.', { kind: 'unique', entity: 'Post', fields: ['title'] }), []);
    assert.deepEqual(bindAndRead(blog(), 'Only admins can remove comments of others.', { kind: 'roleRequired', entity: 'Comment', actions: ['delete'], roles: ['admin'] }), []);
  });

  it('a rule on a record neither named nor linked to the one named is noted; one linked to it is not', () => {
    const notes = bindAndRead(draftOf({ post: [['title', 'string']], tag: [['label', 'string']] }), 'Each post needs a unique title.', { kind: 'unique', entity: 'Tag', fields: ['label'] });
    assert.match(notes[0] ?? '', /uniqueness rule on Tag was made from this sentence, but it names Post/);
    const linked = bindAndRead(blog(), 'A post takes at most 50 replies.', { kind: 'capacity', entity: 'Comment', relation: 'post', max: 50 });
    assert.ok(!linked.some((n) => /was made from this sentence/.test(n)), linked.join(' | '));
  });
});

describe('extract rules: a rule whose record was a guess is said (issue #11)', () => {
  const hire = () => draftOf({ hire: [['returnDate', 'date']], costume: [['code', 'string'], ['deposit', 'decimal']] });

  it('a clause naming no record binds to what its sentence names: a bound set on another record is noted', () => {
    const draft = hire();
    const sentence = splitSentences('Title.\n\nThe return date of a hire is set, and the deposit must be at least 20.').sentences[1];
    const clauses = clausesOf(sentence).clauses;
    const ctx = contextFor(draft, sentence, clauses[clauses.length - 1], { roles: ['admin'], roleWords: new Set(), ensureOwner: () => true });
    readClause(ctx, [{ name: 'bound', run: (c) => ((c.draft.entities.find((e) => e.name === 'Costume')!.fields.find((f) => f.name === 'deposit')!.min = 20), c.draft.entities.find((e) => e.name === 'Costume')!.fields.find((f) => f.name === 'deposit')!.sources.add(c.sentence.id), c.outcome.rules++, true) }]);
    assert.match(draft.notUnderstood.map((n) => n.reason).join(' | '), /value range on Costume\.deposit was made from this sentence, but it names Hire/);
  });

  it('a rule on a record the clause names only in passing ("a result for the booking") while it is about a thing that is no record is noted', () => {
    const booking = () => draftOf({ booking: [['date', 'date'], ['rating', 'integer']] });
    const aside = bindAndRead(booking(), 'The host records a result for the booking: a rating out of 5.', { kind: 'unique', entity: 'Booking', fields: ['rating'] });
    assert.match(aside.join(' | '), /uniqueness rule on Booking was made from this sentence, which is about "result" .*names Booking only in passing/);
    const subject = bindAndRead(booking(), 'Each booking gets a rating out of 5.', { kind: 'unique', entity: 'Booking', fields: ['rating'] });
    assert.ok(!subject.some((n) => /was made from this sentence/.test(n)), subject.join(' | '));
  });

  it('a date order or a unique value on the second of two records named is noted; on the first (the subject) it is not', () => {
    const second = bindAndRead(hire(), 'A costume and a hire each have a code; codes are never reused on a hire.', { kind: 'unique', entity: 'Hire', fields: ['returnDate'] });
    assert.match(second.join(' | '), /uniqueness rule on Hire was made from this sentence, which names Costume and Hire; the rule may be about Costume/);
    assert.deepEqual(bindAndRead(hire(), 'The return date of a hire must come after the pick-up of the costume.', { kind: 'dateOrder', entity: 'Hire', earlier: 'returnDate', later: 'returnDate' }), []);
  });
});

describe('extract rules: a rule found by a field\'s name, off the record its context is about, is said (issue #11)', () => {
  /** readClause on one bullet under `heading`, with `hint` the record the text before is about, binding a bound on Product.score. */
  function boundUnder(heading: string, hint: string): string[] {
    const draft = draftOf({ product: [['name', 'string'], ['score', 'integer']], order: [['date', 'date']] });
    const sentence = splitSentences(`# Shop\n\n## ${heading}\n\n- The score must stay small.`).sentences.find((s) => !s.heading)!;
    const ctx = contextFor(draft, sentence, clausesOf(sentence).clauses[0], { roles: ['admin'], roleWords: new Set(), ensureOwner: () => true }, { hint });
    readClause(ctx, [{ name: 'bound', run: (c) => { const f = c.draft.entities.find((e) => e.name === 'Product')!.fields.find((g) => g.name === 'score')!; f.max = 5; f.sources.add(c.sentence.id); c.outcome.rules++; return true; } }]);
    return draft.notUnderstood.map((n) => n.reason);
  }

  it('a bound from a sentence naming no record, under a heading that does not name its record, while the text is about another record, is noted', () => {
    assert.match(boundUnder('Reviews', 'Order').join(' | '), /value range on Product\.score was made from this sentence, which names no record; the text around it is about Order/);
  });

  it('nothing is said when the heading names the record, or the text around is about that record', () => {
    assert.deepEqual(boundUnder('Products', 'Order'), []);
    assert.deepEqual(boundUnder('Reviews', 'Product'), []);
  });
});

describe('extract rules: date orders bound to the record their subject names (issue #11)', () => {
  it('two dates of two records, the clause naming neither record, give no rule and no new field', () => {
    const draft = draftOf({ event: [['startDate', 'date']], registration: [['openingDate', 'date'], ['closingDate', 'date']] }, [['registration', 'event']]);
    const ctx = contextOf(draft, 'The closing date must be before the start date.', 'Registration');
    assert.equal(dateOrder(ctx), true);
    assert.deepEqual(draft.rules, []);
    assert.ok(!draft.entities.find((e) => e.name === 'Registration')!.fields.some((f) => f.name === 'startDate'));
    assert.match(draft.notUnderstood[0]?.reason ?? '', /Event is the record with start date/);
  });

  it('"a reservation of a court must end after it starts" orders the reservation\'s times, not the court\'s', () => {
    const spec = extractSpec('Members reserve courts. A reservation has a start time and an end time. A reservation of a court must end after it starts.');
    const orders = spec.rules.filter((r) => r.kind === 'dateOrder');
    assert.deepEqual(orders.map((r) => r.entity), ['Reservation']);
    assert.ok(!spec.entities.find((e) => e.name === 'Court')?.fields.some((f) => /start|end/i.test(f.name)));
  });
});

describe('extract rules: a chain of states written with irregular participles (issue #11)', () => {
  const workflowOf = (text: string) => extractSpec(text).rules.flatMap((r) => (r.kind === 'statusWorkflow' ? [[r.entity, r.initial, r.transitions.map((t) => `${t.from}>${t.to}`).join(' ')]] : []));

  it('"an order is placed, paid and then shipped" and "an item is listed, sold and finally sent" are workflows', () => {
    assert.deepEqual(workflowOf('Customers place orders with a date and a total. An order is placed, paid and then shipped.'), [['Order', 'placed', 'placed>paid paid>shipped']]);
    assert.deepEqual(workflowOf('Sellers list items with a price. An item is listed, sold and finally sent.'), [['Item', 'listed', 'listed>sold sold>sent']]);
  });

  it('ruleLanguage: restrictions without "only", uniqueness without a modal and bare spans read like rules, so an unmade one is listed', () => {
    assert.equal(ruleLanguage('refunds are restricted to managers'), 'a restriction ("only")');
    assert.equal(ruleLanguage('the treasurer alone can mark rent as paid'), 'a restriction ("only")');
    assert.equal(ruleLanguage('approving a claim is up to the supervisor'), 'a restriction ("only")');
    assert.equal(ruleLanguage('invoices are issued exclusively by the accountant'), 'a restriction ("only")');
    assert.equal(ruleLanguage('every member\'s email is different'), 'a uniqueness rule');
    assert.equal(ruleLanguage('feedback after each visit, rating 1 to 5 + comment'), 'a range of values');
    // Multiplicities, clock times and counts are not rules.
    assert.equal(ruleLanguage('a ticket belongs to exactly one cruise'), undefined);
    assert.equal(ruleLanguage('the shop is open 9 to 17:30'), undefined);
    assert.equal(ruleLanguage('we receive 300-400 proposals'), undefined);
    assert.equal(ruleLanguage('members come from different towns'), undefined);
  });

  it('ruleLanguage: places a record holds, "once" after a modal, "their own" after an action and a wanted order in time read like rules', () => {
    assert.equal(ruleLanguage('a van seats 8 people'), 'a capacity limit');
    assert.equal(ruleLanguage('each room has a capacity of 40'), 'a capacity limit');
    assert.equal(ruleLanguage('the boat has 12 spots'), 'a capacity limit');
    assert.equal(ruleLanguage('a tour takes 12 people max'), 'a capacity limit');
    assert.equal(ruleLanguage('a member can review a book once'), 'a uniqueness rule');
    assert.equal(ruleLanguage('residents see their own permits'), 'an ownership rule');
    assert.equal(ruleLanguage('i want the end time of a shift to be after its start time'), 'an order in time');
    // Notes write numbers as digits ("1 vote per member") and forbid "duplicate" values without a modal.
    assert.equal(ruleLanguage('1 vote per member'), 'a limit per something');
    assert.equal(ruleLanguage('duplicate plates get rejected'), 'a uniqueness rule');
    assert.equal(ruleLanguage('a duplicate of the invoice is printed'), undefined);
    // "once" as a conjunction, "my own" without an action on it, and a clock time are not.
    assert.equal(ruleLanguage('once it is paid it is shipped'), undefined);
    assert.equal(ruleLanguage('i compare it to my own planner'), undefined);
    assert.equal(ruleLanguage('the shop opens at 9'), undefined);
  });

  it('ruleLanguage: a participle list before "then"/"finally" reads like a sequence of states, so an unmade one is listed', () => {
    assert.equal(ruleLanguage('the boxes are counted, weighed and then stored'), 'a sequence of states');
    assert.equal(ruleLanguage('fees are paid, held and finally refunded'), 'a sequence of states');
    assert.equal(ruleLanguage('orders are paid by card'), undefined);
  });
});

describe('extract rules: a value people give to a record, kept as one field, is said (issue #11)', () => {
  const reasons = (text: string) => extractSpec(text).notUnderstood.map((n) => n.reason).join(' | ');

  it('"judges give each entry a score between 1 and 10": the bound on Entry.score is made and the sentence says the score may be a record of its own', () => {
    const spec = extractSpec('Entries have a title and a score. Judges give each entry a score between 1 and 10.');
    const score = spec.entities.find((e) => e.name === 'Entry')?.fields.find((f) => f.name === 'score');
    assert.equal(score?.max, 10);
    assert.match(reasons('Entries have a title and a score. Judges give each entry a score between 1 and 10.'), /value range on Entry\.score was made from this sentence.*gives an entry their own score, the score is a record of its own/);
  });

  it('a bound stated of the record itself ("an entry has a score between 1 and 10") says nothing of the kind', () => {
    assert.doesNotMatch(reasons('Entries have a title. An entry has a score between 1 and 10.'), /record of its own/);
  });
});

describe('extract rules: a rule stated again about another thing is said (issue #11)', () => {
  const festival = 'A festival app. Festivals have a name, a start date and an end date. The end date must be after the start date. Bands play on stages.';
  const reasonsOf = (text: string, start: string) => {
    const spec = extractSpec(text);
    const sentence = spec.requirements.sentences.find((s) => s.text.startsWith(start))!;
    return { spec, reasons: spec.notUnderstood.filter((n) => n.sources.includes(sentence.id)).map((n) => n.reason).join(' ') };
  };

  it('"a stage\'s end date must come after the start date as well", merged into the festival\'s date order, is noted: it names a stage', () => {
    const { spec, reasons } = reasonsOf(`${festival} A stage's end date must come after the start date as well.`, "A stage's");
    assert.deepEqual(spec.rules.filter((r) => r.kind === 'dateOrder').map((r) => r.entity), ['Festival']);
    assert.match(reasons, /date order rule on Festival was made from this sentence, but it names "stage"/);
  });

  it('the same rule stated again about the same record says nothing', () => {
    assert.equal(reasonsOf(`${festival} A festival's end date must come after its start date.`, "A festival's").reasons, '');
  });
});

describe('extract rules: an ownership rule on a record named only after a preposition is said (issue #11)', () => {
  const reasonsOf = (text: string, start: string) => {
    const spec = extractSpec(text);
    const sentence = spec.requirements.sentences.find((s) => s.text.startsWith(start))!;
    return spec.notUnderstood.filter((n) => n.sources.includes(sentence.id)).map((n) => n.reason).join(' ');
  };
  const photos = 'A photo site. Members sign in. Albums have a title. Photos have a caption and belong to an album.';

  it('"members can only delete photos in albums they created" (the album owned) says the rule may be about Photo', () => {
    assert.match(reasonsOf(`${photos} Members can only delete photos in albums they created.`, 'Members can only delete'), /ownership rule on Album .* may be about Photo instead/);
  });

  it('"… photos in there own albums" (a typed "their") says it as well', () => {
    assert.match(reasonsOf(`${photos} Each member only deletes photos in there own albums.`, 'Each member'), /ownership rule on Album .* may be about Photo instead/);
  });

  it('"members can only delete their own photos" says nothing', () => {
    assert.equal(reasonsOf(`${photos} Members can only delete their own photos.`, 'Members can only delete'), '');
  });
});
