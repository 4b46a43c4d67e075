// Reads the JSON-lines report the in-host reporter writes, printing each event as it arrives.
import { existsSync, readFileSync } from 'node:fs';
import type { ReportEvent } from '../shared/jsonLinesReporter';

export interface SuiteSummary {
  name: string;
  passes: number;
  failures: number;
  pending: number;
  /** False when the suite never reported its end (crash, timeout). */
  completed: boolean;
  failureTitles: string[];
  note?: string;
}

export class ReportTail {
  private offset = 0;
  readonly events: ReportEvent[] = [];

  constructor(private readonly file: string) {}

  /** Reads new lines, prints them, and returns true once the `end` event was seen. */
  poll(print: (line: string) => void): boolean {
    if (!existsSync(this.file)) return false;
    const text = readFileSync(this.file, 'utf8');
    const fresh = text.slice(this.offset);
    const lastNewline = fresh.lastIndexOf('\n');
    if (lastNewline < 0) return this.ended;
    this.offset += lastNewline + 1;
    for (const line of fresh.slice(0, lastNewline).split('\n')) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as ReportEvent;
      this.events.push(event);
      print(formatEvent(event));
    }
    return this.ended;
  }

  get ended(): boolean {
    return this.events.some((event) => event.type === 'end');
  }

  summary(name: string): SuiteSummary {
    const end = this.events.find((event) => event.type === 'end');
    const failureTitles = this.events.flatMap((event) => (event.type === 'fail' ? [event.fullTitle] : []));
    if (end && end.type === 'end') {
      return { name, passes: end.passes, failures: end.failures, pending: end.pending, completed: true, failureTitles };
    }
    const passes = this.events.filter((event) => event.type === 'pass').length;
    return { name, passes, failures: failureTitles.length, pending: 0, completed: false, failureTitles };
  }
}

export function formatEvent(event: ReportEvent): string {
  switch (event.type) {
    case 'start':
      return `  ${event.appName ?? 'VS Code'} ${event.vscodeVersion ?? ''}: running ${event.total} test(s) inside the extension host`;
    case 'suite':
      return `${'  '.repeat(event.depth)}${event.title}`;
    case 'pass':
      return `      ✔ ${event.title} (${event.durationMs} ms)`;
    case 'pending':
      return `      - ${event.title} (pending)`;
    case 'fail':
      return `      ✘ ${event.title}\n${(event.stack ?? event.error).split('\n').map((line) => `          ${line}`).join('\n')}`;
    case 'end':
      return `  ${event.passes} passing, ${event.failures} failing, ${event.pending} pending (${event.durationMs} ms)`;
  }
}
