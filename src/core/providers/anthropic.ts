// The Claude provider: one structured request = a streamed Messages call that must answer through
// a tool whose input schema is the stage's zod schema. Invalid output gets exactly one repair round
// trip with the validation errors (tool input that is not even JSON counts as invalid output too).
// The shared context (conventions, spec, architecture) goes first as cached system blocks so later
// stages read it from the prompt cache. SDK retries are off: the scheduler retries (honouring
// retry-after) so every retry shows up in the run's events. With a budget hold, every request's
// worst case must fit it before it is sent, and is settled to its real cost after.
import Anthropic from '@anthropic-ai/sdk';
import * as z from 'zod';
import { type BudgetHold, BudgetExceededError } from '../pipeline/budgetLedger';
import type { Usage } from '../../model/run/events';
import { RetryableError, RunCancelledError } from '../pipeline/scheduler';
import { costUsd } from './models';
import { RateLimiter } from './rateLimiter';
import { worstRequestUsd } from './worstCase';

export class ProviderAuthError extends Error {
  readonly retryable = false;
  constructor(detail: string) {
    super(`The Anthropic API rejected the API key (${detail}). Check your API key with "Takoss: Set API Key".`);
    this.name = 'ProviderAuthError';
  }
}

export class InvalidModelOutputError extends Error {
  readonly retryable = false;
  constructor(
    readonly toolName: string,
    readonly problems: string[],
    /** What the two answers cost: spent even though they were not usable. */
    readonly usage?: Usage,
  ) {
    super(`Claude's output for ${toolName} was still invalid after one repair: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'InvalidModelOutputError';
  }
}

export interface StructuredRequest<T> {
  model: string;
  /** Shared context, most stable first; each block is marked for prompt caching. */
  cachedContext: string[];
  /** The stage's own instructions (not cached). */
  instructions: string;
  toolName: string;
  toolDescription: string;
  schema: z.ZodType<T>;
  maxTokens: number;
  /** Checks zod cannot express (cross references); problems go into the repair round trip. */
  validate?: (value: T) => string[];
  signal?: AbortSignal;
  /** Called as streamed output arrives, with the characters received so far. */
  onProgress?: (receivedChars: number) => void;
  /**
   * The budget this call may spend: each request is sent only if its worst case fits (else a
   * BudgetExceededError), and settles to its real cost after.
   */
  budget?: BudgetHold;
}

export interface StructuredResult<T> {
  value: T;
  usage: Usage;
  model: string;
  repaired: boolean;
  requestIds: string[];
}

export interface AnthropicProviderOptions {
  apiKey: string;
  baseURL?: string;
  timeoutMs?: number;
  limiter?: RateLimiter;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

type Message = Anthropic.Messages.Message;
type MessageParam = Anthropic.Messages.MessageParam;
type RawUsage = Omit<Usage, 'costUsd'>;
type StreamParams = Anthropic.Messages.MessageStreamParams;

/** Claude's tool input was not JSON at all (the stream stopped there): an invalid answer, not a fault. */
class InvalidToolJsonError extends Error {
  constructor(
    readonly toolUseId: string,
    detail: string,
    /** What the request is known to have used (its input; the output is unknown). */
    readonly usage: RawUsage | undefined,
  ) {
    super(`the tool input was not valid JSON (${detail})`);
    this.name = 'InvalidToolJsonError';
  }
}

/** Errors thrown after Claude already answered once carry what was spent in `usage`. */
function withUsage(error: unknown, usage: Usage | undefined): unknown {
  if (usage && error instanceof Error && !(error as { usage?: Usage }).usage) Object.assign(error, { usage });
  return error;
}

/** The system blocks, tool and first message of a structured request, as the API receives them. */
export function structuredBody(request: Pick<StructuredRequest<unknown>, 'cachedContext' | 'instructions' | 'toolName' | 'toolDescription' | 'schema'>) {
  const inputSchema = z.toJSONSchema(request.schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const tool = { name: request.toolName, description: request.toolDescription, input_schema: { ...inputSchema, type: 'object' as const } };
  const system = request.cachedContext.map((text) => ({ type: 'text' as const, text, cache_control: { type: 'ephemeral' as const } }));
  const messages: MessageParam[] = [{ role: 'user', content: request.instructions }];
  return { system, tools: [tool], messages };
}

/** Waits, or stops waiting (rejecting with RunCancelledError) as soon as the signal aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RunCancelledError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new RunCancelledError());
      },
      { once: true },
    );
  });
}

/** Milliseconds the server asked us to wait, from retry-after-ms or retry-after (seconds or a date). */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Turns SDK failures into what the scheduler understands: retryable, cancelled, or final. */
export function classifyError(error: unknown, signal?: AbortSignal): Error {
  if (signal?.aborted || error instanceof Anthropic.APIUserAbortError) return new RunCancelledError();
  if (error instanceof Anthropic.AuthenticationError) return new ProviderAuthError('401 authentication_error');
  // The key is valid but may not use the API (disabled organisation, no access): as final as a bad key.
  if (error instanceof Anthropic.PermissionDeniedError) return new ProviderAuthError(`403 permission_error: ${error.message}`);
  if (error instanceof Anthropic.APIConnectionError) {
    return new RetryableError(`Could not reach the Anthropic API: ${error.message}`);
  }
  if (error instanceof Anthropic.APIError) {
    const status = error.status;
    const body = error.error as { error?: { type?: string } } | undefined;
    const overloaded = status === 529 || body?.error?.type === 'overloaded_error' || /overloaded/i.test(error.message);
    if (status === 429 || overloaded || status === 408 || status === 409 || (status !== undefined && status >= 500) || status === undefined) {
      const label = status === 429 ? 'rate limited (429)' : overloaded ? 'overloaded (529)' : `error ${status ?? 'in stream'}`;
      return new RetryableError(`Anthropic API ${label}: ${error.message}`, retryAfterMs(error.headers));
    }
    return new Error(`The Anthropic API rejected the request (${status}): ${error.message}`);
  }
  // A stream cut off mid-way surfaces as a plain error from the SDK's stream reader.
  if (error instanceof Error && /terminated|socket|ECONNRESET|premature|stream ended|aborted/i.test(error.message)) {
    return new RetryableError(`The response stream broke off: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function rawUsage(usage: Anthropic.Messages.Usage | Anthropic.Messages.MessageDeltaUsage | undefined): RawUsage {
  return {
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    cacheReadTokens: usage?.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage?.cache_creation_input_tokens ?? 0,
  };
}

function toUsage(model: string, usages: RawUsage[]): Usage {
  const raw = usages.reduce(
    (sum, u) => ({
      inputTokens: sum.inputTokens + u.inputTokens,
      outputTokens: sum.outputTokens + u.outputTokens,
      cacheReadTokens: sum.cacheReadTokens + (u.cacheReadTokens ?? 0),
      cacheWriteTokens: sum.cacheWriteTokens + (u.cacheWriteTokens ?? 0),
    }),
    { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
  );
  return { ...raw, costUsd: costUsd(model, raw) };
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

export class AnthropicProvider {
  private readonly client: Anthropic;
  readonly limiter: RateLimiter;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(options: AnthropicProviderOptions) {
    this.client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 10 * 60_000,
    });
    this.limiter = options.limiter ?? new RateLimiter();
    this.sleep = options.sleep ?? sleepUnlessAborted;
  }

  async structured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
    const { system, tools, messages } = structuredBody(request);
    const received: RawUsage[] = [];
    const requestIds: string[] = [];
    const spent = () => (received.length ? toUsage(request.model, received) : undefined);

    for (let round = 0; round < 2; round += 1) {
      let message: Message;
      try {
        message = await this.send(request, { system, tools, messages }, requestIds);
      } catch (error) {
        if (!(error instanceof InvalidToolJsonError)) throw withUsage(error, spent());
        if (error.usage) received.push(error.usage);
        const problems = [`${error.message}; answer with a single valid JSON object`];
        if (round === 1) throw new InvalidModelOutputError(request.toolName, problems, spent());
        // The broken input cannot be sent back; the repair names the call and says what was wrong.
        messages.push({ role: 'assistant', content: [{ type: 'tool_use', id: error.toolUseId, name: request.toolName, input: {} }] });
        messages.push({
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: error.toolUseId, is_error: true, content: `${problems[0]}.\nCall ${request.toolName} again with corrected input.` }],
        });
        continue;
      }
      received.push(rawUsage(message.usage));
      const call = message.content.find((block) => block.type === 'tool_use' && block.name === request.toolName);
      const parsed = call && call.type === 'tool_use' ? request.schema.safeParse(call.input) : undefined;
      let semantic: string[] = [];
      try {
        semantic = parsed?.success ? (request.validate?.(parsed.data) ?? []) : [];
      } catch (error) {
        // A check that trips over the answer found it unusable: that is a problem with the answer.
        semantic = [`the answer could not be checked: ${error instanceof Error ? error.message : String(error)}`];
      }
      if (parsed?.success && semantic.length === 0) {
        return { value: parsed.data, usage: toUsage(request.model, received), model: request.model, repaired: round > 0, requestIds };
      }
      const problems = parsed
        ? parsed.success
          ? semantic
          : describeIssues(parsed.error)
        : [`no call to the ${request.toolName} tool (stop reason: ${message.stop_reason})`];
      if (round === 1) throw new InvalidModelOutputError(request.toolName, problems, spent());
      // One repair round trip: show Claude exactly what was wrong with its answer.
      messages.push({ role: 'assistant', content: message.content });
      messages.push({
        role: 'user',
        content:
          call && call.type === 'tool_use'
            ? [{ type: 'tool_result', tool_use_id: call.id, is_error: true, content: `The input does not match the schema:\n${problems.join('\n')}\nCall ${request.toolName} again with corrected input.` }]
            : `You must answer by calling the ${request.toolName} tool. ${problems[0]}`,
      });
    }
    throw new Error('unreachable');
  }

