// The body of the "Metrics" sidebar view, rendered from HistoryMetrics. Pure (no 'vscode' import)
// so it is unit tested in plain Node. The view's CSP allows no scripts and no inline styles, so all
// looks come from METRICS_CSS classes and SVG presentation attributes.
import { DETERMINISTIC } from '../../core/learning/outcome';
import type { HistoryMetrics, PeriodTotals, StageStats, VariantStats } from '../../core/learning/types';
import { formatDuration } from '../../model/run/outcome';

const DASH = '—';
const CHART_DAYS = 14;
const DAY_MS = 86_400_000;
/** Below this width (px) a table of more than three columns shows its rows as blocks. */
export const STACK_BELOW_PX = 560;

export function renderMetricsBody(metrics: HistoryMetrics, options: { now?: number } = {}): string {
  if (metrics.runs === 0) {
    return '<p class="empty" data-testid="metrics-empty">No generations yet. Metrics appear after your first run.</p>';
  }
  const now = Number.isFinite(options.now) ? (options.now as number) : Date.now();
  const sections = [
    totalsSection(metrics),
    stagesSection(metrics.stages),
    variantsSection(metrics.variants),
    daysSection(metrics.days, now),
    weeksSection(metrics.weeks),
  ];
  return `<div class="metrics">${sections.join('')}</div>`;
}

// ---- sections ----

function totalsSection(metrics: HistoryMetrics): string {
  const items: Array<[string, string]> = [
    ['Runs', formatCount(metrics.runs)],
    ['Succeeded', `${formatCount(metrics.succeeded)} (${formatPercent(metrics.succeeded / metrics.runs)})`],
    ['Cost', formatUsd(metrics.totalCostUsd)],
    ['Tokens', formatTokens(metrics.totalTokens)],
  ];
  const list = items.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('');
  return section('Totals', 'metrics-totals', `<dl class="totals">${list}</dl>`);
}

function stagesSection(stages: readonly StageStats[]): string {
  if (stages.length === 0) return '';
  const rows = stages.map((stats) =>
    row(`data-stage="${escapeHtml(stats.stage)}"`, escapeHtml(stats.stage), [
      `${formatPercent(stats.successRate)}${rateBar(stats.successRate, successTone(stats.successRate))}`,
      durationCell(stats.meanMs),
      durationCell(stats.p95Ms),
      formatTokens(stats.meanTokens),
      formatUsd(stats.totalCostUsd),
      formatOptionalPercent(stats.repairRate),
    ]),
  );
  const columns: Column[] = [
    ['Stage'],
    ['Success'],
    ['Mean', 'Mean duration'],
    ['p95', '95th percentile duration'],
    ['Tokens', 'Mean input + output tokens'],
    ['Cost', 'Total cost'],
    ['Repair', 'Share of Claude answers that needed a repair round trip'],
  ];
  return section('Per stage', 'metrics-stages', table(columns, rows));
}

function variantsSection(variants: readonly VariantStats[]): string {
  // A stage whose only variant is deterministic never chose between prompts: nothing to compare.
  const stagesWithChoice = [...new Set(variants.filter((v) => v.variant !== DETERMINISTIC).map((v) => v.stage))];
  if (stagesWithChoice.length === 0) return '';
  const columns: Column[] = [
    ['Variant'],
    ['Chosen', "Share of this stage's runs that used the variant"],
    ['Clean', 'Share of Claude answers that succeeded without repair'],
    ['Repair', 'Share of Claude answers that needed a repair round trip'],
    ['Tokens', 'Mean input + output tokens'],
    ['Cost', 'Total cost'],
  ];
  const groups = stagesWithChoice.map((stage) => {
    const rows = variants
      .filter((v) => v.stage === stage)
      .map((v) =>
        row(`data-variant="${escapeHtml(`${stage}/${v.variant}`)}"`, escapeHtml(v.variant), [
          `${formatPercent(v.chosenShare)}${rateBar(v.chosenShare, 'share')}`,
          formatOptionalPercent(v.cleanRate),
          formatOptionalPercent(v.repairRate),
          formatTokens(v.meanTokens),
          formatUsd(v.totalCostUsd),
        ]),
      );
    return `<h3>${escapeHtml(stage)}</h3>${table(columns, rows)}`;
  });
  return section('Prompt variants', 'metrics-variants', groups.join(''));
}

