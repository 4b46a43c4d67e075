import * as assert from 'node:assert/strict';
import { RatingBox } from '../../webview-ui/src/result/RatingBox';
import { Forecast } from '../../webview-ui/src/review/Forecast';
import { fakeBridge, fireEvent, hostSends, invalidPosts, litSettled, renderUi, screen, typeInto } from './helpers';

const rateRequests = (posted: unknown[]) => posted.filter((m): m is { type: 'rateRun'; requestId: string; up: boolean; note?: string } => (m as { type?: string }).type === 'rateRun');

describe('Rating a generation', () => {
  it('sends thumbs up at once, then the note, and says when it is saved', async () => {
    const { bridge, api } = fakeBridge();
    await renderUi(<RatingBox bridge={bridge} runId="run-1" />);
    assert.equal(screen.queryByTestId('rating-note'), null, 'the note appears once a choice is made');
    fireEvent.click(screen.getByTestId('rate-up'));
    await litSettled();
    const [first] = rateRequests(api.posted);
    assert.deepEqual({ up: first.up, note: first.note }, { up: true, note: undefined });
    await hostSends({ type: 'runRated', replyTo: first.requestId, runId: 'run-1', rating: { up: true } });
    assert.match(screen.getByTestId('rating-status').textContent ?? '', /saved/);
    assert.equal(screen.getByTestId('rating').dataset.rating, 'up');
    assert.equal(screen.getByTestId('rate-up').getAttribute('aria-pressed'), 'true');

    await typeInto(screen.getByTestId('rating-note'), '  Needs a search box.  ');
    fireEvent.click(screen.getByTestId('rating-save'));
    await litSettled();
    const second = rateRequests(api.posted)[1];
    assert.deepEqual({ up: second.up, note: second.note }, { up: true, note: 'Needs a search box.' });
    await hostSends({ type: 'runRated', replyTo: second.requestId, runId: 'run-1', error: 'disk full' });
    assert.match(screen.getByTestId('rating-status').textContent ?? '', /Not saved: disk full/);
    assert.deepEqual(invalidPosts(api), []);
  });

  it('shows a stored rating when a generation is opened again', async () => {
    const { bridge } = fakeBridge();
    await renderUi(<RatingBox bridge={bridge} runId="run-2" rating={{ up: false, note: 'Wrong relations' }} />);
    assert.equal(screen.getByTestId('rating').dataset.rating, 'down');
    assert.equal(screen.getByTestId('rate-down').getAttribute('aria-pressed'), 'true');
    assert.equal((screen.getByTestId('rating-note') as HTMLElement & { value?: string }).value, 'Wrong relations');
  });
});

describe('Forecast learned from past runs', () => {
  const base = { stages: 24, files: 80, bytes: 200_000, seconds: 1.2 };
  const claude = { model: 'claude-sonnet-5-5', calls: 2, inputTokens: 9000, outputTokens: 8000, costUsd: 0.2, maxCostUsd: 0.6, budgetUsd: 0.5, callsOverBudget: 0, seconds: 40 };

  it('shows what similar past runs cost, and warns when that passes the budget', async () => {
    await renderUi(
      <Forecast
        checking={false}
        forecast={{ ...base, claude, history: { costUsd: 0.72, seconds: 55, tokens: 30_000, basedOn: 12, explanation: 'from 12 past Claude runs of 2–4 entities', overBudget: true } }}
      />,
    );
    const text = screen.getByTestId('forecast-history').textContent ?? '';
    assert.match(text, /Learned from 12 past Claude runs of 2–4 entities: about \$0\.72 and 55\.0 s/);
    assert.match(text, /more than the \$0\.50 budget/);
    assert.ok(screen.getByTestId('forecast-history').classList.contains('over-budget'));
  });

  it('says nothing learned without enough history', async () => {
    await renderUi(<Forecast checking={false} forecast={base} />);
    assert.equal(screen.queryByTestId('forecast-history'), null);
  });
});
