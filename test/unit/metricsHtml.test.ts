import * as assert from 'node:assert/strict';
import type { HistoryMetrics, PeriodTotals, StageStats, VariantStats } from '../../src/core/learning/types';
import { METRICS_CSS, STACK_BELOW_PX, renderMetricsBody } from '../../src/vscode/sidebar/metricsHtml';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const EVIL = '<img src=x onerror=alert(1)>';
const QUOTE_BREAKOUT = 'a" onmouseover="alert(1)';

const stage = (name: string, over: Partial<StageStats> = {}): StageStats => ({
  stage: name,
  count: 10,
  successRate: 1,
  meanMs: 100,
  p95Ms: 200,
  meanTokens: 0,
  totalCostUsd: 0,
  repairRate: undefined,
  cleanRate: undefined,
  ...over,
});

const variant = (stageName: string, id: string, over: Partial<VariantStats> = {}): VariantStats => ({
  ...stage(stageName),
  variant: id,
  chosenShare: 1,
  ...over,
});

const period = (name: string, over: Partial<PeriodTotals> = {}): PeriodTotals => ({
  period: name,
  runs: 1,
  succeeded: 1,
  costUsd: 0,
  tokens: 0,
  ...over,
});

const metrics = (over: Partial<HistoryMetrics> = {}): HistoryMetrics => ({
  runs: 12,
  succeeded: 9,
  totalCostUsd: 0.5,
  totalTokens: 12_345,
  stages: [stage('spec'), stage('domain-model')],
  variants: [variant('spec', 'deterministic'), variant('domain-model', 'deterministic')],
  days: [period('2026-11-25', { runs: 12, succeeded: 9, costUsd: 0.5, tokens: 12_345 })],
  weeks: [period('2026-W48', { runs: 12, succeeded: 9, costUsd: 0.5, tokens: 12_345 })],
  ...over,
});

const render = (m: HistoryMetrics) => renderMetricsBody(m, { now: NOW });

