// "Change This Project…" after the review: the update's run, its preview's diffs, apply, cancel.
import * as vscode from 'vscode';
import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Update project: answered like generate (runAccepted, then the run's events; the preview follows). */
export const handleUpdateProject: Handler<'updateProject'> = async (message, context) => {
  const { spec, provider, acceptedModel, renames } = message;
  await context.change.update({ spec, provider, acceptedModel, renames }, context.viewer.requester(message.requestId));
};

export const handleOpenUpdateDiff: Handler<'openUpdateDiff'> = async (message, context) => {
  try {
    await context.change.openDiff(message.path);
  } catch (error) {
    void vscode.window.showWarningMessage(`Takoss: cannot show the diff of ${message.path}: ${errorText(error)}`);
  }
};

export const handleApplyUpdate: Handler<'applyUpdate'> = async (message, context) => {
  try {
    await context.change.apply(message.requestId);
  } catch (error) {
    context.log.error(`Applying the update failed: ${errorText(error)}`);
    await context.post({ type: 'updateApplied', replyTo: message.requestId, written: [], removed: [], conflicts: [], refused: [], error: `Applying the update failed: ${errorText(error)}`.slice(0, 2000) });
  }
};

export const handleCancelUpdate: Handler<'cancelUpdate'> = (_message, context) => context.change.cancel();

export const handleOpenChangedFile: Handler<'openChangedFile'> = async (message, context) => {
  try {
    await context.change.openFile(message.path);
  } catch (error) {
    void vscode.window.showWarningMessage(`Takoss: cannot open ${message.path}: ${errorText(error)}`);
  }
};