  private async send(
    request: Pick<StructuredRequest<unknown>, 'model' | 'maxTokens' | 'signal' | 'onProgress' | 'toolName' | 'budget'>,
    body: { system: Anthropic.Messages.TextBlockParam[]; tools: Anthropic.Messages.Tool[]; messages: MessageParam[] },
    requestIds: string[],
  ): Promise<Message> {
    const params = {
      model: request.model,
      max_tokens: request.maxTokens,
      system: body.system,
      tools: body.tools,
      tool_choice: { type: 'tool' as const, name: request.toolName },
      messages: body.messages,
    };
    const bodyBytes = Buffer.byteLength(JSON.stringify({ ...params, stream: true }));
    const worstUsd = worstRequestUsd(request.model, bodyBytes, request.maxTokens);
    if (request.budget && !request.budget.beforeSend(worstUsd)) {
      throw new BudgetExceededError(worstUsd, request.budget.leftUsd, body.messages.length > 1 ? 'the repair round trip for an invalid answer' : 'the request');
    }
    const estimate = Math.ceil((JSON.stringify(body).length + request.maxTokens) / 4);
    // Unknown until the answer arrives; a request that fails without one stays at its worst case.
    let actualUsd: number | undefined;
    let sent = false;
    try {
      const wait = this.limiter.delayFor(estimate);
      if (wait > 0) await this.sleep(wait, request.signal);
      this.limiter.reserve(estimate);
      sent = true;
      const message = await this.streamMessage(params, request, requestIds);
      actualUsd = costUsd(request.model, rawUsage(message.usage));
      return message;
    } catch (error) {
      if (error instanceof InvalidToolJsonError) throw error;
      if (error instanceof Anthropic.APIError && error.headers) this.limiter.observe(error.headers);
      // Refused with an HTTP status before anything was generated: nothing was billed.
      if (error instanceof Anthropic.APIError && typeof error.status === 'number') actualUsd = 0;
      // Cancelled while waiting for the rate limit: nothing was sent.
      if (!sent) actualUsd = 0;
      throw classifyError(error, request.signal);
    } finally {
      request.budget?.afterSend(worstUsd, actualUsd);
    }
  }

