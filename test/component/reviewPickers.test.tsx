import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { followChoice } from '../../webview-ui/src/review/followChoice';
import { fakeBridge, fireEvent, type LitElementLike, litSettled, pressKey, renderUi, ReviewHarness, screen, typeInto } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');

/** The review of the events fixture (Event, Attendee, Registration) over a fake host. */
async function renderEventsReview() {
  const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'events.json'), 'utf8')));
  const { bridge } = fakeBridge({ review: { spec, provider: 'offline', problems: [], folder: 'event-booking', folderExists: false } });
  await renderUi(<ReviewHarness bridge={bridge} />);
}

const valueOf = (testId: string) => (screen.getByTestId(testId) as LitElementLike).value;
/** The options a vscode-single-select offers (its vscode-option children). */
const optionsOf = (testId: string) => [...screen.getByTestId(testId).querySelectorAll<LitElementLike>('vscode-option')].map((o) => o.value);

async function renameEntity(from: string, to: string): Promise<void> {
  const name = screen.getByTestId(`entity-name-${from}`);
  await typeInto(name, to);
  await pressKey(name, 'Enter');
  assert.ok(screen.getByTestId(`entity-${to}`), `${from} was renamed ${to}`);
}

/** Picks an option the way a user's choice arrives: the element's value set, then `change`. */
async function choose(testId: string, value: string): Promise<void> {
  const select = screen.getByTestId(testId) as LitElementLike;
  select.value = value;
  fireEvent(select, new Event('change', { bubbles: true }));
  await litSettled();
}

async function click(testId: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  await litSettled();
}

describe('Review step: entity pickers follow renames and removals', function () {
  this.timeout(40_000); // a whole review of web components renders slowly in jsdom on a loaded machine
  it('"Add relation" after renaming its target entity: the target shows the new name and the relation is added', async () => {
    await renderEventsReview();
    assert.equal(valueOf('relation-to'), 'Attendee');
    await renameEntity('Attendee', 'Membership');
    assert.equal(valueOf('relation-to'), 'Membership', 'the target follows the rename (never blank)');
    assert.deepEqual(optionsOf('relation-to'), ['Event', 'Membership', 'Registration']);
    await click('add-relation');
    assert.equal(screen.queryByTestId('edit-error'), null, 'no "There is no entity called …"');
    assert.match(screen.getByTestId('relations').textContent ?? '', /Event\.membership belongs to Membership/);
  });

  it('after removing the chosen entity, the picker moves to the one now in its place, and adding works', async () => {
    await renderEventsReview();
    await choose('relation-from', 'Registration');
    await choose('relation-to', 'Event');
    await click('entity-delete-Registration');
    assert.equal(valueOf('relation-from'), 'Attendee', 'the last entity is gone: the one now last');
    assert.equal(valueOf('relation-to'), 'Event');
    await click('add-relation');
    assert.equal(screen.queryByTestId('edit-error'), null, 'no "There is no entity called Registration"');
    assert.match(screen.getByTestId('relations').textContent ?? '', /Attendee\.event belongs to Event/);
  });

  it('the add-rule form keeps its entity through a rename and the rule names the new entity', async () => {
    await renderEventsReview();
    await click('add-rule');
    await choose('add-rule-entity', 'Registration');
    await renameEntity('Registration', 'Booking');
    assert.equal(valueOf('add-rule-entity'), 'Booking', 'the rule entity follows the rename');
    assert.deepEqual(optionsOf('add-rule-entity'), ['Event', 'Attendee', 'Booking']);
  });

  it('followChoice: kept while offered, renamed in place, removed to the one in its place, else the first', () => {
    assert.equal(followChoice(['A', 'B', 'C'], ['A', 'B', 'C'], 'B'), 'B');
    assert.equal(followChoice(['A', 'B', 'C'], ['A', 'X', 'C'], 'B'), 'X');
    assert.equal(followChoice(['A', 'B', 'C'], ['A', 'C'], 'B'), 'C');
    assert.equal(followChoice(['A', 'B', 'C'], ['A', 'B'], 'C'), 'B');
    assert.equal(followChoice([], ['A'], undefined), 'A');
    assert.equal(followChoice(['A'], [], 'A'), undefined);
  });
});
