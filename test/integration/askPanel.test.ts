// "Ask about this project" in the real VS Code host: the command opens the panel's conversation on a
// generated project; a question sent through the panel's handler is answered with the request's id
// from the project's trace; a link opens the file at its line, a link outside the project is refused,
// a malformed message is refused, and an offered change opens Change This Project… with the text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToWebview } from '../../src/model/protocol';
import type { RejectedMessage, TakossPanel } from '../../src/vscode/panel/TakossPanel';
import type { Answer } from '../../src/model/ask/answer';
import { AskSession } from '../../src/vscode/ask/askSession';
import { loadFixtureSpec } from '../shared/claudeModels';
import { activateTakoss, closeAllEditors, quietLog, waitFor } from './helpers';

type Answered = Extract<HostToWebview, { type: 'askAnswered' }>;

describe('Ask about this project (panel)', function () {
  this.timeout(90_000);
  let panel: TakossPanel;
  let project: vscode.Uri;
  let runId: string;
  const posted: HostToWebview[] = [];

  /** Sends `message` as the webview would and waits for the host's reply to `requestId`. */
  async function ask(requestId: string, question: string): Promise<Answered> {
    await panel.receive({ type: 'askQuestion', requestId, question });
    return waitFor(() => posted.find((message): message is Answered => message.type === 'askAnswered' && message.replyTo === requestId), `the answer to ${requestId}`);
  }

  before(async () => {
    await activateTakoss();
    panel = (await vscode.commands.executeCommand<TakossPanel>('takoss.generateProject'))!;
    await panel.whenReady(30_000);
    panel.onDidPostMessage((message) => void posted.push(message));
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace);
    const spec = { ...loadFixtureSpec('events'), name: 'panel-asked-events', title: 'Panel asked events' };
    const started = await panel.viewer.start('ask-panel-1', { spec, provider: 'offline' });
    assert.ok(started);
    runId = started;
    await waitFor(() => panel.runs.runningCount === 0 || undefined, 'the run to finish', 60_000);
    project = vscode.Uri.joinPath(workspace, 'panel-asked-events');
  });

  after(closeAllEditors);

  it('"Takoss: Ask About This Project…" opens the conversation on the project', async () => {
    posted.length = 0;
    const opened = await vscode.commands.executeCommand<TakossPanel>('takoss.askProject', project);
    assert.equal(opened, panel, 'the open panel shows it');
    const start = posted.find((message) => message.type === 'startAsk');
    assert.deepEqual(start, { type: 'startAsk', project: { folder: 'panel-asked-events', title: 'Panel asked events' } });
    assert.equal(panel.ask.project?.root.path, project.path);
  });

  it('answers a question with its request id, and a link opens the file at its line', async () => {
    const { answer } = await ask('q-rule', 'Where is the capacity rule enforced?');
    assert.ok(answer, 'an answer, not an error');
    assert.match(answer.summary, /1 capacity rule is enforced/);
    const link = answer.points.flatMap((point) => point.links).find((candidate) => candidate.path === 'backend/src/rules/registrations.ts' && candidate.line);
    assert.ok(link?.line && link.line > 1, 'the rules module, below its first line');
    await panel.receive({ type: 'openAnswerLink', link });
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path === vscode.Uri.joinPath(project, 'backend', 'src', 'rules', 'registrations.ts').path ? active : undefined;
    }, 'the linked file in an editor');
    assert.equal(editor.selection.active.line, link.line - 1);
    assert.match(editor.document.lineAt(link.line - 1).text, /registrations per event/);
  });

  it('refuses a link outside the project and a malformed message', async () => {
    // (Closing the editors would close the panel too: the editor shown last stays.)
    const shown = () => vscode.workspace.textDocuments.map((document) => document.uri.path).sort();
    const before = shown();
    await panel.receive({ type: 'openAnswerLink', link: { path: '../panel-asked-events/README.md', line: 1 } });
    await panel.receive({ type: 'openAnswerLink', link: { path: '.takoss/../../x', line: 1 } });
    await panel.receive({ type: 'openAnswerLink', link: { path: '/etc/hostname', line: 1 } });
    assert.deepEqual(shown(), before, 'nothing was opened');
    const rejections: RejectedMessage[] = [];
    const subscription = panel.onDidRejectMessage((rejected) => void rejections.push(rejected));
    posted.length = 0;
    await panel.receive({ type: 'askQuestion', requestId: 'q-bad', question: '' });
    subscription.dispose();
    assert.equal(rejections[0]?.messageType, 'askQuestion');
    assert.ok(!posted.some((message) => message.type === 'askAnswered'), 'a refused question is not answered');
    assert.ok(posted.some((message) => message.type === 'rejected'));
  });

  it('"Ask about this project…" on the run opens the conversation on its folder', async () => {
    posted.length = 0;
    await panel.receive({ type: 'askAboutRun', runId });
    const start = await waitFor(() => posted.find((message) => message.type === 'startAsk'), 'startAsk');
    assert.equal(start.type === 'startAsk' && start.project.folder, 'panel-asked-events');
  });

  it('an offered change opens Change This Project… on the project with the change in the box; nothing is written', async () => {
    const specFile = vscode.Uri.joinPath(project, '.takoss', 'spec.json');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(specFile));
    const { answer } = await ask('q-change', 'add a due date to events');
    assert.ok(answer?.change, 'the question is read as a change');
    posted.length = 0;
    await panel.receive({ type: 'reviewAskedChange', text: answer.change.text });
    const start = await waitFor(() => posted.find((message) => message.type === 'startChange'), 'startChange');
    assert.equal(start.type === 'startChange' && start.text, answer.change.text);
    assert.equal(panel.change.project?.root.path, project.path);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(specFile)), before);
  });

  it('with Claude chosen: its text is posted as it streams, then its answer; when it cannot answer, the offline one with why', async () => {
    const sent: HostToWebview[] = [];
    const claudeSays = async (_question: unknown, onText: (text: string) => void): Promise<Answer> => {
      onText('It is checked in ');
      onText('backend/src/rules/registrations.ts:12.');
      return { kind: 'rule', source: 'claude', summary: 'It is checked in backend/src/rules/registrations.ts:12.', points: [], costUsd: 0.01 };
    };
    const session = new AskSession(async (message) => (sent.push(message), true), quietLog, panel.runs, panel.change, { answer: claudeSays });
    await session.begin({ root: project, folder: 'panel-asked-events' });
    await session.ask('q-claude', 'Where is the capacity rule enforced?');
    const streamed = sent.filter((message) => message.type === 'askAnswerText');
    assert.deepEqual(streamed.map((message) => (message as { text: string }).text), ['It is checked in ', 'backend/src/rules/registrations.ts:12.']);
    const answered = sent.find((message): message is Answered => message.type === 'askAnswered');
    assert.equal(answered?.answer?.source, 'claude');
    assert.ok(sent.indexOf(streamed[1]) < sent.indexOf(answered!), 'the text streams before the answer');

    const offlineWithNote = async (_question: unknown, _onText: unknown, _signal: unknown): Promise<Answer> => ({ kind: 'rule', source: 'trace', summary: 'ignored', points: [], note: 'Claude could not answer (401: the key was refused); this is the offline answer.' });
    const fallback = new AskSession(async (message) => (sent.push(message), true), quietLog, panel.runs, panel.change, { answer: offlineWithNote });
    await fallback.begin({ root: project, folder: 'panel-asked-events' });
    await fallback.ask('q-fallback', 'Where is the capacity rule enforced?');
    const offline = sent.find((message): message is Answered => message.type === 'askAnswered' && message.replyTo === 'q-fallback');
    assert.equal(offline?.answer?.source, 'trace');
    assert.match(offline?.answer?.summary ?? '', /1 capacity rule is enforced/, 'the offline answer itself');
    assert.match(offline?.answer?.note ?? '', /401/);
  });
});