/** The inner HTML of the section with this data-testid, or undefined when absent. */
function section(html: string, testId: string): string | undefined {
  return new RegExp(`<section[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];
}

/** Text of each th/td of the first row whose opening tag carries `attribute`. */
function rowCells(html: string, attribute: string): string[] {
  const row = new RegExp(`<tr ${escapeRegExp(attribute)}>([\\s\\S]*?)</tr>`).exec(html);
  assert.ok(row, `row with ${attribute}`);
  return [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1].replace(/<[^>]*>/g, ''));
}

/** Text of the rows in a section's table body, newest-first order as rendered. */
function bodyRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1].replace(/<[^>]*>/g, '')),
  );
}

function totals(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1], m[2]]));
}

/** Day chart bars by the day named in their tooltip. */
function barHeights(html: string): Map<string, number> {
  const bars = html.matchAll(/<rect class="bar"[^>]* height="([\d.]+)"[^>]*><title>(\d{4}-\d\d-\d\d):/g);
  return new Map([...bars].map((m) => [m[2], Number(m[1])]));
}

/** Attribute names a browser would see: opening tags with their quoted values blanked out. */
function unsafeAttributes(html: string): string[] {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return tags.map((tag) => tag.replace(/"[^"]*"|'[^']*'/g, '""')).filter((tag) => /\s(on[a-z]+|style)\s*=/i.test(tag));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('metrics view HTML', () => {
  it('shows only a short message when there are no runs', () => {
    const html = render(metrics({ runs: 0, succeeded: 0, stages: [], variants: [], days: [], weeks: [] }));
    assert.equal(html, '<p class="empty" data-testid="metrics-empty">No generations yet. Metrics appear after your first run.</p>');
  });

  it('shows totals with success share, cost and tokens', () => {
    const small = totals(section(render(metrics()), 'metrics-totals')!);
    assert.deepEqual(Object.fromEntries(small), {
      Runs: '12',
      Succeeded: '9 (75%)',
      Cost: '$0.5000',
      Tokens: '12.3k',
    });
    const large = totals(render(metrics({ runs: 1234, succeeded: 1233, totalCostUsd: 1234.5, totalTokens: 9876 })));
    assert.equal(large.get('Runs'), '1,234');
    assert.equal(large.get('Succeeded'), '1,233 (99%)', 'not rounded up to 100% while some failed');
    assert.equal(large.get('Cost'), '$1,234.50');
    assert.equal(large.get('Tokens'), '9,876');
  });

  it('formats stage durations, rates, tokens, cost and missing repair rates', () => {
    const html = render(
      metrics({
        stages: [
          stage('spec', { successRate: 0.875, meanMs: 850, p95Ms: 1500, meanTokens: 1234.4, totalCostUsd: 0.0123 }),
          stage('domain-model', {
            successRate: 0.001,
            meanMs: 999.6,
            p95Ms: 12_345,
            meanTokens: 45_678,
            totalCostUsd: 2.5,
            repairRate: 0.25,
          }),
        ],
      }),
    );
    const stages = section(html, 'metrics-stages')!;
    assert.deepEqual(rowCells(stages, 'data-stage="spec"'), ['spec', '88%', '850 ms', '1.5 s', '1,234', '$0.0123', '—']);
    assert.deepEqual(rowCells(stages, 'data-stage="domain-model"'), [
      'domain-model',
      '1%',
      '1.0 s',
      '12.3 s',
      '45.7k',
      '$2.50',
      '25%',
    ]);
    assert.match(stages, /<th scope="col"[^>]*>Stage<\/th>/);
  });

  it('draws a decorative success bar per stage row, hidden from screen readers', () => {
    const html = render(metrics({ stages: [stage('spec', { successRate: 0.5 }), stage('domain-model', { successRate: 1 })] }));
    const stages = section(html, 'metrics-stages')!;
    const fills = [...stages.matchAll(/<rect class="fill" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(fills, [20, 40]);
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    assert.ok(svgs.length >= 3);
    for (const svg of svgs) assert.match(svg, /aria-hidden="true"/);
  });

  it('leaves out the variant section when every variant is deterministic', () => {
    const html = render(metrics());
    assert.equal(section(html, 'metrics-variants'), undefined);
    assert.ok(!html.includes('Prompt variants'));
  });

  it('lists every variant of the stages that chose between prompts', () => {
    const html = render(
      metrics({
        variants: [
          variant('spec', 'deterministic'),
          variant('domain-model', 'deterministic', { chosenShare: 0.1 }),
          variant('domain-model', 'direct', { chosenShare: 0.6, cleanRate: 0.5, repairRate: 0.5, meanTokens: 1500, totalCostUsd: 0.3 }),
          variant('domain-model', 'stepwise', { chosenShare: 0.3, cleanRate: 0.9, repairRate: 0, meanTokens: 2000, totalCostUsd: 1.2 }),
        ],
      }),
    );
    const variants = section(html, 'metrics-variants')!;
    assert.ok(variants);
    assert.deepEqual(rowCells(variants, 'data-variant="domain-model/direct"'), ['direct', '60%', '50%', '50%', '1,500', '$0.3000']);
    assert.deepEqual(rowCells(variants, 'data-variant="domain-model/stepwise"'), ['stepwise', '30%', '90%', '0%', '2,000', '$1.20']);
    assert.deepEqual(rowCells(variants, 'data-variant="domain-model/deterministic"'), ['deterministic', '10%', '—', '—', '0', '$0.0000']);
    assert.ok(!variants.includes('data-variant="spec/'), 'a stage without a choice is not compared');
    assert.match(variants, /<h3>domain-model<\/h3>/);
  });

  it('escapes stage, variant and period text from the data', () => {
    const html = render(
      metrics({
        stages: [stage(EVIL), stage(QUOTE_BREAKOUT)],
        variants: [variant(EVIL, EVIL), variant(QUOTE_BREAKOUT, 'direct')],
        days: [period('2026-11-25'), period(EVIL)],
        weeks: [period(EVIL)],
      }),
    );
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('data-stage="&lt;img src=x onerror=alert(1)&gt;"'));
    assert.ok(html.includes('data-variant="&lt;img src=x onerror=alert(1)&gt;/&lt;img src=x onerror=alert(1)&gt;"'));
    assert.ok(html.includes('data-stage="a&quot; onmouseover=&quot;alert(1)"'));
    assert.ok(html.includes('data-variant="a&quot; onmouseover=&quot;alert(1)/direct"'));
    assert.deepEqual(bodyRows(section(html, 'metrics-weeks')!)[0][0], '&lt;img src=x onerror=alert(1)&gt;');
    assert.deepEqual(unsafeAttributes(html), []);
  });

  it('emits no scripts, event handlers or style attributes', () => {
    assert.deepEqual(unsafeAttributes('<img src=x onerror=alert(1)><p style="x">'), ['<img src=x onerror=alert(1)>', '<p style="">']);
    const outputs = [
      render(metrics({ runs: 0 })),
      render(metrics()),
      render(
        metrics({
          stages: [stage(EVIL, { successRate: 0.3 }), stage(QUOTE_BREAKOUT, { successRate: 0.7, repairRate: 0.1 })],
          variants: [variant(EVIL, 'direct', { chosenShare: 0.5 }), variant(EVIL, QUOTE_BREAKOUT, { chosenShare: 0.5 })],
          days: [period('2026-11-20', { costUsd: 0.2 }), period('2026-11-26', { costUsd: 0.1 })],
          weeks: [period(QUOTE_BREAKOUT)],
        }),
      ),
    ];
    for (const html of outputs) {
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<(html|head|body|style|link|iframe|object)\b/i);
      assert.deepEqual(unsafeAttributes(html), []);
    }
  });

  it('charts cost per day, or runs per day when nothing cost anything', () => {
    const free = render(metrics({ days: [period('2026-11-20', { runs: 3 }), period('2026-11-25', { runs: 1 })] }));
    const freeDays = section(free, 'metrics-days')!;
    assert.match(freeDays, /<figcaption>Runs per day, last 14 days \(UTC\)<\/figcaption>/);
    const byRuns = barHeights(freeDays);
    assert.equal(byRuns.size, 2);
    assert.ok(Math.abs(byRuns.get('2026-11-20')! / byRuns.get('2026-11-25')! - 3) < 0.05, `heights ${[...byRuns]}`);
    assert.ok(freeDays.includes('<title>2026-11-20: 3 runs</title>'));

    const paid = render(
      metrics({
        days: [period('2026-11-20', { runs: 3, costUsd: 0.01 }), period('2026-11-25', { runs: 1, costUsd: 0.04 })],
      }),
    );
    const paidDays = section(paid, 'metrics-days')!;
    assert.match(paidDays, /<figcaption>Cost per day/);
    const byCost = barHeights(paidDays);
    assert.ok(Math.abs(byCost.get('2026-11-25')! / byCost.get('2026-11-20')! - 4) < 0.05, `heights ${[...byCost]}`);
    assert.deepEqual(bodyRows(paidDays), [
      ['2026-11-25', '1', '$0.0400'],
      ['2026-11-20', '3', '$0.0100'],
    ]);
  });

  it('charts only the 14 days ending today, while weeks keep the whole history', () => {
    const html = render(
      metrics({
        days: [period('2026-11-12', { runs: 5 }), period('2026-11-13', { runs: 2 }), period('2026-11-26', { runs: 1 })],
        weeks: [period('2026-W46', { runs: 5 }), period('2026-W47', { runs: 2 }), period('2026-W48', { runs: 1 })],
      }),
    );
    const days = section(html, 'metrics-days')!;
    assert.deepEqual([...barHeights(days).keys()], ['2026-11-13', '2026-11-26']);
    assert.ok(!days.includes('2026-11-12'));
    assert.deepEqual(bodyRows(section(html, 'metrics-weeks')!).map((row) => row[0]), ['2026-W48', '2026-W47', '2026-W46']);

    const stale = render(metrics({ days: [period('2026-10-01')] }));
    assert.match(section(stale, 'metrics-days')!, /No runs in the last 14 days\./);
    assert.ok(!section(stale, 'metrics-days')!.includes('<svg'));
  });

  it('shows weekly runs, successes, cost and tokens', () => {
    const html = render(metrics({ weeks: [period('2026-W48', { runs: 1500, succeeded: 1200, costUsd: 3.456, tokens: 2_500_000 })] }));
    const weeks = section(html, 'metrics-weeks')!;
    assert.deepEqual(bodyRows(weeks), [['2026-W48', '1,500', '1,200', '$3.46', '2.5M']]);
    assert.match(weeks, /<th scope="col"[^>]*>Week<\/th>/);
  });

  it('labels every main part for tests and assistive technology', () => {
    const html = render(metrics({ variants: [variant('spec', 'direct')] }));
    for (const id of ['metrics-totals', 'metrics-stages', 'metrics-variants', 'metrics-days', 'metrics-weeks']) {
      assert.match(html, new RegExp(`<section aria-label="[^"]+" data-testid="${id}"><h2>`));
    }
  });

  it('names each figure by its column, so a narrow sidebar can show a row as a block instead of cutting it off', () => {
    const html = render(metrics({ stages: [stage('spec', { meanMs: 850 })], variants: [variant('spec', 'direct')] }));
    const stages = section(html, 'metrics-stages')!;
    const labels = [...stages.matchAll(/<td class="num" data-label="([^"]*)">/g)].map((match) => match[1]);
    assert.deepEqual(labels, ['Success', 'Mean', 'p95', 'Tokens', 'Cost', 'Repair']);
    // Tables of more than three columns stack below the breakpoint; the per-day table fits as it is.
    assert.match(stages, /<table class="stacks">/);
    assert.match(section(html, 'metrics-variants')!, /<table class="stacks">/);
    assert.match(section(html, 'metrics-weeks')!, /<table class="stacks">/);
    assert.match(section(html, 'metrics-days')!, /<table><thead>/);
    assert.match(METRICS_CSS, new RegExp(`@media \\(max-width: ${STACK_BELOW_PX}px\\)[^]*table\\.stacks td::before \\{\\s*content: attr\\(data-label\\)`));
  });

  it('styles with theme variables only', () => {
    assert.doesNotMatch(METRICS_CSS, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|url\(|@import/i);
    const variables = METRICS_CSS.match(/var\(--[\w-]+/g) ?? [];
    assert.ok(variables.length > 5);
    for (const variable of variables) assert.match(variable, /^var\(--vscode-/);
    for (const color of ['charts-green', 'charts-red', 'charts-orange', 'charts-blue', 'descriptionForeground']) {
      assert.ok(METRICS_CSS.includes(`var(--vscode-${color})`), color);
    }
  });
});
