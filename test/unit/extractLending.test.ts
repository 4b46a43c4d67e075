// Lending things out (issue #11, new-user texts): "Members borrow tools. Each tool has a name." makes
// the tools records (a word that usually means the app), and "a member may have at most 2 tools at a
// time" counts the member's open loans: it is a limit, not a list of the member's fields, and no
// tool belongs to a member. Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`).sort();

describe('extract: lending things out', () => {
  it('things people borrow, each with one value, are records', () => {
    const spec = extractSpec('Neighbours borrow tools. Each tool has a name. A loan has a start date and a returned date.');
    assert.ok(spec.entities.some((e) => e.name === 'Tool'), spec.entities.map((e) => e.name).join(' '));
  });

  it('"may have at most 2 tools at a time" limits the open loans per member; no tool belongs to the member', () => {
    const text = 'Neighbours sign in. Neighbours borrow tools. Each tool has a name. A loan records the neighbour, the tool, the borrowed date and the returned date. A neighbour may have at most 2 tools at a time.';
    const spec = extractSpec(text);
    assert.deepEqual(links(text), ['Loan->Tool', 'Loan->User']);
    assert.deepEqual(spec.rules.filter((r) => r.kind === 'capacity').map((r) => r.kind === 'capacity' && [r.entity, r.activeWhenNull]), [['Loan', 'returnedDate']]);
    assert.ok(!spec.entities.find((e) => e.name === 'User')?.fields.some((f) => f.name === 'tool'), 'the tools are no field of the user');
  });
});
