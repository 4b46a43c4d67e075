// The @takoss chat participant's answer: the project the question is about, its trace read through
// the sink (confined to the project folder), then Claude's answer streamed into the chat when Claude
// is chosen and a key is stored, else (or when Claude cannot answer, with why) the offline answer.
import * as vscode from 'vscode';
import { askProject } from '../../core/ask/askProject';
import { NotATakossProjectError, readProjectTrace } from '../../core/ask/trace';
import { escapeMarkdown } from '../../core/explain/explain';
import { errorText, type Logger } from '../../core/log';
import { Sink } from '../../core/output/sink/sink';
import { workspacePort } from '../generation/workspaceSink';
import { askTarget } from './askTarget';
import { type AnswerStream, streamAnswer, streamClaudeEnding } from './chatAnswer';
import { type ChatClaude, chatMarkdown } from './claudeInChat';

export interface ChatQuestion {
  prompt: string;
}

export async function answerInChat(question: ChatQuestion, stream: AnswerStream, token: vscode.CancellationToken, log: Logger, claude?: ChatClaude): Promise<void> {
  const target = await askTarget(vscode.window.activeTextEditor?.document.uri);
  if ('problem' in target) {
    stream.markdown(escapeMarkdown(target.problem));
    return;
  }
  try {
    const trace = await readProjectTrace(new Sink(workspacePort(target.project.root)));
    if (token.isCancellationRequested) return;
    const offline = await askProject(trace, question.prompt, { currentFile: target.currentFile });
    if (token.isCancellationRequested) return;
    stream.markdown(`*${escapeMarkdown(target.project.folder)}*\n\n`);
    const cancel = new AbortController();
    const listener = token.onCancellationRequested(() => cancel.abort());
    const asked = { project: target.project.root.toString(), trace, prompt: question.prompt, offline, currentFile: target.currentFile };
    const answer = await claude?.answer(asked, (text) => stream.markdown(chatMarkdown(text)), cancel.signal).finally(() => listener.dispose());
    if (claude && answer?.source === 'claude') return streamClaudeEnding(answer, claude.model, target.project.root, stream);
    if (answer?.note) stream.markdown(`\n\n*${escapeMarkdown(answer.note)}*\n\n`);
    if (!token.isCancellationRequested) streamAnswer(offline, target.project.root, stream);
  } catch (error) {
    if (!(error instanceof NotATakossProjectError)) log.error(`@takoss could not answer: ${errorText(error)}`);
    stream.markdown(escapeMarkdown(`Takoss could not answer: ${errorText(error)}`));
  }
}
