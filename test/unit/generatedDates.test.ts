// Generated tests compute their sample dates from the day they run (30 days from today and later),
// so they keep passing once any fixed year has gone by, and a rule like "must be in the future"
// holds for them. Formats stay as the app takes them: date-only, local date-time, ISO date-time.
import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { generateProject } from '../../src/core/generator';
import type { GeneratedFile } from '../../src/core/generator/fileSet';
import { loadFixtureSpec } from '../shared/claudeModels';
import { typecheckGenerated } from './generatedTypecheck';

const DAY_MS = 86_400_000;
const FIXTURES = ['clinic', 'events', 'fleet', 'library', 'studio', 'tasks'];
const isTest = (path: string) => path.startsWith('backend/test/') || path.startsWith('frontend/src/test/');

/** Runs TypeScript source as a CommonJS module with `Date.now()` at `now`; returns its exports. */
function load(source: string, now: number): Record<string, unknown> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const FakeDate = class extends Date {
    static override now() {
      return now;
    }
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'Date', js)(module, module.exports, FakeDate);
  return module.exports;
}

const files = (name: string): GeneratedFile[] => generateProject(loadFixtureSpec(name)).list();
const file = (list: GeneratedFile[], path: string) => list.find((f) => f.path === path)?.content ?? assert.fail(`${path} was not generated`);

describe('generated tests: dates relative to the day they run', () => {
  it('no generated test has a fixed date in the years it will run in (only far dates for past/future refusals)', () => {
    for (const name of FIXTURES) {
      for (const generated of files(name).filter((f) => isTest(f.path))) {
        const fixed = generated.content.match(/\b20(?:[2-8]\d)-\d\d-\d\d/g);
        assert.equal(fixed, null, `${name}: ${generated.path} has ${fixed?.join(', ')}`);
      }
    }
  });

  it('frontend: sampleDate/sampleLocalDateTime/sampleIsoDateTime start 30 days from today, in the input and API formats', () => {
    const dates = file(files('studio'), 'frontend/src/test/dates.ts');
    for (const now of [Date.parse('2026-05-20T08:00:00Z'), Date.parse('2041-12-15T23:30:00Z')]) {
      const helpers = load(dates, now) as Record<string, (days?: number) => string>;
      const first = new Date(now + 30 * DAY_MS).toISOString().slice(0, 10);
      const next = new Date(now + 31 * DAY_MS).toISOString().slice(0, 10);
      assert.equal(helpers.sampleDate(), first);
      assert.equal(helpers.sampleDate(1), next);
      assert.equal(helpers.sampleLocalDateTime(1), `${next}T10:30`);
      assert.equal(helpers.sampleIsoDateTime(), `${first}T10:30:00.000Z`);
      assert.ok(Date.parse(helpers.sampleDate(-1)) > now, 'even the day before the first sample is in the future');
    }
  });

  it('backend: day(n), RULE_DAY and shift count from 30 days after today', () => {
    const helpersFile = file(files('studio'), 'backend/test/helpers.ts');
    // Only the date helpers (the rest of the file needs the app and a database).
    const start = helpersFile.indexOf('const DAY_MS');
    const end = helpersFile.indexOf('\n}\n', helpersFile.indexOf('export function shift')) + 3;
    assert.ok(start > 0 && end > start);
    const now = Date.parse('2033-03-01T12:00:00Z');
    const { day, shift, RULE_DAY } = load(helpersFile.slice(start, end), now) as { day: (n: number) => string; shift: (v: string, m: number, t: string) => string; RULE_DAY: string };
    assert.equal(day(0), '2033-03-31');
    assert.equal(day(2), '2033-04-02');
    assert.equal(RULE_DAY, new Date(Date.parse('2033-03-31') + 433 * DAY_MS).toISOString().slice(0, 10));
    assert.equal(shift('2033-03-31', 3, 'date'), '2033-04-03');
    assert.equal(shift('2033-03-31T09:00:00.000Z', 90, 'datetime'), '2033-03-31T10:30:00.000Z');
    const openedOn = day(5);
    assert.ok(shift(openedOn, 1, 'date') > openedOn, 'dueOn (a day later) stays after openedOn');
  });

  it('the generated backends still type-check with the new helpers (RULE_DAY imported where used)', function () {
    // The TypeScript compiler over two whole backends: seconds, more on a busy 2-core machine.
    this.timeout(120_000);
    for (const name of ['clinic', 'studio']) assert.deepEqual(typecheckGenerated(files(name)), [], name);
  });
});
