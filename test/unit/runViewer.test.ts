// A panel's view of the window's runs, without VS Code: which run it follows, what it replays when
// its webview (re)loads, and that generate and resume are requests answered by one reply each.
import * as assert from 'node:assert/strict';
import { Emitter } from '../../src/core/lifecycle';
import type { HostToWebview } from '../../src/model/protocol';
import type { RunEvent } from '../../src/model/run/events';
import { RunViewer } from '../../src/vscode/panel/runViewer';
import type { RunRecord } from '../../src/vscode/runs/runRegistry';
import type { RunService } from '../../src/vscode/runs/RunService';
import type { RunRequester } from '../../src/vscode/runs/types';
import { secondRunDeclined, secondRunPrompt } from '../../src/vscode/runs/secondRun';

const warning = (runId: string, message: string, at = 1): RunEvent => ({ type: 'warning', runId, at, message }) as RunEvent;

function record(runId: string, events: RunEvent[] = []): RunRecord {
  return { runId, folder: runId, target: { scheme: 'file' } as RunRecord['target'], projectName: runId, entities: ['Post'], warnings: [], events: () => events, interrupted: false };
}

/** A run service that answers every request as `answer` says, and publishes what the test emits. */
function fakeService(answer: (requester: RunRequester) => Promise<string | undefined>, latest?: RunRecord) {
  const events = new Emitter<RunEvent>();
  const records = new Map<string, RunRecord>(latest ? [[latest.runId, latest]] : []);
  const service = {
    onDidEvent: events.event,
    start: (_input: unknown, requester: RunRequester) => answer(requester),
    resume: (_runId: string, requester: RunRequester) => answer(requester),
    registry: { find: (runId: string) => records.get(runId), latest: async () => latest },
    history: undefined,
  };
  return { service: service as unknown as RunService, emit: (event: RunEvent) => events.fire(event), records };
}

function viewerOf(service: RunService) {
  const posted: HostToWebview[] = [];
  const viewer = new RunViewer(service, async (message) => (posted.push(message), true));
  return { viewer, posted };
}

describe('a panel views the window’s runs (RunViewer)', () => {
  it('follows the run it asked for from its first event on, and no other run', async () => {
    const fake = fakeService(async (requester) => {
      await requester.accepted({ runId: 'mine', folder: 'blog', entities: ['Post'], warnings: [] });
      fake.emit(warning('mine', 'first event'));
      return 'mine';
    });
    const { viewer, posted } = viewerOf(fake.service);
    assert.equal(await viewer.start('req-1', { spec: {} as never, provider: 'offline' }), 'mine');
    fake.emit(warning('someone-else', 'not mine'));
    assert.deepEqual(
      posted.map((m) => m.type),
      ['runAccepted', 'runEvent'],
    );
    assert.equal(posted[0].type === 'runAccepted' && posted[0].replyTo, 'req-1');
    assert.equal(viewer.viewedRun, 'mine');
  });

  it('answers a refused request with runRefused and keeps showing what it showed', async () => {
    const fake = fakeService(async (requester) => (await requester.refused('Nothing was started'), undefined));
    const { viewer, posted } = viewerOf(fake.service);
    viewer.follow('running');
    assert.equal(await viewer.resume('req-2', 'old'), undefined);
    assert.deepEqual(posted, [{ type: 'runRefused', replyTo: 'req-2', reason: 'Nothing was started' }]);
    assert.equal(viewer.viewedRun, 'running');
  });

  it('replays the run it follows when its webview reloads, else the window’s latest, then follows it live', async () => {
    const latest = record('latest', [warning('latest', 'so far')]);
    const fake = fakeService(async () => undefined, latest);
    const { viewer, posted } = viewerOf(fake.service);
    await viewer.sendSnapshot();
    assert.equal(posted[0].type, 'runSnapshot');
    assert.equal(posted[0].type === 'runSnapshot' && posted[0].runId, 'latest');
    assert.equal(posted[0].type === 'runSnapshot' && posted[0].events.length, 1, 'the events so far');
    fake.emit(warning('latest', 'later'));
    assert.equal(posted.at(-1)?.type, 'runEvent', 'then each new event');

    fake.records.set('other', record('other'));
    viewer.follow('other');
    await viewer.sendSnapshot();
    const last = posted.at(-1);
    assert.equal(last?.type === 'runSnapshot' && last.runId, 'other');
  });

  it('stops following when disposed (the panel closed; the run goes on without it)', () => {
    const fake = fakeService(async () => undefined);
    const { viewer, posted } = viewerOf(fake.service);
    viewer.follow('mine');
    viewer.dispose();
    fake.emit(warning('mine', 'after close'));
    assert.equal(posted.length, 0);
  });
});

describe('a second run asks first', () => {
  const running = [{ projectName: 'Blog', folder: 'blog' }];

  it('names the running generation and what starting another does', () => {
    const prompt = secondRunPrompt('Shop', running);
    assert.equal(prompt.message, '"Blog" is still being generated into blog. Start "Shop" as well?');
    assert.match(prompt.detail, /goes on and keeps a view of its own/);
    assert.equal(prompt.confirm, 'Open a Second View');
    assert.match(secondRunPrompt('Shop', [...running, { projectName: 'Todo', folder: 'todo' }]).message, /\(and 1 more\)/);
  });

  it('says nothing started when declined', () => {
    assert.match(secondRunDeclined(running), /^Nothing was started: "Blog" is still being generated into blog\./);
  });
});
