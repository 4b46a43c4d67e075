// Request/reply bookkeeping shared by the host and the webview: each request gets an id, a reply
// settles it, and a request nobody answers fails after a timeout instead of hanging forever.

export class RequestTimeoutError extends Error {
  constructor(
    readonly requestType: string,
    readonly timeoutMs: number,
  ) {
    super(`No reply to "${requestType}" within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

export class RequestCancelledError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RequestCancelledError';
  }
}

interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class PendingRequests<T> {
  private readonly pending = new Map<string, Pending<T>>();
  private counter = 0;

  constructor(private readonly prefix: string) {}

  nextId(): string {
    this.counter += 1;
    return `${this.prefix}-${this.counter}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Registers a request and returns its id plus the promise of its reply. */
  create(requestType: string, timeoutMs: number): { id: string; reply: Promise<T> } {
    const id = this.nextId();
    const reply = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestTimeoutError(requestType, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
    return { id, reply };
  }

  /** Settles the request with this id; returns false for an unknown or already settled id. */
  settle(id: string, value: T): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(value);
    return true;
  }

  /** Fails every outstanding request, e.g. when the panel closes. */
  /** Fails one request now (e.g. it could not be sent). */
  cancel(id: string, reason: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.reject(new RequestCancelledError(reason));
  }

  cancelAll(reason: string): void {
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      this.pending.delete(id);
      entry.reject(new RequestCancelledError(reason));
    }
  }

  get size(): number {
    return this.pending.size;
  }
}
