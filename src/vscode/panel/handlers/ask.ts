// "Ask about this project" in the panel: open the conversation on a run's project, answer a
// question, open an answer's link, and review an offered change in Change This Project….
import * as vscode from 'vscode';
import { errorText } from '../../../core/log';
import type { Handler } from './context';

export const handleAskAboutRun: Handler<'askAboutRun'> = async (message, context) => {
  try {
    await context.ask.beginForRun(message.runId);
  } catch (error) {
    void vscode.window.showWarningMessage(`Takoss: cannot ask about this project: ${errorText(error)}`);
  }
};

export const handleAskQuestion: Handler<'askQuestion'> = (message, context) => context.ask.ask(message.requestId, message.question);

export const handleOpenAnswerLink: Handler<'openAnswerLink'> = async (message, context) => {
  try {
    await context.ask.openLink(message.link);
  } catch (error) {
    context.log.warn(`Refused to open the answer's link ${message.link.path}: ${errorText(error)}`);
    void vscode.window.showWarningMessage(`Takoss: cannot open ${message.link.path}: ${errorText(error)}`);
  }
};

export const handleReviewAskedChange: Handler<'reviewAskedChange'> = async (message, context) => {
  try {
    await context.ask.reviewChange(message.text, context.hostInfo().provider);
  } catch (error) {
    void vscode.window.showWarningMessage(`Takoss: cannot review this change: ${errorText(error)}`);
  }
};
