// One change at a time per history record: a promise queue per file in this process, and a lock
// file (`<record>.lock`, created exclusively) between processes — every VS Code window shares the
// history folder. A lock left by a process that died is taken over at once when that process was
// on this machine (the lock names its pid and host), else once it is older than any change could take.
import { readFile, open, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';

/** A change reads and writes one record (milliseconds); a lock this old was left by a dead process. */
export const STALE_LOCK_MS = 30_000;
/** How long to wait for another window's change before giving up with an error. */
export const LOCK_WAIT_MS = 10_000;

export class HistoryLockTimeoutError extends Error {
  constructor(readonly file: string) {
    super(`The history record ${file} is being changed by another window and stayed locked for ${LOCK_WAIT_MS / 1000} s; try again.`);
    this.name = 'HistoryLockTimeoutError';
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` while holding `file`'s lock, after every earlier change of it in this process. */
export function withRecordLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const next = previous.then(
    () => holdingLockFile(file, fn),
    () => holdingLockFile(file, fn),
  );
  const tail = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(file, tail);
  void tail.then(() => {
    if (queues.get(file) === tail) queues.delete(file);
  });
  return next;
}

async function holdingLockFile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(`${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0, // released meanwhile: try again at once
      );
      if (age > STALE_LOCK_MS || (await leftByADeadProcess(lock))) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new HistoryLockTimeoutError(file);
      // Short, growing, jittered waits: changes take milliseconds.
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random())));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

/**
 * Whether the lock was written by a process of this machine that is gone (a window that crashed
 * while changing the record): then nobody will ever release it. Read twice, so that a lock another
 * window has just taken over in the meantime is not removed.
 */
async function leftByADeadProcess(lock: string): Promise<boolean> {
  const holder = await readFile(lock, 'utf8').catch(() => '');
  const [pid, host] = holder.split(' ');
  if (!/^\d+$/.test(pid) || host !== hostname() || Number(pid) === process.pid || alive(Number(pid))) return false;
  return (await readFile(lock, 'utf8').catch(() => '')) === holder;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only not ours to signal.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
