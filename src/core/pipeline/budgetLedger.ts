// The run's budget as one ledger that every Claude call draws from, so the budget is a hard cap
// even when stages run side by side: a call first reserves its worst case (both of its possible
// round trips), each request it sends must fit what it holds (it may top up from the ledger), and
// when the call is over it settles to what it really cost and gives back the rest. A request whose
// cost is unknown (a broken stream, a timeout) stays counted at its worst case. A call that would
// fit once the calls in flight have settled waits for them instead of being refused.
import { RunCancelledError } from './scheduler';

/** What one Claude call holds of the budget while it runs. */
export interface BudgetHold {
  /** USD held for this call (its reservation, plus any top-ups). */
  readonly heldUsd: number;
  /** What this call could still spend: the unused part of its hold and what the ledger has left. */
  readonly leftUsd: number;
  /**
   * Before one request goes out: make sure its worst case fits what this call holds, topping up
   * from the ledger if needed. False: it does not fit, and the request must not be sent.
   */
  beforeSend(worstUsd: number): boolean;
  /** After that request: what it cost (undefined when unknown: its worst case stays counted). */
  afterSend(worstUsd: number, actualUsd: number | undefined): void;
  /**
   * The call is over: what it committed becomes spent (at least `reportedUsd`, what the call said
   * it cost, for providers that do not draw per request), the rest goes back to the ledger.
   */
  settle(reportedUsd?: number): void;
}

/** Float sums of many small prices must not refuse a call that fits exactly. */
const EPSILON = 1e-9;

interface Waiter {
  usd: number;
  resolve(hold: BudgetHold | undefined): void;
}

export class BudgetLedger {
  private spent = 0;
  private held = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly budgetUsd: number) {
    if (!Number.isFinite(budgetUsd) || budgetUsd < 0) throw new RangeError(`A budget must be a non-negative amount in USD (got ${budgetUsd})`);
  }

  /** Settled spending so far (what calls really cost, or their worst case when unknown). */
  get spentUsd(): number {
    return this.spent;
  }

  /** Held by calls in flight. */
  get heldUsd(): number {
    return this.held;
  }

  /** What a new call could still reserve. */
  get availableUsd(): number {
    return Math.max(0, this.budgetUsd - this.spent - this.held);
  }

  fits(usd: number): boolean {
    return this.spent + this.held + usd <= this.budgetUsd + EPSILON;
  }

  /** Holds `usd` for one call, or answers undefined when that would pass the budget. */
  reserve(usd: number): BudgetHold | undefined {
    if (!(usd >= 0) || !this.fits(usd)) return undefined;
    this.held += usd;
    return this.holdOf(usd);
  }

  /** Whether `usd` could ever be held: what is settled leaves room for it (spending only grows). */
  couldFit(usd: number): boolean {
    return usd >= 0 && this.spent + usd <= this.budgetUsd + EPSILON;
  }

  /**
   * Holds `usd` for one call as soon as the calls in flight leave room for it, in the order asked.
   * Undefined when it can never fit (or not before `deadline`, epoch ms); rejects when `signal` aborts.
   */
  reserveWhenFree(usd: number, options: { signal?: AbortSignal; deadline?: number } = {}): Promise<BudgetHold | undefined> {
    if (!this.couldFit(usd)) return Promise.resolve(undefined);
    if (!this.waiting.length) {
      const hold = this.reserve(usd);
      if (hold) return Promise.resolve(hold);
    }
    const { signal, deadline } = options;
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
      };
      const waiter: Waiter = {
        usd,
        resolve: (hold) => {
          done();
          resolve(hold);
        },
      };
      const onAbort = () => {
        done();
        reject(new RunCancelledError());
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (deadline !== undefined) {
        timer = setTimeout(() => {
          done();
          resolve(undefined);
          this.grantWaiting();
        }, Math.max(0, deadline - Date.now()));
      }
      this.waiting.push(waiter);
    });
  }

  /** After a settle: the first waiting calls that fit now get their hold; those that never can, none. */
  private grantWaiting(): void {
    while (this.waiting.length) {
      const first = this.waiting[0];
      if (!this.couldFit(first.usd)) {
        first.resolve(undefined);
        continue;
      }
      const hold = this.reserve(first.usd);
      if (!hold) return; // still held by calls in flight: keep the order
      first.resolve(hold);
    }
  }

  private holdOf(initial: number): BudgetHold {
    let holding = initial;
    // Settled costs plus the worst cases of requests still in flight.
    let committed = 0;
    let open = true;
    const available = () => this.availableUsd;
    return {
      get heldUsd() {
        return holding;
      },
      get leftUsd() {
        return Math.max(0, holding - committed) + (open ? available() : 0);
      },
      beforeSend: (worstUsd) => {
        if (!open) return false;
        const missing = committed + worstUsd - holding;
        if (missing > EPSILON) {
          if (!this.fits(missing)) return false;
          this.held += missing;
          holding += missing;
        }
        committed += worstUsd;
        return true;
      },
      afterSend: (worstUsd, actualUsd) => {
        // Never count less than the request really cost, even if its bound was wrong.
        committed += (actualUsd ?? worstUsd) - worstUsd;
      },
      settle: (reportedUsd = 0) => {
        if (!open) return;
        open = false;
        this.held -= holding;
        this.spent += Math.max(0, committed, reportedUsd);
        if (Math.abs(this.held) < EPSILON) this.held = 0;
        this.grantWaiting();
      },
    };
  }
}

/** A request was not sent because its worst case would pass the budget. */
export class BudgetExceededError extends Error {
  readonly retryable = false;
  constructor(
    readonly neededUsd: number,
    readonly leftUsd: number,
    what = 'the request',
  ) {
    super(`${what} could cost up to $${neededUsd.toFixed(4)} and only $${leftUsd.toFixed(4)} of the budget is left, so it was not sent`);
    this.name = 'BudgetExceededError';
  }
}
