// "Categories are maintained by the stores supervisor": the people who keep a kind of record are the
// ones who change it, a role rule (issue #11: such a sentence was mapped by its record and the rule
// dropped silently). Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { accountSentences } from '../../src/model/project/accounting';

function outcome(text: string, start: string): { status: string; rules: string[]; reason: string } {
  const spec = extractSpec(text);
  const account = accountSentences(spec).find((a) => a.text.startsWith(start));
  assert.ok(account, `no sentence starts with "${start}"`);
  const rules = spec.rules.filter((r) => r.sources.includes(account.id)).map((r) => `${r.kind} ${r.entity}${'roles' in r ? ` ${r.roles.join('+')} ${r.actions.join('/')}` : ''}`);
  return { status: account.status, rules, reason: spec.notUnderstood.filter((n) => n.sources.includes(account.id)).map((n) => n.reason).join(' ') };
}

describe('extract rules: records kept by a role ("… are maintained by the supervisor") (issue #11)', () => {
  const museum = 'Volunteers and the stores supervisor log in. Each object has a name and a category. ';

  it('a sign-in role that maintains, manages or administers a record is the only one to change it', () => {
    // (The text always writes "the stores supervisor": that whole name is the role, compoundRoles.ts.)
    assert.deepEqual(outcome(`${museum}Categories are maintained by the stores supervisor.`, 'Categories').rules, ['roleRequired Category stores_supervisor create/update/delete']);
    assert.deepEqual(outcome(`${museum}Categories are managed by the supervisor.`, 'Categories').rules, ['roleRequired Category supervisor create/update/delete']);
  });

  it('the people end where the next statement of the clause starts ("… by the supervisor and an object has …")', () => {
    const text = 'Volunteers and the stores supervisor log in. Objects are sorted into categories - categories are maintained by the stores supervisor and an object has exactly one category.';
    assert.deepEqual(outcome(text, 'Objects').rules, ['roleRequired Category stores_supervisor create/update/delete']);
  });

  it('someone who does not sign in, or a thing that is no record, is listed with why', () => {
    const registrar = outcome(`${museum}Loans have a date. Loans are administered by the registrar.`, 'Loans are');
    assert.equal(registrar.status, 'partial');
    assert.match(registrar.reason, /registrar is not a sign-in role/);
    const noSignIn = outcome('Objects have a name and a shelf. Shelves are maintained by the collections manager.', 'Shelves');
    assert.match(noSignIn.reason, /it has no sign-in/);
    const noRecord = outcome(`${museum}Price lists are kept up to date by the supervisor.`, 'Price');
    assert.deepEqual([noRecord.status, noRecord.rules], ['notUnderstood', []]);
    assert.match(noRecord.reason, /"price lists" is not a record type/);
  });

  it('one person per row is a link, not a role ("each shelf is managed by a volunteer")', () => {
    assert.deepEqual(outcome(`${museum}Shelves have a number. Each shelf is managed by a volunteer.`, 'Each shelf').rules, []);
  });
});
