// "Ask about this project" in the panel: the host's startAsk opens the conversation; a question
// (Enter or the button) is sent to the host and its answer drawn as a list: summary, points, links
// as path:line buttons that ask the host to open the file at that line, and a change offered as
// "Review this change…", which asks the host for Change This Project… with the text in the box.
// The result of a finished run has the button that starts it.
import * as assert from 'node:assert/strict';
import type { Answer } from '../../src/model/ask/answer';
import type { WebviewToHost } from '../../src/model/protocol';
import { replayRun } from '../../src/model/run/runState';
import { App } from '../../webview-ui/src/App';
import { ResultView } from '../../webview-ui/src/result/ResultView';
import { loadFixtureSpec } from '../shared/claudeModels';
import { act, fakeBridge, type FakeVsCodeApi, fireEvent, hostInfo, hostSends, invalidPosts, type LitElementLike, pressKey, renderUi, runEvents, screen, stage, typeInto } from './helpers';

const project = { folder: 'apps/events', title: 'Club events' };

const ruleAnswer: Answer = {
  kind: 'rule',
  source: 'trace',
  summary: '1 capacity rule is enforced, in <b>the API</b>.',
  points: [
    {
      text: 'registrations per event at most capacity',
      links: [
        { path: 'backend/src/rules/registrations.ts', line: 12 },
        { path: 'README.md' },
      ],
    },
  ],
};

const changeAnswer: Answer = {
  kind: 'change',
  source: 'trace',
  summary: 'That is a change: review it in Change This Project….',
  // As askProject answers: what the change would do, as points and as the offer's lines.
  points: [{ text: 'Event gains dueDate (date, optional)', links: [] }],
  change: { text: 'add a due date to events', wouldDo: ['Event gains dueDate (date, optional)'] },
};

function posted<T extends WebviewToHost['type']>(api: FakeVsCodeApi, type: T): Extract<WebviewToHost, { type: T }>[] {
  return api.posted.filter((m) => (m as WebviewToHost).type === type) as Extract<WebviewToHost, { type: T }>[];
}

async function click(element: Element) {
  await act(async () => {
    fireEvent.click(element);
  });
}

/** The app with the conversation open on `project`. */
async function startAsk(): Promise<FakeVsCodeApi> {
  const { bridge, api } = fakeBridge();
  await renderUi(<App bridge={bridge} />);
  await hostSends({ type: 'init', host: hostInfo() });
  await hostSends({ type: 'startAsk', project });
  return api;
}

/** Types a question and sends it with Enter; the host answers `answer`. */
async function askAndAnswer(api: FakeVsCodeApi, question: string, answer: Answer): Promise<void> {
  await typeInto(screen.getByTestId('ask-text'), question);
  await pressKey(screen.getByTestId('ask-text'), 'Enter');
  const request = posted(api, 'askQuestion').at(-1);
  assert.ok(request, 'the question was sent');
  assert.equal(request.question, question);
  assert.equal(screen.getAllByTestId('ask-pending').length, 1, 'the question waits for its answer');
  await hostSends({ type: 'askAnswered', replyTo: request.requestId, answer });
}

