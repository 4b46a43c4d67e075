// One panel's "Ask about this project" (issue #16): which generated project the conversation is
// about, each question answered in the host from the project's trace (the webview never reads a
// file), a link's file opened at its line (only plain files inside the project), and an offered
// change opened for review in Change This Project… with the change in its box (nothing is written
// from the conversation).
import * as vscode from 'vscode';
import { askProject } from '../../core/ask/askProject';
import { NotATakossProjectError, readProjectTrace } from '../../core/ask/trace';
import { errorText, type Logger } from '../../core/log';
import { Sink } from '../../core/output/sink/sink';
import type { FileLink } from '../../model/ask/answer';
import type { HostToWebview, ProviderChoice } from '../../model/protocol';
import { notRememberedMessage, projectAt, readRememberedSpec } from '../change/changeableProjects';
import type { ChangeSession } from '../change/changeSession';
import { workspacePort } from '../generation/workspaceSink';
import type { RunService } from '../runs/RunService';
import type { ChatClaude } from './claudeInChat';
import { fileUri } from '../runs/runFiles';

/** The project a conversation is about. */
export interface AskedProject {
  root: vscode.Uri;
  folder: string;
  /** Project-relative path of the file open in the editor when the conversation began ("this file"). */
  currentFile?: string;
}

export class AskSession {
  private current: AskedProject | undefined;

  constructor(
    private readonly post: (message: HostToWebview) => Promise<boolean>,
    private readonly log: Logger,
    private readonly runs: Pick<RunService, 'registry' | 'isActive'>,
    private readonly change: Pick<ChangeSession, 'begin'>,
    /** Claude, when it is the chosen provider and a key is stored (its answer streams into the view). */
    private readonly claude?: Pick<ChatClaude, 'answer'>,
  ) {}

  get project(): AskedProject | undefined {
    return this.current;
  }

  /** Opens the conversation on `project` in the webview. */
  async begin(project: AskedProject): Promise<boolean> {
    this.current = project;
    const title = await this.titleOf(project);
    this.log.info(`Asking about ${project.folder}`);
    return this.post({ type: 'startAsk', project: { folder: project.folder, title } });
  }

  /** The conversation on the folder a finished run generated. */
  async beginForRun(runId: string): Promise<boolean> {
    if (this.runs.isActive(runId)) throw new Error('The run is still going: ask about the project when it has finished.');
    const record = this.runs.registry.get(runId);
    return this.begin({ root: record.target, folder: record.folder });
  }

  /** Answers `question` from the project's trace; the reply carries the request's id. */
  async ask(requestId: string, question: string): Promise<void> {
    const project = this.current;
    if (!project) return void (await this.post({ type: 'askAnswered', replyTo: requestId, error: 'There is no project to ask about: run "Takoss: Ask About This Project…" first.' }));
    try {
      const trace = await readProjectTrace(new Sink(workspacePort(project.root)));
      const offline = await askProject(trace, question, { currentFile: project.currentFile });
      const asked = { project: project.root.toString(), trace, prompt: question, offline, currentFile: project.currentFile };
      const streamed = (text: string) => void this.post({ type: 'askAnswerText', forRequest: requestId, text: text.slice(0, 20_000) });
      const claude = await this.claude?.answer(asked, streamed, new AbortController().signal);
      // Claude's answer, or the offline one (with Claude's note on why it did not answer, when it was asked).
      const answer = claude?.source === 'claude' ? claude : claude?.note ? { ...offline, note: claude.note } : offline;
      await this.post({ type: 'askAnswered', replyTo: requestId, answer });
    } catch (error) {
      if (!(error instanceof NotATakossProjectError)) this.log.error(`Answering a question about ${project.folder} failed: ${errorText(error)}`);
      await this.post({ type: 'askAnswered', replyTo: requestId, error: `Takoss could not answer: ${errorText(error)}`.slice(0, 2000) });
    }
  }

  /** Opens a link's file at its line: a plain file inside the project, or nothing (the path is refused). */
  async openLink(link: FileLink): Promise<vscode.TextEditor> {
    const project = this.requireProject();
    // The sink refuses unsafe paths and does not follow symbolic links out of the project.
    if (!(await new Sink(workspacePort(project.root)).isPlainFile(link.path))) throw new Error(`${link.path} is not a file of ${project.folder}`);
    const document = await vscode.workspace.openTextDocument(fileUri(project.root, link.path));
    const line = Math.min(Math.max(0, (link.line ?? 1) - 1), Math.max(0, document.lineCount - 1));
    const at = new vscode.Range(line, 0, line, 0);
    // Beside the panel, so the conversation stays in view (a hidden webview unloads).
    return vscode.window.showTextDocument(document, { selection: at, preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  /** "Review this change…": Change This Project… on the conversation's project, `text` in the change box. */
  async reviewChange(text: string, provider: ProviderChoice): Promise<boolean> {
    const project = this.requireProject();
    const changeable = await projectAt(project.root);
    if (!changeable?.remembered) throw new Error(notRememberedMessage(project));
    const spec = await readRememberedSpec(changeable);
    return this.change.begin({ root: project.root, folder: project.folder, spec }, provider, text);
  }

  private requireProject(): AskedProject {
    if (!this.current) throw new Error('There is no project to ask about: run "Takoss: Ask About This Project…" first.');
    return this.current;
  }

  /** The project's title from its remembered spec, when it has one (the header shows the folder otherwise). */
  private async titleOf(project: AskedProject): Promise<string | undefined> {
    try {
      const changeable = await projectAt(project.root);
      return changeable?.remembered ? (await readRememberedSpec(changeable)).title.slice(0, 200) : undefined;
    } catch {
      return undefined;
    }
  }
}
