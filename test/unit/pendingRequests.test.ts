import * as assert from 'node:assert/strict';
import { PendingRequests, RequestCancelledError, RequestTimeoutError } from '../../src/model/pendingRequests';

describe('PendingRequests', () => {
  it('settles a request with its reply and forgets it', async () => {
    const pending = new PendingRequests<number>('t');
    const { id, reply } = pending.create('ping', 1000);
    assert.equal(pending.size, 1);
    assert.equal(pending.settle(id, 7), true);
    assert.equal(await reply, 7);
    assert.equal(pending.size, 0);
    assert.equal(pending.settle(id, 8), false, 'a second reply is ignored');
  });

  it('gives every request a distinct id', () => {
    const pending = new PendingRequests<void>('t');
    const ids = new Set(Array.from({ length: 100 }, () => pending.nextId()));
    assert.equal(ids.size, 100);
  });

  it('fails a request nobody answers after its timeout', async () => {
    const pending = new PendingRequests<number>('t');
    const { reply } = pending.create('ping', 20);
    await assert.rejects(reply, (error: unknown) => error instanceof RequestTimeoutError && /ping/.test(error.message));
    assert.equal(pending.size, 0);
  });

  it('ignores replies to unknown ids', () => {
    assert.equal(new PendingRequests<number>('t').settle('nobody', 1), false);
  });

  it('cancels every outstanding request at once', async () => {
    const pending = new PendingRequests<number>('t');
    const a = pending.create('a', 10_000).reply;
    const b = pending.create('b', 10_000).reply;
    pending.cancelAll('panel closed');
    await assert.rejects(a, RequestCancelledError);
    await assert.rejects(b, /panel closed/);
    assert.equal(pending.size, 0);
  });
});
