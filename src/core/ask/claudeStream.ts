// One streamed Messages call that answers in text, with no tools (Claude reads the context and
// writes words; it has no way to change a file). Its worst case is held in the budget ledger
// before it is sent and settled to what it really cost after; a call whose cost is unknown (a
// cut stream, a cancel) stays counted at its worst case, like every other Claude call.
import Anthropic from '@anthropic-ai/sdk';
import type { Usage } from '../../model/run/events';
import { BudgetExceededError, type BudgetLedger } from '../pipeline/budgetLedger';
import { costUsd } from '../providers/models';
import { worstRequestUsd } from '../providers/worstCase';

export interface AskClientOptions {
  apiKey: string;
  /** The API's address (tests: the fake server; the CLI: ANTHROPIC_BASE_URL). */
  baseURL?: string;
  timeoutMs?: number;
}

/** An SDK client without its own retries: a failed question falls back to the offline answer at once. */
export function createAskClient(options: AskClientOptions): Anthropic {
  return new Anthropic({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: options.timeoutMs ?? 5 * 60_000 });
}

export interface TextRequest {
  model: string;
  system: Anthropic.Messages.TextBlockParam[];
  question: string;
  maxTokens: number;
  signal?: AbortSignal;
  /** Each piece of the answer as it arrives, in order. */
  onText?: (text: string) => void;
}

export interface TextResult {
  text: string;
  usage: Usage;
}

export function textParams(request: Pick<TextRequest, 'model' | 'system' | 'question' | 'maxTokens'>): Anthropic.Messages.MessageStreamParams {
  return { model: request.model, max_tokens: request.maxTokens, system: request.system, messages: [{ role: 'user', content: request.question }] };
}

/** The most the request can cost (see providers/worstCase). */
export function worstTextUsd(request: Pick<TextRequest, 'model' | 'system' | 'question' | 'maxTokens'>): number {
  return worstRequestUsd(request.model, Buffer.byteLength(JSON.stringify({ ...textParams(request), stream: true })), request.maxTokens);
}

/** Streams the answer on a hold of its worst case; throws BudgetExceededError (nothing sent) when the ledger cannot hold it. */
export async function streamText(client: Anthropic, ledger: BudgetLedger, request: TextRequest): Promise<TextResult> {
  const worst = worstTextUsd(request);
  const hold = ledger.reserve(worst);
  if (!hold) throw new BudgetExceededError(worst, ledger.availableUsd, 'the question');
  // The hold is exactly the request's worst case, so the request fits it.
  hold.beforeSend(worst);
  let actual: number | undefined;
  try {
    const stream = client.messages.stream(textParams(request), { signal: request.signal });
    stream.on('text', (text) => request.onText?.(text));
    const message = await stream.finalMessage();
    const usage = usageOf(request.model, message.usage);
    actual = usage.costUsd;
    return { text: message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(''), usage };
  } catch (error) {
    // Refused with a status before anything was generated: nothing was billed.
    if (error instanceof Anthropic.APIError && typeof error.status === 'number') actual = 0;
    throw error;
  } finally {
    hold.afterSend(worst, actual);
    hold.settle();
  }
}

function usageOf(model: string, usage: Anthropic.Messages.Usage): Usage {
  const raw = {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
  };
  return { ...raw, costUsd: costUsd(model, raw) };
}