/** A bar per calendar day of the 14 ending today (UTC, like the periods), so gaps show as gaps. */
function daysSection(days: readonly PeriodTotals[], now: number): string {
  const window = lastUtcDays(now, CHART_DAYS);
  const byDay = new Map(days.map((day) => [day.period, day]));
  const shown = window.flatMap((day) => byDay.get(day) ?? []);
  if (shown.length === 0) {
    return section('Per day', 'metrics-days', `<p class="note">No runs in the last ${CHART_DAYS} days.</p>`);
  }
  // Offline-only history costs nothing; a chart of zeros would say nothing, so show runs instead.
  const byCost = shown.some((day) => day.costUsd > 0);
  const value = (day: PeriodTotals) => (byCost ? day.costUsd : day.runs);
  const label = (day: PeriodTotals) => (byCost ? formatUsd(day.costUsd) : `${formatCount(day.runs)} runs`);
  const caption = `${byCost ? 'Cost' : 'Runs'} per day, last ${CHART_DAYS} days (UTC)`;

  const chart = dayChart(window, byDay, value, label);
  const rows = [...shown].reverse().map((day) =>
    row('', escapeHtml(day.period), [formatCount(day.runs), formatUsd(day.costUsd)]),
  );
  const figure =
    `<figure class="chart"><figcaption>${caption}</figcaption>${chart}` +
    `${table([['Day'], ['Runs'], ['Cost']], rows)}</figure>`;
  return section('Per day', 'metrics-days', figure);
}

function weeksSection(weeks: readonly PeriodTotals[]): string {
  if (weeks.length === 0) return '';
  const rows = [...weeks].reverse().map((week) =>
    row('', escapeHtml(week.period), [
      formatCount(week.runs),
      formatCount(week.succeeded),
      formatUsd(week.costUsd),
      formatTokens(week.tokens),
    ]),
  );
  const columns: Column[] = [['Week', 'ISO week'], ['Runs'], ['Succeeded'], ['Cost'], ['Tokens']];
  return section('Per week', 'metrics-weeks', table(columns, rows));
}

// ---- building blocks ----

/** Header label, and an optional longer description shown as its tooltip. */
type Column = [label: string, description?: string];

function section(title: string, testId: string, content: string): string {
  return `<section aria-label="${title}" data-testid="${testId}"><h2>${title}</h2>${content}</section>`;
}

