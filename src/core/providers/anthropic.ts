// The Claude provider: one structured request = a streamed Messages call that must answer through
// a tool whose input schema is the stage's zod schema. Invalid output gets exactly one repair round
// trip with the validation errors. The shared context (conventions, spec, architecture) goes first
// as cached system blocks so later stages read it from the prompt cache. SDK retries are off: the
// scheduler retries (honouring retry-after) so every retry shows up in the run's events.
import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { Usage } from '../pipeline/events';
import { RetryableError, RunCancelledError } from '../pipeline/scheduler';
import { costUsd } from './models';
import { RateLimiter } from './rateLimiter';

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
  if (error instanceof Anthropic.PermissionDeniedError) {
    return new Error(`The Anthropic API refused the request (403): ${error.message}`);
  }
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

function toUsage(model: string, messages: Message[]): Usage {
  const raw = messages.reduce(
    (sum, m) => ({
      inputTokens: sum.inputTokens + m.usage.input_tokens,
      outputTokens: sum.outputTokens + m.usage.output_tokens,
      cacheReadTokens: sum.cacheReadTokens + (m.usage.cache_read_input_tokens ?? 0),
      cacheWriteTokens: sum.cacheWriteTokens + (m.usage.cache_creation_input_tokens ?? 0),
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
    const inputSchema = z.toJSONSchema(request.schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
    const tool = { name: request.toolName, description: request.toolDescription, input_schema: { ...inputSchema, type: 'object' as const } };
    const system = request.cachedContext.map((text) => ({ type: 'text' as const, text, cache_control: { type: 'ephemeral' as const } }));
    const messages: MessageParam[] = [{ role: 'user', content: request.instructions }];
    const received: Message[] = [];
    const requestIds: string[] = [];

    for (let round = 0; round < 2; round += 1) {
      const message = await this.send(request, { system, tools: [tool], messages }, requestIds);
      received.push(message);
      const call = message.content.find((block) => block.type === 'tool_use' && block.name === request.toolName);
      const parsed = call && call.type === 'tool_use' ? request.schema.safeParse(call.input) : undefined;
      const semantic = parsed?.success ? (request.validate?.(parsed.data) ?? []) : [];
      if (parsed?.success && semantic.length === 0) {
        return { value: parsed.data, usage: toUsage(request.model, received), model: request.model, repaired: round > 0, requestIds };
      }
      const problems = parsed
        ? parsed.success
          ? semantic
          : describeIssues(parsed.error)
        : [`no call to the ${request.toolName} tool (stop reason: ${message.stop_reason})`];
      if (round === 1) throw new InvalidModelOutputError(request.toolName, problems, toUsage(request.model, received));
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
    request: Pick<StructuredRequest<unknown>, 'model' | 'maxTokens' | 'signal' | 'onProgress' | 'toolName'>,
    body: { system: Anthropic.Messages.TextBlockParam[]; tools: Anthropic.Messages.Tool[]; messages: MessageParam[] },
    requestIds: string[],
  ): Promise<Message> {
    const estimate = Math.ceil((JSON.stringify(body).length + request.maxTokens) / 4);
    const wait = this.limiter.delayFor(estimate);
    if (wait > 0) await this.sleep(wait, request.signal);
    this.limiter.reserve(estimate);
    try {
      const stream = this.client.messages.stream(
        {
          model: request.model,
          max_tokens: request.maxTokens,
          system: body.system,
          tools: body.tools,
          tool_choice: { type: 'tool', name: request.toolName },
          messages: body.messages,
        },
        { signal: request.signal },
      );
      let chars = 0;
      stream.on('inputJson', (partial) => {
        chars += partial.length;
        request.onProgress?.(chars);
      });
      stream.on('text', (text) => {
        chars += text.length;
        request.onProgress?.(chars);
      });
      const { response, request_id } = await stream.withResponse();
      this.limiter.observe(response.headers);
      if (request_id) requestIds.push(request_id);
      return await stream.finalMessage();
    } catch (error) {
      if (error instanceof Anthropic.APIError && error.headers) this.limiter.observe(error.headers);
      throw classifyError(error, request.signal);
    }
  }
}
