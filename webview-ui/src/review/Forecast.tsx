import type { RunForecast } from '../../../src/model/protocol';

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const tokens = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n.toLocaleString('en-US'));

/** What the run will produce and cost, before it starts. */
export function Forecast({ forecast, checking }: { forecast?: RunForecast; checking: boolean }) {
  if (!forecast) return null;
  const claude = forecast.claude;
  return (
    <div className="forecast" data-testid="forecast" aria-live="polite" aria-busy={checking}>
      <strong>Forecast{checking ? ' (updating…)' : ''}:</strong> {forecast.stages} stages, {forecast.files} files ({kb(forecast.bytes)}), about{' '}
      {claude ? claude.seconds : forecast.seconds} s.
      {claude && (
        <>
          {' '}
          Claude ({claude.model}): {claude.calls} calls, ~{tokens(claude.inputTokens)} input and ~{tokens(claude.outputTokens)} output tokens, about $
          {claude.costUsd.toFixed(2)} (at most ${claude.maxCostUsd.toFixed(2)} of the ${claude.budgetUsd.toFixed(2)} budget).
          {claude.callsOverBudget > 0 && ` ${claude.callsOverBudget} stage${claude.callsOverBudget > 1 ? 's' : ''} would pass the budget and keep the offline result.`}
          {claude.mayGrow && <span data-testid="forecast-may-grow"> {claude.mayGrow}</span>}
        </>
      )}
      {!claude && ' Offline: no API calls, no cost.'}
      {forecast.history && (
        <span className={forecast.history.overBudget ? 'forecast-history over-budget' : 'forecast-history'} data-testid="forecast-history">
          {' '}
          Learned {forecast.history.explanation}: about {claude || forecast.history.costUsd > 0 ? `$${forecast.history.costUsd.toFixed(2)} and ` : ''}
          {forecast.history.seconds.toFixed(1)} s.
          {forecast.history.overBudget &&
            ` That is more than the $${claude?.budgetUsd.toFixed(2) ?? ''} budget: some stages will keep the offline result (raise takoss.budgetPerRunUsd to let Claude do more).`}
        </span>
      )}
    </div>
  );
}
