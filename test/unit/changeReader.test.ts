// Who reads a change typed in "Change This Project…": offline the change reader; with Claude chosen
// and a key, Claude (against the fake Messages API); Claude chosen without a key reads offline and
// says why.
import * as assert from 'node:assert/strict';
import { withChangeSentences } from '../../src/core/change/claudeChange';
import { DEFAULT_SETTINGS } from '../../src/core/config';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { changeReader } from '../../src/vscode/change/changeReader';
import { toolMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';
import { fakeClaudePerTest } from '../shared/fakeClaude';

const TEXT = 'add a phone number to attendees';

describe('Change This Project…: the change reader', function () {
  this.timeout(20_000);
  const claude = fakeClaudePerTest({ sleep: async () => undefined });
  const events = loadFixtureSpec('events');
  const settings = { settings: DEFAULT_SETTINGS };
  const reader = (key?: string) => changeReader({ get: async () => key }, settings, () => claude.provider);
  const phones = (spec: ProjectSpec) => spec.entities.find((e) => e.name === 'Attendee')?.fields.filter((f) => /phone/i.test(f.name)) ?? [];

  it('offline: the change reader, nothing asked of Claude', async () => {
    const reading = await reader('a-key')(events, TEXT, 'offline');
    assert.equal(reading.by, 'offline');
    assert.equal(reading.fallback, undefined);
    assert.equal(phones(reading.spec).length, 1);
    assert.equal(claude.server.requests.length, 0);
  });

  it('Claude chosen but no key: read offline, and said why', async () => {
    const reading = await reader(undefined)(events, TEXT, 'anthropic');
    assert.equal(reading.by, 'offline');
    assert.match(reading.fallback ?? '', /no API key/);
    assert.equal(phones(reading.spec).length, 1);
    assert.equal(claude.server.requests.length, 0);
  });

  it('Claude with a key: Claude edits the spec', async () => {
    const answer = structuredClone(withChangeSentences(events, TEXT));
    const source = answer.requirements.sentences.at(-1)!.id;
    answer.entities.find((e) => e.name === 'Attendee')!.fields.push({ name: 'mobile', label: 'Mobile', type: 'string', required: false, unique: false, sources: [source] });
    claude.server.enqueue(toolMessage('emit_spec', answer));
    const reading = await reader('a-key')(events, TEXT, 'anthropic');
    assert.equal(reading.by, 'claude', reading.fallback);
    assert.deepEqual(phones(reading.spec).map((f) => f.name), [], 'Claude’s field, not the offline one');
    assert.ok(reading.spec.entities.find((e) => e.name === 'Attendee')!.fields.some((f) => f.name === 'mobile'));
    assert.equal(claude.server.requests.length, 1);
  });
});