/** The first column is the row's header; the others are right-aligned numbers. */
function table(columns: readonly Column[], rows: readonly Row[]): string {
  const head = columns
    .map(([label, description], index) => {
      const classes = index > 0 ? ' class="num"' : '';
      const title = description ? ` title="${escapeHtml(description)}"` : '';
      return `<th scope="col"${classes}${title}>${label}</th>`;
    })
    .join('');
  const labels = columns.slice(1).map(([label]) => label);
  const body = rows.map((each) => each(labels)).join('');
  // More columns than a sidebar holds: below STACK_BELOW_PX each row becomes a block whose cells
  // wrap, each named by its column (data-label), instead of a table cut off at the sidebar's edge.
  const stacks = columns.length > 3 ? ' class="stacks"' : '';
  return `<div class="scroll"><table${stacks}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A row, rendered once the table knows its columns' labels. */
type Row = (labels: readonly string[]) => string;

/** `attributes` and `header` must already be escaped. */
function row(attributes: string, header: string, cells: readonly string[]): Row {
  const opening = attributes ? `<tr ${attributes}>` : '<tr>';
  return (labels) =>
    `${opening}<th scope="row">${header}</th>${cells
      .map((cell, index) => `<td class="num" data-label="${escapeHtml(labels[index] ?? '')}">${cell}</td>`)
      .join('')}</tr>`;
}

/** Decoration only: the number next to it is what screen readers get. */
function rateBar(rate: number, tone: string): string {
  const width = 40;
  const height = 6;
  const filled = round1(clamp01(rate) * width);
  return (
    `<svg class="rate ${tone}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">` +
    `<rect class="track" width="${width}" height="${height}" rx="1" fill="currentColor"/>` +
    `<rect class="fill" width="${filled}" height="${height}" rx="1" fill="currentColor"/></svg>`
  );
}

function successTone(rate: number): string {
  return rate >= 0.9 ? 'good' : rate >= 0.5 ? 'fair' : 'poor';
}

function dayChart(
  window: readonly string[],
  byDay: ReadonlyMap<string, PeriodTotals>,
  value: (day: PeriodTotals) => number,
  label: (day: PeriodTotals) => string,
): string {
  const slot = 20;
  const barWidth = 14;
  const top = 4;
  const baseline = 60;
  const width = slot * window.length;
  const valueOf = (day: string) => {
    const totals = byDay.get(day);
    return totals ? value(totals) : 0;
  };
  const max = Math.max(...window.map(valueOf));
  const bars = window.map((day, index) => {
    const totals = byDay.get(day);
    if (!totals || !(max > 0)) return '';
    // At least 1 unit tall, so a day with a tiny cost still shows that it had runs.
    const height = round1(Math.max(1, (value(totals) / max) * (baseline - top)));
    const x = index * slot + (slot - barWidth) / 2;
    return (
      `<rect class="bar" x="${x}" y="${round1(baseline - height)}" width="${barWidth}" height="${height}" fill="currentColor">` +
      `<title>${escapeHtml(`${day}: ${label(totals)}`)}</title></rect>`
    );
  });
  const axis =
    `<line class="axis" x1="0" y1="${baseline + 0.5}" x2="${width}" y2="${baseline + 0.5}" stroke="currentColor"/>` +
    `<text class="axis-label" x="0" y="${baseline + 11}" text-anchor="start">${escapeHtml(window[0].slice(5))}</text>` +
    `<text class="axis-label" x="${width}" y="${baseline + 11}" text-anchor="end">${escapeHtml(window[window.length - 1].slice(5))}</text>`;
  return `<svg width="${width}" height="${baseline + 14}" viewBox="0 0 ${width} ${baseline + 14}" aria-hidden="true" focusable="false">${bars.join('')}${axis}</svg>`;
}

/** "YYYY-MM-DD" of the `count` UTC days ending with the day of `now`, oldest first. */
function lastUtcDays(now: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    new Date(now - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

// ---- formatting ----

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dollarsFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

function formatCount(value: number): string {
  return Number.isFinite(value) ? integerFormat.format(value) : DASH;
}

/** Whole percent, but never "0%" for something that happened nor "100%" for something that did not always. */
function formatPercent(rate: number): string {
  if (!Number.isFinite(rate)) return DASH;
  let percent = Math.round(rate * 100);
  if (percent === 0 && rate > 0) percent = 1;
  if (percent === 100 && rate < 1) percent = 99;
  return `${percent}%`;
}

function formatOptionalPercent(rate: number | undefined): string {
  return rate === undefined ? DASH : formatPercent(rate);
}

function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  return `$${Math.abs(value) < 1 ? value.toFixed(4) : dollarsFormat.format(value)}`;
}

/** Exact below 10,000 ("9,876"), compact above ("12.3k", "1.2M"). */
function formatTokens(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  const rounded = Math.round(value);
  return rounded < 10_000 ? integerFormat.format(rounded) : compactFormat.format(rounded).replace('K', 'k');
}

/** A duration as every view shows it (a dash when there is none). */
function durationCell(ms: number): string {
  return Number.isFinite(ms) ? formatDuration(ms) : DASH;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}

// ---- stylesheet ----

/** Theme variables only, so the view follows light, dark and high-contrast themes. */
export const METRICS_CSS = `
.metrics, .empty {
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size);
  color: var(--vscode-foreground);
}
.empty, .note, figcaption {
  color: var(--vscode-descriptionForeground);
}
.metrics h2 {
  font-size: 1em;
  font-weight: 600;
  margin: 1.2em 0 0.4em;
}
.metrics h3 {
  font-size: 1em;
  font-weight: 400;
  color: var(--vscode-descriptionForeground);
  margin: 0.8em 0 0.3em;
}
.metrics section:first-child h2 {
  margin-top: 0.4em;
}
.totals {
  display: grid;
  grid-template-columns: repeat(2, minmax(0, 1fr));
  gap: 0.4em 1em;
  margin: 0;
}
.totals dt {
  color: var(--vscode-descriptionForeground);
}
.totals dd {
  margin: 0;
  font-size: 1.2em;
  font-variant-numeric: tabular-nums;
}
.scroll {
  overflow-x: auto;
}
.metrics table {
  width: 100%;
  border-collapse: collapse;
  font-variant-numeric: tabular-nums;
}
.metrics th, .metrics td {
  padding: 2px 4px;
  text-align: left;
  white-space: nowrap;
}
.metrics thead th {
  font-weight: 400;
  color: var(--vscode-descriptionForeground);
  border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder));
}
.metrics tbody th {
  font-weight: 400;
}
.metrics tbody tr:hover {
  background: var(--vscode-list-hoverBackground);
}
.metrics .num {
  text-align: right;
}
/* A table wider than the sidebar scrolls sideways; its row names stay in sight (sticky first column). */
.metrics tbody th, .metrics thead th:first-child {
  position: sticky;
  left: 0;
  z-index: 1;
  background: var(--vscode-sideBar-background, var(--vscode-editor-background));
  box-shadow: inset -1px 0 var(--vscode-editorWidget-border, var(--vscode-contrastBorder, transparent));
}
svg.rate {
  margin-left: 4px;
  vertical-align: middle;
}
svg.rate .track {
  color: var(--vscode-editorWidget-border, var(--vscode-contrastBorder));
}
svg.rate.good .fill { color: var(--vscode-charts-green); }
svg.rate.fair .fill { color: var(--vscode-charts-orange); }
svg.rate.poor .fill { color: var(--vscode-charts-red); }
svg.rate.share .fill { color: var(--vscode-charts-blue); }
.chart {
  margin: 0;
}
.chart svg {
  display: block;
  max-width: 100%;
  height: auto;
  margin: 0.4em 0;
}
.chart .bar { color: var(--vscode-charts-blue); }
.chart .axis { color: var(--vscode-editorWidget-border, var(--vscode-contrastBorder)); }
.chart .axis-label {
  fill: var(--vscode-descriptionForeground);
  font-size: 9px;
}
/* Narrower than a many-column table needs (STACK_BELOW_PX): each row is a block, its name on a line
   of its own and its figures wrapping below it, each after its column's name. */
@media (max-width: ${STACK_BELOW_PX}px) {
  .metrics table.stacks thead {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .metrics table.stacks, .metrics table.stacks tbody, .metrics table.stacks tr {
    display: block;
  }
  .metrics table.stacks tr {
    padding: 3px 0;
    border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder, transparent));
  }
  .metrics table.stacks tbody th {
    display: block;
    position: static;
    box-shadow: none;
    background: none;
    font-weight: 600;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  .metrics table.stacks td {
    display: inline-block;
    text-align: left;
    padding-right: 10px;
  }
  .metrics table.stacks td::before {
    content: attr(data-label) " ";
    color: var(--vscode-descriptionForeground);
  }
}
`;
