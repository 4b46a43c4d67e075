// Refusals in one of several stored states ("a tool that is broken or retired can't be borrowed") or
// in any state but one ("… a tool that is not available") (issue #11: such a sentence was listed as
// "no status value" though the record stores every value named). Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const shed = 'Staff and members sign in. The shed lends tools to members. A tool has a name and a status (available, broken, retired). A loan has a tool, a member and a start date. ';

/** The refusals made from the sentence that starts with `start`: entity, actions, condition. */
function refusals(text: string, start: string): string[] {
  const spec = extractSpec(text);
  const id = spec.requirements.sentences.find((s) => s.text.startsWith(start))?.id;
  assert.ok(id !== undefined, `no sentence starts with "${start}"`);
  return spec.rules
    .filter((r) => r.sources.includes(id) && r.kind === 'refuseWhen')
    .map((r) => (r.kind === 'refuseWhen' ? `${r.entity} ${r.actions.join('/')} ${r.condition.relation ?? ''}.${r.condition.field} ${r.condition.op} ${r.condition.value}` : ''));
}

describe('extract rules: a refusal in several states, or in all states but one (issue #11)', () => {
  it('"broken or retired": one refusal per stored value', () => {
    assert.deepEqual(refusals(`${shed}A tool that is broken or retired can't be borrowed.`, 'A tool that'), ['Loan create tool.status eq broken', 'Loan create tool.status eq retired']);
  });

  it('"not available": the value denied', () => {
    assert.deepEqual(refusals(`${shed}Members can't borrow a tool that is not available.`, 'Members can'), ['Loan create tool.status ne available']);
  });

  it('a value the record does not store is still listed, not guessed', () => {
    const spec = extractSpec(`${shed}A tool that is broken or rusty can't be borrowed.`);
    assert.deepEqual(refusals(`${shed}A tool that is broken or rusty can't be borrowed.`, 'A tool that'), []);
    assert.match(spec.notUnderstood.map((n) => n.reason).join(' '), /no status value or yes\/no field "broken or rusty"/);
  });

  it('a refused taking whose row is not stored is listed, not made a refusal to create the record itself', () => {
    const text = 'Staff sign in. A course has a title and a status (draft, open, closed). Nobody can join a course that is not open.';
    const spec = extractSpec(text);
    assert.deepEqual(refusals(text, 'Nobody'), []);
    const enrol = text.replace('join', 'enrol in');
    assert.deepEqual(refusals(enrol, 'Nobody'), ['Enrolment create course.status ne open']);
    assert.match(spec.notUnderstood.map((n) => n.reason).join(' '), /refusal to join while a Course is in a state .* no record type linked to Course stores the row this makes/);
  });
});
