// @takoss in the real VS Code host: a question about the project holding the open file is answered
// from its trace, each link an anchor at the line (opening it lands on the check), and a change is
// a button to Change This Project…, with nothing written.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasChatApi } from '../../src/vscode/ask/chatParticipant';
import type { AnswerStream } from '../../src/vscode/ask/chatAnswer';
import type { TakossApi } from '../../src/vscode/api';
import type { TakossPanel } from '../../src/vscode/panel/TakossPanel';
import { loadFixtureSpec } from '../shared/claudeModels';
import { activateTakoss, closeAllEditors, waitFor } from './helpers';

interface Streamed {
  markdown: string;
  anchors: vscode.Location[];
  buttons: vscode.Command[];
}

function recordingStream(): { stream: AnswerStream; streamed: Streamed } {
  const streamed: Streamed = { markdown: '', anchors: [], buttons: [] };
  const stream: AnswerStream = {
    markdown: (value) => void (streamed.markdown += typeof value === 'string' ? value : value.value),
    anchor: (value) => void streamed.anchors.push(value as vscode.Location),
    button: (command) => void streamed.buttons.push(command),
  };
  return { stream, streamed };
}

describe('@takoss: asking about a generated project', function () {
  this.timeout(60_000);
  let api: TakossApi;
  let project: vscode.Uri;

  before(async () => {
    api = await activateTakoss();
    const panel = await vscode.commands.executeCommand<TakossPanel>('takoss.generateProject');
    await panel.whenReady(30_000);
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace);
    const spec = { ...loadFixtureSpec('events'), name: 'asked-events', title: 'Asked events' };
    assert.ok(await panel.viewer.start('ask-1', { spec, provider: 'offline' }));
    await waitFor(() => panel.runs.runningCount === 0 || undefined, 'the run to finish', 30_000);
    project = vscode.Uri.joinPath(workspace, 'asked-events');
    await vscode.window.showTextDocument(vscode.Uri.joinPath(project, 'backend', 'src', 'routes', 'registrations.ts'));
  });

  after(closeAllEditors);

  it('answers about the project of the open file, with anchors that open the check at its line', async () => {
    const { stream, streamed } = recordingStream();
    await api.askInChat('Where is the capacity rule enforced?', stream);
    assert.match(streamed.markdown, /asked\\-events/);
    assert.match(streamed.markdown, /1 capacity rule is enforced/);
    const check = streamed.anchors.find((anchor) => anchor.uri.path.endsWith('/asked-events/backend/src/rules/registrations.ts'));
    assert.ok(check && check.range.start.line > 0, 'the rules module, below its first line');
    const editor = await vscode.window.showTextDocument(check.uri, { selection: check.range });
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^\/\*\*.*registrations per event/);
  });

  it('"this file" is the open file', async () => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(project, 'backend', 'src', 'validation', 'events.ts'));
    const { stream, streamed } = recordingStream();
    await api.askInChat('why does this file exist?', stream);
    assert.match(streamed.markdown, /Written by/);
    assert.ok(streamed.anchors.some((anchor) => anchor.uri.path.endsWith('/backend/src/validation/events.ts')));
  });

  it('a change is offered as a button to Change This Project…, and nothing is written', async () => {
    const specFile = vscode.Uri.joinPath(project, '.takoss', 'spec.json');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(specFile));
    const { stream, streamed } = recordingStream();
    await api.askInChat('add a due date to events', stream);
    assert.match(streamed.markdown, /Event gains dueDate/);
    assert.equal(streamed.buttons[0]?.command, 'takoss.changeProject');
    assert.equal((streamed.buttons[0]?.arguments?.[0] as vscode.Uri).path, project.path);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(specFile)), before);
  });

  it('the participant is registered where the editor has a chat API (feature-detected)', () => {
    // code-server's build may or may not carry the chat API; either way activation succeeded above.
    const participants = (vscode.extensions.getExtension('takoss.takoss')?.packageJSON.contributes?.chatParticipants ?? []) as { id: string }[];
    assert.deepEqual(participants.map((p) => p.id), ['takoss.ask']);
    assert.equal(typeof hasChatApi(), 'boolean');
  });
});
