// An answer to a question about a generated project (issue #16): what the panel, the chat participant
// and the CLI show. Plain text (each view escapes it for its own context) with links that open a
// project file at a line. Validated where it crosses a boundary (the webview, a model's answer).
import * as z from 'zod';

export const FileLink = z.object({
  /** Project-relative path, '/'-separated. */
  path: z.string().min(1).max(500),
  /** 1-based line the link opens at; absent: the top of the file. */
  line: z.number().int().min(1).optional(),
});
export type FileLink = z.infer<typeof FileLink>;

export const AnswerPoint = z.object({
  text: z.string().max(4000),
  links: z.array(FileLink).max(50),
});
export type AnswerPoint = z.infer<typeof AnswerPoint>;

export const QUESTION_KINDS = ['rule', 'requirement', 'leftOut', 'file', 'api', 'entity', 'change', 'unknown'] as const;
export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;

export const Answer = z.object({
  kind: QuestionKind,
  /** The answer in one or two sentences. */
  summary: z.string().max(4000),
  /** The details, each with the files (and lines) it speaks of. */
  points: z.array(AnswerPoint).max(200),
  /** A question that asks for a change: the change in words, to review through the update path. */
  change: z.object({ text: z.string().max(4000), wouldDo: z.array(z.string().max(1000)).max(100) }).optional(),
  /** Where the answer comes from: the project's own trace (offline) or Claude reading its files. */
  source: z.enum(['trace', 'claude']),
  /** What asking Claude cost, in USD (counted against the budget). */
  costUsd: z.number().min(0).optional(),
  /** Why Claude's answer is not the one shown (budget, API failure, cancel), when it was asked. */
  note: z.string().max(1000).optional(),
});
export type Answer = z.infer<typeof Answer>;
