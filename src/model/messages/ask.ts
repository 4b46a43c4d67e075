// Messages of "Ask about this project" in the panel (issue #16): the host says which generated
// project the conversation is about, answers each question from the project's own trace, opens a
// link's file at its line (only files inside the project), and opens an offered change for review
// in Change This Project… with the change in its box. Both directions live here; toHost.ts and
// toWebview.ts add them to their unions.
import * as z from 'zod';
import { Answer, FileLink } from '../ask/answer';
import { RequestId, ShortText } from './common';

/** The project a conversation is about, as its header names it. */
export const AskTarget = z.object({
  /** Workspace-relative folder (or the absolute one outside the workspace). */
  folder: z.string().max(1000),
  title: z.string().max(200).optional(),
});
export type AskTarget = z.infer<typeof AskTarget>;

// ---- webview -> host

/** "Ask about this project" on a finished run's result: the conversation opens on the run's folder. */
export const AskAboutRunRequest = z.object({ type: z.literal('askAboutRun'), runId: z.string().min(1).max(100) });

/** A question about the project of the conversation; answered by askAnswered with the request's id. */
export const AskQuestionRequest = z.object({
  type: z.literal('askQuestion'),
  requestId: RequestId,
  // At most what askProject answers (its MAX_QUESTION_LENGTH; src/model does not import src/core).
  question: z.string().trim().min(1, 'Ask a question first').max(2000),
});

/** A link of an answer: opens the project file at the line (the host refuses paths outside the project). */
export const OpenAnswerLinkRequest = z.object({ type: z.literal('openAnswerLink'), link: FileLink });

/** "Review this change…": Change This Project… on the conversation's project, the change in its box. */
export const ReviewAskedChangeRequest = z.object({ type: z.literal('reviewAskedChange'), text: z.string().trim().min(1).max(4000) });

// ---- host -> webview

/** Opens the conversation on a project ("Takoss: Ask About This Project…" or the result's button). */
export const StartAsk = z.object({ type: z.literal('startAsk'), project: AskTarget });

/** A piece of Claude's answer to askQuestion as it streams (appended; askAnswered then carries the whole answer). Not a reply: the request waits for askAnswered. */
export const AskAnswerText = z.object({ type: z.literal('askAnswerText'), forRequest: RequestId, text: z.string().max(20_000) });

/** Answer to askQuestion: the answer, or why there is none. */
export const AskAnswered = z.object({
  type: z.literal('askAnswered'),
  replyTo: RequestId,
  answer: Answer.optional(),
  error: ShortText.optional(),
});
