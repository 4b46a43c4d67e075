// The @takoss chat participant's answer: the project the question is about, its trace read through
// the sink (confined to the project folder), the offline answer streamed into the chat.
import * as vscode from 'vscode';
import { askProject } from '../../core/ask/askProject';
import { NotATakossProjectError, readProjectTrace } from '../../core/ask/trace';
import { escapeMarkdown } from '../../core/explain/explain';
import { errorText, type Logger } from '../../core/log';
import { Sink } from '../../core/output/sink/sink';
import { workspacePort } from '../generation/workspaceSink';
import { askTarget } from './askTarget';
import { type AnswerStream, streamAnswer } from './chatAnswer';

export interface ChatQuestion {
  prompt: string;
}

export async function answerInChat(question: ChatQuestion, stream: AnswerStream, token: vscode.CancellationToken, log: Logger): Promise<void> {
  const target = await askTarget(vscode.window.activeTextEditor?.document.uri);
  if ('problem' in target) {
    stream.markdown(escapeMarkdown(target.problem));
    return;
  }
  try {
    const trace = await readProjectTrace(new Sink(workspacePort(target.project.root)));
    if (token.isCancellationRequested) return;
    const answer = await askProject(trace, question.prompt, { currentFile: target.currentFile });
    if (token.isCancellationRequested) return;
    stream.markdown(`*${escapeMarkdown(target.project.folder)}*\n\n`);
    streamAnswer(answer, target.project.root, stream);
  } catch (error) {
    if (!(error instanceof NotATakossProjectError)) log.error(`@takoss could not answer: ${errorText(error)}`);
    stream.markdown(escapeMarkdown(`Takoss could not answer: ${errorText(error)}`));
  }
}