  /** Streams one Messages call, reporting progress as the answer arrives; the final message once it is complete. */
  private async streamMessage(
    params: StreamParams,
    request: Pick<StructuredRequest<unknown>, 'signal' | 'onProgress'>,
    requestIds: string[],
  ): Promise<Message> {
    const stream = this.client.messages.stream(params, { signal: request.signal });
    let chars = 0;
    let toolUseId: string | undefined;
    let started: RawUsage | undefined;
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') started = rawUsage(event.message.usage);
      if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') toolUseId = event.content_block.id;
    });
    stream.on('inputJson', (partial) => {
      chars += partial.length;
      request.onProgress?.(chars);
    });
    stream.on('text', (text) => {
      chars += text.length;
      request.onProgress?.(chars);
    });
    try {
      const { response, request_id } = await stream.withResponse();
      this.limiter.observe(response.headers);
      if (request_id) requestIds.push(request_id);
      return await stream.finalMessage();
    } catch (error) {
      // The SDK parses tool input as it streams and gives up on input that is not JSON at all.
      const cause = (error as { cause?: unknown })?.cause;
      if (toolUseId && !request.signal?.aborted && error instanceof Anthropic.AnthropicError && cause instanceof SyntaxError) {
        throw new InvalidToolJsonError(toolUseId, cause.message.slice(0, 200), started && { ...started, outputTokens: 0 });
      }
      throw error;
    }
  }
}
