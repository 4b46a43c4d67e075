// A small Disposable base in the style of VS Code's simple-browser `dispose.ts`: everything an
// object creates is `_register`ed and released exactly once, in reverse order, even if one throws.

export interface IDisposable {
  dispose(): void;
}

/** Disposes every item; collects errors so one failing disposer cannot leak the rest. */
export function disposeAll(disposables: IDisposable[]): void {
  const errors: unknown[] = [];
  while (disposables.length) {
    const item = disposables.pop();
    try {
      item?.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed to dispose');
}

export function toDisposable(fn: () => void): IDisposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      fn();
    },
  };
}

export abstract class Disposable implements IDisposable {
  private _isDisposed = false;
  protected readonly _disposables: IDisposable[] = [];

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables);
  }

  protected _register<T extends IDisposable>(value: T): T {
    if (this._isDisposed) {
      // Registering on a dead object would leak silently; release it right away instead.
      value.dispose();
    } else {
      this._disposables.push(value);
    }
    return value;
  }
}

/** A minimal typed event emitter (vscode.EventEmitter is not available in src/core). */
export class Emitter<T> implements IDisposable {
  private listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): IDisposable => {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