describe('Ask about this project (panel)', () => {
  it('opens on the project the host names, with a question box', async () => {
    const api = await startAsk();
    assert.equal(screen.getByTestId('takoss-app').dataset.step, 'ask');
    assert.equal(screen.getByTestId('ask-project').textContent, 'Club events');
    assert.ok(screen.getByTestId('ask-text'));
    assert.deepEqual(invalidPosts(api), []);
  });

  it('sends a question on Enter and draws the answer: summary, points, links as path:line (text escaped)', async () => {
    const api = await startAsk();
    await askAndAnswer(api, 'Where is the capacity rule enforced?', ruleAnswer);
    assert.equal(screen.getByTestId('ask-question').textContent, 'Where is the capacity rule enforced?');
    assert.equal(screen.getByTestId('ask-summary').textContent, '1 capacity rule is enforced, in <b>the API</b>.');
    assert.equal(document.querySelector('.ask-answer b'), null, 'markup in an answer is text, never HTML');
    assert.match(screen.getByTestId('ask-point').textContent ?? '', /registrations per event at most capacity/);
    assert.deepEqual(
      screen.getAllByTestId('ask-link').map((link) => link.textContent),
      ['backend/src/rules/registrations.ts:12', 'README.md'],
    );
    assert.equal((screen.getByTestId('ask-text') as LitElementLike).value, '', 'the box is emptied for the next question');
    assert.deepEqual(invalidPosts(api), []);
  });

  it('with Claude: its text shows as it streams, then the answer with what it cost; a fallback says why', async () => {
    const api = await startAsk();
    await typeInto(screen.getByTestId('ask-text'), 'Where is the capacity rule enforced?');
    await pressKey(screen.getByTestId('ask-text'), 'Enter');
    const request = posted(api, 'askQuestion').at(-1)!;
    await hostSends({ type: 'askAnswerText', forRequest: request.requestId, text: 'It is checked in <b>rules</b>\n' });
    await hostSends({ type: 'askAnswerText', forRequest: request.requestId, text: '- before saving.' });
    assert.equal(screen.getByTestId('ask-streaming').textContent, 'It is checked in <b>rules</b>\n- before saving.', 'appended in order, as text');
    assert.equal(document.querySelector('.ask-streaming b'), null);
    const claudeAnswer: Answer = { ...ruleAnswer, source: 'claude', summary: 'It is checked in rules.', costUsd: 0.0123 };
    await hostSends({ type: 'askAnswered', replyTo: request.requestId, answer: claudeAnswer });
    assert.equal(screen.queryByTestId('ask-streaming'), null, 'the whole answer replaces the streamed text');
    assert.match(screen.getByTestId('ask-cost').textContent ?? '', /Answered by Claude from the project’s files, \$0\.0123/);
    await askAndAnswer(api, 'and the unique rule?', { ...ruleAnswer, note: 'Claude was not asked: the question could cost more than the budget ($0.50).' });
    assert.match(screen.getAllByTestId('ask-note').at(-1)?.textContent ?? '', /could cost more than the budget/);
    assert.deepEqual(invalidPosts(api), []);
  });

  it('a link click asks the host to open the file at that line', async () => {
    const api = await startAsk();
    await askAndAnswer(api, 'Where is the capacity rule enforced?', ruleAnswer);
    await click(screen.getAllByTestId('ask-link')[0]);
    assert.deepEqual(posted(api, 'openAnswerLink'), [{ type: 'openAnswerLink', link: { path: 'backend/src/rules/registrations.ts', line: 12 } }]);
  });

  it('the Ask button sends too, and the exchange keeps every question in order; an error is said', async () => {
    const api = await startAsk();
    await askAndAnswer(api, 'Where is the capacity rule enforced?', ruleAnswer);
    await typeInto(screen.getByTestId('ask-text'), 'what did you not implement?');
    await click(screen.getByTestId('ask-send'));
    const second = posted(api, 'askQuestion')[1];
    assert.equal(second.question, 'what did you not implement?');
    await hostSends({ type: 'askAnswered', replyTo: second.requestId, error: 'Takoss could not answer: the manifest is gone' });
    assert.deepEqual(
      screen.getAllByTestId('ask-question').map((q) => q.textContent),
      ['Where is the capacity rule enforced?', 'what did you not implement?'],
    );
    assert.equal(screen.getByTestId('ask-error').textContent, 'Takoss could not answer: the manifest is gone');
  });

  it('a change is offered as "Review this change…": the host is asked, and change mode opens with the text in the box', async () => {
    const api = await startAsk();
    await askAndAnswer(api, 'add a due date to events', changeAnswer);
    assert.match(screen.getByTestId('ask-change').textContent ?? '', /Event gains dueDate/);
    assert.equal((screen.getByTestId('ask-answer').textContent ?? '').split('Event gains dueDate').length - 1, 1, 'listed once');
    await click(screen.getByTestId('ask-review-change'));
    assert.deepEqual(posted(api, 'reviewAskedChange'), [{ type: 'reviewAskedChange', text: 'add a due date to events' }]);
    // The host answers as Change This Project… does, with the offered change.
    const spec = loadFixtureSpec('events');
    await hostSends({ type: 'startChange', project: { name: spec.name, title: spec.title, folder: project.folder }, spec, provider: 'offline', text: 'add a due date to events' });
    const review = posted(api, 'reviewSpec').at(-1);
    assert.ok(review);
    await hostSends({ type: 'specReview', replyTo: review.requestId, spec, problems: [], folder: project.folder, folderExists: true, conflicts: [] });
    assert.equal(screen.queryByTestId('ask-view'), null, 'the review takes the panel');
    assert.ok(screen.getByTestId('change-banner'));
    assert.equal((screen.getByTestId('change-text') as HTMLTextAreaElement).value, 'add a due date to events');
    assert.deepEqual(invalidPosts(api), []);
  });

  it('Back closes the conversation; asking about the same project again returns to it', async () => {
    await startAsk();
    assert.ok(screen.getByTestId('ask-view'));
    await click(screen.getByTestId('ask-close'));
    assert.equal(screen.queryByTestId('ask-view'), null);
    await hostSends({ type: 'startAsk', project });
    assert.ok(screen.getByTestId('ask-view'));
  });

  it('the result of a finished run offers "Ask about this project…", which names the run to the host', async () => {
    const { bridge, api } = fakeBridge();
    const sha = 'a'.repeat(64);
    const state = replayRun(
      runEvents('run-7', [
        { type: 'runStarted', concurrency: 1, stages: [stage('readme', 'README')] },
        { type: 'fileProduced', stageId: 'readme', path: 'README.md', bytes: 10, sha256: sha },
      ]),
    );
    await renderUi(<ResultView bridge={bridge} runId="run-7" state={state} />);
    await click(screen.getByTestId('ask-about-project'));
    assert.deepEqual(posted(api, 'askAboutRun'), [{ type: 'askAboutRun', runId: 'run-7' }]);
  });
});
