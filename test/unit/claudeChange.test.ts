// A change in plain words with Claude, against the fake Messages API: Claude's edited spec is used
// when it validates and keeps what the change did not ask to remove; any failure keeps the offline
// reading and says why.
import * as assert from 'node:assert/strict';
import { claudeChange } from '../../src/core/change';
import { withChangeSentences } from '../../src/core/change/claudeChange';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';
import { errorResponse, toolMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';
import { fakeClaudePerTest } from '../shared/fakeClaude';

const MODEL = 'claude-sonnet-5-5';

/** What Claude answers for "text": the spec with the change's sentences, edited by `edit`. */
function answer(spec: ProjectSpec, text: string, edit: (draft: ProjectSpec, sentenceId: number) => void): ProjectSpec {
  const draft = structuredClone(withChangeSentences(spec, text));
  edit(draft, draft.requirements.sentences[draft.requirements.sentences.length - 1].id);
  return draft;
}

const withPhone = (spec: ProjectSpec, text: string) =>
  answer(spec, text, (draft, id) => {
    draft.entities.find((e) => e.name === 'Attendee')!.fields.push({ name: 'phone', label: 'Phone', type: 'string', required: false, unique: false, sources: [id] });
  });

describe('claudeChange: Claude edits the spec, the offline reading is the fallback', function () {
  this.timeout(20_000);
  const claude = fakeClaudePerTest({ sleep: async () => undefined });
  const events = loadFixtureSpec('events');
  const ask = (text: string, budgetUsd = 2) => claudeChange({ spec: events, text, provider: claude.provider, model: MODEL, budgetUsd, sleep: async () => undefined });

  it('uses Claude\'s edited spec, says what changed and what it cost', async () => {
    const text = 'Attendees should be reachable by phone.';
    claude.server.enqueue(toolMessage('emit_spec', withPhone(events, text), { input_tokens: 900, output_tokens: 1200 }));
    const reading = await ask(text);
    assert.equal(reading.by, 'claude');
    assert.equal(reading.fallback, undefined);
    assert.ok(reading.spec.entities.find((e) => e.name === 'Attendee')!.fields.some((f) => f.name === 'phone'));
    assert.ok(reading.applied.some((line) => /fields added: Attendee\.phone/.test(line)), reading.applied.join('\n'));
    assert.deepEqual(validateSpec(reading.spec), []);
    assert.ok((reading.usage?.costUsd ?? 0) > 0);
    const sent = JSON.stringify(claude.server.requests[0].body.messages);
    assert.match(sent, /reachable by phone/);
    assert.equal(reading.spec.requirements.sentences.at(-1)?.text, text);
  });

  it('refuses an answer that loses an entity the change did not ask to remove, and keeps the offline reading', async () => {
    const text = 'add a phone number to attendees';
    const lossy = answer(events, text, (draft) => {
      draft.entities = draft.entities.filter((e) => e.name !== 'Registration');
    });
    claude.server.enqueue(toolMessage('emit_spec', lossy), toolMessage('emit_spec', lossy));
    const reading = await ask(text);
    assert.equal(reading.by, 'offline');
    assert.match(reading.fallback ?? '', /Registration was removed, but the change does not ask to remove it/);
    assert.equal(claude.server.requests.length, 2, 'one repair round trip');
    assert.match(JSON.stringify(claude.server.requests[1].body.messages), /keep it/);
    assert.ok(reading.spec.entities.find((e) => e.name === 'Attendee')!.fields.some((f) => f.name === 'phoneNumber'), 'the offline reading');
    assert.ok(reading.spec.entities.some((e) => e.name === 'Registration'));
  });

  it('accepts the removal of an entity the change names', async () => {
    const text = 'Remove the attendees.';
    const removed = answer(events, text, (draft) => {
      draft.entities = draft.entities.filter((e) => e.name !== 'Attendee');
    });
    claude.server.enqueue(toolMessage('emit_spec', removed));
    const reading = await ask(text);
    assert.equal(reading.by, 'claude', reading.fallback);
    assert.ok(!reading.spec.entities.some((e) => e.name === 'Attendee'));
    assert.ok(!reading.spec.relations.some((r) => r.to === 'Attendee'), 'its relations go with it');
  });

  it('keeps the offline reading when the answer is not a spec, after its repair', async () => {
    const broken = { ...withPhone(events, 'add a phone number to attendees'), entities: [{ name: 'attendee' }] };
    claude.server.enqueue(toolMessage('emit_spec', broken), toolMessage('emit_spec', broken));
    const reading = await ask('add a phone number to attendees');
    assert.equal(reading.by, 'offline');
    assert.match(reading.fallback ?? '', /still invalid after one repair/);
    assert.ok((reading.usage?.costUsd ?? 0) > 0, 'the invalid answers still cost');
  });

  it('keeps the offline reading when the budget cannot hold the call, without asking', async () => {
    const reading = await ask('add a phone number to attendees', 0.0001);
    assert.equal(reading.by, 'offline');
    assert.match(reading.fallback ?? '', /budget/);
    assert.equal(claude.server.requests.length, 0);
    assert.ok(reading.applied.some((line) => /Attendee gains phoneNumber/.test(line)));
  });

  it('keeps the offline reading when the API fails, after retrying what is worth retrying', async () => {
    claude.server.enqueue(errorResponse(529, 'overloaded'), errorResponse(400, 'bad request'));
    const reading = await ask('add a phone number to attendees');
    assert.equal(reading.by, 'offline');
    assert.match(reading.fallback ?? '', /not used/);
    assert.equal(claude.server.requests.length, 2);
  });

  it('asks nothing for an empty change', async () => {
    const reading = await ask('   ');
    assert.equal(reading.by, 'offline');
    assert.equal(claude.server.requests.length, 0);
    assert.equal(reading.notUnderstood.length, 1);
  });
});
