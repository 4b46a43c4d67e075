// Ctrl+C (SIGINT) and SIGTERM in the CLI: the first cancels the run, which stops its stages, kills
// verification's processes and marks what was written as partial; a second one quits at once.
// The exit code of a cancelled run is 128 + the signal's number, as shells expect.

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** What generateCommand returns for a cancelled run (128 + SIGINT). */
export const CANCELLED_EXIT_CODE = 130;

export const SIGNAL_EXIT_CODES: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The part of `process` the wiring needs (a fake emitter in tests). */
export interface SignalSource {
  on(event: StopSignal, listener: () => void): unknown;
  off(event: StopSignal, listener: () => void): unknown;
  exit(code: number): void;
}

export interface Cancellation {
  signal: AbortSignal;
  /** The signal that cancelled the run, if one did. */
  readonly received: StopSignal | undefined;
  /** The process's exit code for the command's result: a cancelled run exits with its signal's code. */
  exitCode(code: number): number;
  /** Gives the signals back to their defaults (the run is over). */
  dispose(): void;
}

export function cancelOnSignals(source: SignalSource, err: (line: string) => void): Cancellation {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const handlers = new Map<StopSignal, () => void>();
  for (const name of Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]) {
    const handler = () => {
      if (received) {
        err(`\ntakoss: ${name} again: quitting at once; the output folder may hold an unmarked, incomplete project.`);
        source.exit(SIGNAL_EXIT_CODES[name]);
        return;
      }
      received = name;
      const how = name === 'SIGINT' ? 'Ctrl+C' : name;
      err(`\ntakoss: ${how}: cancelling — stopping the stages and marking what was written as incomplete (${how} again quits at once)…`);
      controller.abort(new Error(`cancelled by ${name}`));
    };
    handlers.set(name, handler);
    source.on(name, handler);
  }
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    exitCode: (code) => (received && code === CANCELLED_EXIT_CODE ? SIGNAL_EXIT_CODES[received] : code),
    dispose: () => {
      for (const [name, handler] of handlers) source.off(name, handler);
      handlers.clear();
    },
  };
}
