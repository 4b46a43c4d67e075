// The probe's findings: one line per check, grouped by area, plus the checks it could not run and
// why (said, never counted as passed).
import { describeReply, type Reply } from './client';

export interface ProbeCheck {
  area: string;
  name: string;
  ok: boolean;
  detail?: string;
}

export class ProbeReport {
  readonly checks: ProbeCheck[] = [];
  readonly notProbed: { area: string; name: string; why: string }[] = [];

  /** Records a check; a reply given as detail is described when the check fails. */
  check(area: string, name: string, ok: boolean, detail?: Reply | string): boolean {
    const text = detail === undefined || ok ? undefined : typeof detail === 'string' ? detail : describeReply(detail);
    this.checks.push({ area, name, ok, detail: text });
    return ok;
  }

  /** The reply's status is one of the expected ones. */
  status(area: string, name: string, reply: Reply, ...expected: number[]): boolean {
    return this.check(area, name, expected.includes(reply.status), reply);
  }

  skip(area: string, name: string, why: string): void {
    this.notProbed.push({ area, name, why });
  }

  get passed(): number {
    return this.checks.filter((c) => c.ok).length;
  }

  get failed(): ProbeCheck[] {
    return this.checks.filter((c) => !c.ok);
  }
}
