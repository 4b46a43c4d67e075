// The log channel reads the run event stream: what went wrong or changed, once per event.
import * as assert from 'node:assert/strict';
import type { Logger } from '../../src/core/log';
import type { RunEvent } from '../../src/model/run/events';
import { runLogger } from '../../src/vscode/runs/runLog';

function recorder() {
  const lines: string[] = [];
  const at = (level: string) => (message: string | Error) => void lines.push(`${level} ${String(message)}`);
  const log = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as Logger;
  return { lines, onEvent: runLogger(log) };
}

const ev = (event: Record<string, unknown>) => ({ runId: 'r1', at: 1, ...event }) as unknown as RunEvent;
const specWith = (...names: string[]) => ({ entities: names.map((name) => ({ name })) });

describe('the log channel as a run event subscriber', () => {
  it('names failed and degraded stages by title, warnings, and how the run ended', () => {
    const { lines, onEvent } = recorder();
    onEvent(ev({ type: 'runStarted', stages: [{ id: 'schema', title: 'Database schema' }], concurrency: 2 }));
    onEvent(ev({ type: 'stageFailed', stageId: 'schema', error: 'boom', attempts: 1 }));
    onEvent(ev({ type: 'stageDegraded', stageId: 'schema', reason: 'Claude timed out' }));
    onEvent(ev({ type: 'warning', message: 'budget nearly spent' }));
    onEvent(ev({ type: 'runFinished', summary: { status: 'failed', files: 3 } }));
    assert.deepEqual(lines.slice(1), [
      'warn Run r1: Database schema failed: boom',
      'warn Run r1: Database schema kept its deterministic result: Claude timed out',
      'warn Run r1: budget nearly spent',
      'info Run r1 failed: 3 files',
    ]);
  });

  it('says when the data model changed the entities, and which it generates at the end', () => {
    const { lines, onEvent } = recorder();
    onEvent(ev({ type: 'specUpdated', stageId: 'domain', spec: specWith('Post'), changes: [] }));
    onEvent(ev({ type: 'specUpdated', stageId: 'domain', spec: specWith('Post', 'Comment'), changes: ['entities added Comment'] }));
    onEvent(ev({ type: 'specUpdated', stageId: 'domain', spec: specWith('Post', 'Comment'), changes: ['fields of Post'] }));
    onEvent(ev({ type: 'runFinished', summary: { status: 'succeeded', files: 40 } }));
    assert.deepEqual(lines, ['info Run r1: the data model changed in the run; generating 2 entities: Post, Comment', 'info Run r1 succeeded: 40 files, entities Post, Comment']);
  });

  it('keeps runs apart and forgets a run once it has finished', () => {
    const { lines, onEvent } = recorder();
    onEvent(ev({ type: 'specUpdated', stageId: 'domain', spec: specWith('Post'), changes: [] }));
    onEvent({ ...ev({ type: 'warning', message: 'other run' }), runId: 'r2' } as RunEvent);
    onEvent(ev({ type: 'runFinished', summary: { status: 'succeeded', files: 1 } }));
    onEvent(ev({ type: 'runFinished', summary: { status: 'succeeded', files: 1 } }));
    assert.deepEqual(lines, ['warn Run r2: other run', 'info Run r1 succeeded: 1 files, entities Post', 'info Run r1 succeeded: 1 files']);
  });
});
