// Ask Takoss about a generated project, with Claude (issue #16): Claude reads the files that matter
// to the question (the offline answer's links, the files serving the entities it names, the open
// file) and the project's overview, all as cached context, and answers in words citing `path:line`.
// The answer streams as it arrives. Claude has no tools: it cannot write anything. Whatever goes
// wrong (the budget cannot hold the question, the API refuses or fails, the stream breaks off, the
// asker cancels) the offline answer is returned, with a note saying why.
import type Anthropic from '@anthropic-ai/sdk';
import type { Answer } from '../../model/ask/answer';
import { BudgetExceededError, type BudgetLedger } from '../pipeline/budgetLedger';
import { ProviderAuthError } from '../providers/anthropic';
import { MAX_QUESTION_LENGTH } from './askProject';
import { askContext, AskSession, relevantFiles } from './claudeContext';
import { citedAnswer } from './claudeCitations';
import { streamText } from './claudeStream';
import { readQuestion } from './question';
import type { ProjectTrace } from './trace';

/** Room for an answer of a few paragraphs with citations. */
export const ANSWER_MAX_TOKENS = 2000;

export interface ClaudeAskOptions {
  client: Anthropic;
  model: string;
  /** The budget the question draws from (a hard cap: a question that cannot fit is not sent). */
  ledger: BudgetLedger;
  /** The conversation: files sent before come first, so their prefix is read from the cache. */
  session?: AskSession;
  /** Project-relative path of the file open in the editor, for "this file". */
  currentFile?: string;
  signal?: AbortSignal;
  /** Pieces of Claude's answer, in order, as they arrive. */
  onText?: (text: string) => void;
}

export async function claudeAnswer(trace: ProjectTrace, text: string, offline: Answer, options: ClaudeAskOptions): Promise<Answer> {
  // A question the offline reader refused (empty, too long) is not sent either.
  if (!text.trim() || text.length > MAX_QUESTION_LENGTH) return offline;
  const question = readQuestion(trace, text, options.currentFile);
  const session = options.session ?? new AskSession();
  const context = await askContext(trace, relevantFiles(trace, question, offline), session);
  try {
    const { text: answerText, usage } = await streamText(options.client, options.ledger, {
      model: options.model,
      system: context.system,
      question: question.text,
      maxTokens: ANSWER_MAX_TOKENS,
      signal: options.signal,
      onText: options.onText,
    });
    const known = new Set(trace.manifest.files.map((file) => file.path));
    // A change asked for stays an offer through the update path, whoever answered.
    return { kind: offline.kind, ...citedAnswer(answerText, known), ...(offline.change ? { change: offline.change } : {}), source: 'claude', costUsd: usage.costUsd };
  } catch (error) {
    return { ...offline, note: whyOffline(error, options.signal) };
  }
}

/** The note on an offline answer given instead of Claude's. */
export function whyOffline(error: unknown, signal?: AbortSignal): string {
  const reason = (() => {
    if (signal?.aborted) return 'the question was cancelled';
    if (error instanceof BudgetExceededError) return error.message;
    const status = (error as { status?: unknown })?.status;
    if (status === 401) return new ProviderAuthError('401 authentication_error').message;
    if (status === 403) return new ProviderAuthError('403 permission_error').message;
    if (status === 429) return 'the Anthropic API is rate limiting requests (429); try again in a minute';
    if (typeof status === 'number') return `the Anthropic API failed (${status})`;
    const message = error instanceof Error ? error.message : String(error);
    return `Claude's answer broke off (${message.slice(0, 200)})`;
  })();
  return `Claude did not answer: ${reason}. This is the answer from the project's trace.`;
}
