import * as assert from 'node:assert/strict';
import { Disposable, disposeAll, Emitter, toDisposable } from '../../src/core/lifecycle';

class Owner extends Disposable {
  register(fn: () => void) {
    return this._register(toDisposable(fn));
  }
}

describe('lifecycle', () => {
  it('disposes registered items once, newest first', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.register(() => order.push('first'));
    owner.register(() => order.push('second'));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['second', 'first']);
    assert.equal(owner.isDisposed, true);
  });

  it('disposes at once what is registered after disposal', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    owner.register(() => {
      disposed = true;
    });
    assert.equal(disposed, true);
  });

  it('keeps disposing when one disposer throws, then reports the error', () => {
    const order: string[] = [];
    const items = [toDisposable(() => order.push('a')), toDisposable(() => {
      throw new Error('broken');
    }), toDisposable(() => order.push('c'))];
    assert.throws(() => disposeAll(items), /broken/);
    assert.deepEqual(order, ['c', 'a']);
  });

  it('aggregates several disposer errors', () => {
    const fail = () => toDisposable(() => {
      throw new Error('x');
    });
    assert.throws(() => disposeAll([fail(), fail()]), AggregateError);
  });

  it('an emitter delivers to current listeners and stops after unsubscribe', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    const subscription = emitter.event((value) => seen.push(value));
    emitter.fire(1);
    subscription.dispose();
    emitter.fire(2);
    assert.deepEqual(seen, [1]);
    assert.equal(emitter.listenerCount, 0);
  });
});
