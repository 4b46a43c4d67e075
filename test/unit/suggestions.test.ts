import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { accountSentences } from '../../src/model/project/accounting';
import { generateProject } from '../../src/core/generator';
import { ProjectSpec, type Rule } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';
import {
  addRuleForSentences,
  applySuggestion,
  dismissNotUnderstood,
  ignoreSentence,
  isDismissed,
  resolveWithRule,
  suggestionText,
  unignoreSentence,
} from '../../src/model/project/suggestions';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

function applied(result: ProjectSpec | string): ProjectSpec {
  if (typeof result === 'string') assert.fail(`refused: ${result}`);
  assert.deepEqual(validateSpec(result), []);
  return result;
}

describe('suggestions for what was not understood', () => {
  it('adds the suggested entity with a name field, cites the sentence, and resolves the item', () => {
    const before = load('fleet');
    const spec = applied(applySuggestion(before, 0, 0));
    const vehicle = spec.entities.find((e) => e.name === 'Vehicle');
    assert.ok(vehicle);
    assert.deepEqual(vehicle.sources, [2]);
    assert.deepEqual(
      vehicle.fields.map((f) => [f.name, f.type, f.required]),
      [['name', 'string', true]],
    );
    assert.ok(spec.pages.some((p) => p.entity === 'Vehicle' && p.kind === 'list' && p.sources.includes(2)), 'its pages cite the sentence too');
    assert.deepEqual(
      spec.notUnderstood.map((item) => item.text),
      ['A driver logs at most one trip per day.', 'Trips have a note.'],
    );
    assert.equal(accountSentences(spec)[2].status, 'mapped');
    assert.equal(before.notUnderstood.length, 3, 'the input is not changed');
    assert.ok(generateProject(spec).list().some((f) => f.path === 'backend/src/routes/vehicles.ts'));
  });

  it('adds the suggested rule and field, tagged with the item’s sentences', () => {
    const withRule = applied(applySuggestion(load('fleet'), 1, 0));
    assert.deepEqual(withRule.rules, [{ kind: 'unique', entity: 'Trip', fields: ['date'], sources: [4] }]);
    assert.equal(accountSentences(withRule)[4].status, 'mapped');
    const withField = applied(applySuggestion(withRule, 1, 0));
    const note = withField.entities[0].fields.find((f) => f.name === 'note');
    assert.deepEqual([note?.type, note?.label, note?.sources], ['text', 'Note', [5]]);
    assert.deepEqual(withField.notUnderstood.map((i) => i.text), ['Each trip uses a vehicle.']);
  });

  it('refuses a suggestion that no longer fits, with a reason, and leaves the spec alone', () => {
    const spec = load('fleet');
    const taken = { ...spec, entities: [...spec.entities, { ...spec.entities[0], name: 'Vehicle', sources: [] }] };
    assert.match(String(applySuggestion(taken, 0, 0)), /already an entity called Vehicle/);
    const noDate = { ...spec, entities: [{ ...spec.entities[0], fields: spec.entities[0].fields.filter((f) => f.name !== 'date') }] };
    assert.match(String(applySuggestion(noDate, 1, 0)), /inconsistent: Rule unique on Trip: Trip has no field or relation date/);
    const twice = applied(applySuggestion(spec, 2, 0));
    const again = { ...twice, notUnderstood: spec.notUnderstood };
    assert.match(String(applySuggestion(again, 2, 0)), /already has a field called note/);
    assert.match(String(applySuggestion(spec, 9, 0)), /no not-understood item 10/);
    assert.match(String(applySuggestion(spec, 0, 3)), /has no suggestion 4/);
  });

  it('judges a suggestion by what it breaks, not by problems the spec already had', () => {
    const spec = load('fleet');
    const broken = { ...spec, rules: [{ kind: 'unique', entity: 'Ghost', fields: ['x'], sources: [] } as Rule] };
    const result = applySuggestion(broken, 0, 0);
    assert.notEqual(typeof result, 'string');
  });

  it('adds a rule the user wrote for an item or a sentence, citing it', () => {
    const rule: Rule = { kind: 'unique', entity: 'Trip', fields: ['date', 'distance'], sources: [] };
    const spec = applied(resolveWithRule(load('fleet'), 1, rule));
    assert.deepEqual(spec.rules[0].sources, [4]);
    assert.equal(spec.notUnderstood.length, 2);
    const forSentence = applied(addRuleForSentences(load('fleet'), [6], rule));
    assert.deepEqual(forSentence.rules[0].sources, [6]);
    assert.equal(accountSentences(forSentence)[6].status, 'mapped');
    assert.match(String(addRuleForSentences(forSentence, [6], rule)), /already has this rule/);
    assert.match(String(resolveWithRule(load('fleet'), 0, { ...rule, entity: 'Nope' })), /unknown entity/);
  });

  it('ignores and un-ignores sentences; dismissing an item ignores its sentences and un-ignoring brings it back', () => {
    const spec = load('fleet');
    const ignored = ignoreSentence(spec, 6);
    assert.deepEqual(ignored.ignoredSentences, [6, 7]);
    assert.equal(accountSentences(ignored)[6].status, 'ignored');
    assert.equal(ignoreSentence(ignored, 6), ignored, 'twice is once');
    assert.equal(ignoreSentence(spec, 42), spec, 'an unknown sentence changes nothing');
    assert.deepEqual(unignoreSentence(ignored, 6).ignoredSentences, [7]);
    assert.equal(unignoreSentence(spec, 3), spec);

    const dismissed = dismissNotUnderstood(spec, 0);
    assert.ok(typeof dismissed !== 'string');
    assert.deepEqual(dismissed.ignoredSentences, [2, 7]);
    assert.equal(dismissed.notUnderstood.length, 3, 'kept, so it can come back');
    assert.ok(isDismissed(dismissed, dismissed.notUnderstood[0]));
    assert.equal(accountSentences(dismissed)[2].status, 'ignored');
    const back = unignoreSentence(dismissed, 2);
    assert.ok(!isDismissed(back, back.notUnderstood[0]));
    assert.equal(accountSentences(back)[2].status, 'notUnderstood');

    const loose = { ...spec, notUnderstood: [{ text: 'x', reason: 'y', sources: [], suggestions: [] }] };
    const gone = dismissNotUnderstood(loose, 0);
    assert.ok(typeof gone !== 'string');
    assert.deepEqual(gone.notUnderstood, [], 'an item citing no sentence is removed');
  });

  it('says what each suggestion does', () => {
    const [vehicle, rule, note] = load('fleet').notUnderstood.map((item) => item.suggestions[0]);
    assert.equal(suggestionText(vehicle), 'Add Vehicle as an entity');
    assert.equal(suggestionText(rule), 'Add rule: the date is unique among trips');
    assert.equal(suggestionText(note), 'Add field note (text) to Trip');
  });

  it('keeps the new fields through the schema (round trip as JSON)', () => {
    const spec = applied(applySuggestion(ignoreSentence(load('fleet'), 6), 0, 0));
    const again = ProjectSpec.parse(JSON.parse(JSON.stringify(spec)));
    assert.deepEqual(again, spec);
    assert.deepEqual(again.ignoredSentences, [6, 7]);
    assert.equal(again.notUnderstood.length, 2);
    assert.equal(again.requirements.sentences[0].heading, true);
  });
});
