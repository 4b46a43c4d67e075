// An answer in VS Code's chat view: the text as Markdown (escaped: it holds requirement sentences
// and file explanations), each link as an anchor that opens the file at its line, and a change as
// a button that opens Change This Project… on the project (the chat itself never edits a file).
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/explain/explain';
import type { Answer, FileLink } from '../../model/ask/answer';
import { CHANGE_PROJECT_COMMAND } from '../change/changeProjectCommand';

/** The part of ChatResponseStream an answer uses (a test passes its own). */
export type AnswerStream = Pick<vscode.ChatResponseStream, 'markdown' | 'anchor' | 'button'>;

export function linkLocation(root: vscode.Uri, link: FileLink): vscode.Location {
  const line = Math.max(0, (link.line ?? 1) - 1);
  return new vscode.Location(vscode.Uri.joinPath(root, ...link.path.split('/')), new vscode.Position(line, 0));
}

export function streamAnswer(answer: Answer, root: vscode.Uri, stream: AnswerStream): void {
  stream.markdown(`${escapeMarkdown(answer.summary)}\n\n`);
  for (const point of answer.points) {
    stream.markdown(`- ${escapeMarkdown(point.text)}${point.links.length ? ' ' : '\n'}`);
    for (const link of point.links) {
      stream.anchor(linkLocation(root, link), link.line ? `${link.path}:${link.line}` : link.path);
      stream.markdown(' ');
    }
    if (point.links.length) stream.markdown('\n');
  }
  streamChangeOffer(answer, root, stream);
}

/** A change asked for: how to make it, and a button that opens Change This Project… (nothing is written from the chat). */
export function streamChangeOffer(answer: Answer, root: vscode.Uri, stream: AnswerStream): void {
  if (!answer.change) return;
  stream.markdown(`\nTo make it, open Change This Project… and describe it there: “${escapeMarkdown(answer.change.text)}”. You review the model's diff and the merge before anything is written.\n`);
  stream.button({ command: CHANGE_PROJECT_COMMAND, arguments: [root], title: 'Change This Project…' });
}

/** After Claude's streamed answer: the files it cites as anchors, a change's offer, and what it cost. */
export function streamClaudeEnding(answer: Answer, model: string, root: vscode.Uri, stream: AnswerStream): void {
  const links = answer.points.flatMap((point) => point.links).filter((link, index, all) => all.findIndex((other) => other.path === link.path && other.line === link.line) === index);
  if (links.length) {
    stream.markdown('\n\nFiles cited: ');
    for (const link of links) {
      stream.anchor(linkLocation(root, link), link.line ? `${link.path}:${link.line}` : link.path);
      stream.markdown(' ');
    }
  }
  stream.markdown('\n');
  streamChangeOffer(answer, root, stream);
  stream.markdown(`\n*${escapeMarkdown(`Answered by Claude (${model}) from the project's files, $${(answer.costUsd ?? 0).toFixed(4)}.`)}*\n`);
}
