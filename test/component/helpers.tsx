// Shared helpers for the component tests (test/component/**/*.test.tsx). The DOM they run in is
// set up by ./setup.tsx; see there for what jsdom is given and why.
import * as assert from 'node:assert/strict';
import { act, cleanup, fireEvent, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { z } from 'zod';
import { RunEvent, type RunEventInput, type StageDescriptor, type Usage } from '../../src/model/run/events';
import { replayRun, type RunState } from '../../src/model/run/runState';
import { type HostInfo, parseWebviewToHost, type WebviewToHost } from '../../src/model/protocol';
import { Bridge, type GenerateOptions } from '../../webview-ui/src/bridge';
import { ReviewStep } from '../../webview-ui/src/review/ReviewStep';
import { useReview } from '../../webview-ui/src/review/useReview';

export { act, fireEvent, screen, within } from '@testing-library/react';

// ---------- rendering and web components ----------

/** A vscode-elements (Lit) element: renders its shadow DOM asynchronously. */
export type LitElementLike = HTMLElement & { updateComplete: Promise<boolean>; value?: string; disabled?: boolean };

/** Renders and waits until every Lit element in the tree has rendered its shadow DOM. */
export async function renderUi(ui: ReactElement): Promise<RenderResult> {
  const result = render(ui);
  await litSettled(result.container);
  return result;
}

/** Waits for pending Lit updates below `root` (inside act, so React effects they trigger flush too). */
export async function litSettled(root: ParentNode = document.body): Promise<void> {
  await act(async () => {
    const elements = [...root.querySelectorAll('*')].filter((el): el is LitElementLike => 'updateComplete' in el);
    await Promise.all(elements.map((el) => el.updateComplete));
  });
}

/** The native control inside a vscode-textarea / vscode-textfield's shadow root, where a user types. */
export function innerControl(host: Element): HTMLInputElement | HTMLTextAreaElement {
  const control = host.shadowRoot?.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input');
  if (!control) throw new Error(`<${host.localName}> has not rendered a textarea/input (await litSettled() first)`);
  return control;
}

/**
 * Types into a vscode-textarea / vscode-textfield the way a browser delivers it: the inner control's
 * value changes and it fires a composed `input` event, which the element handles (updating its own
 * `value`) and which then crosses the shadow boundary to the listeners on the element itself.
 */
export async function typeInto(host: Element, text: string): Promise<void> {
  fireEvent.input(innerControl(host), { target: { value: text } });
  await litSettled();
}

/** Presses a key in the inner control (keydown is composed, like a real key press). */
export async function pressKey(host: Element, key: string): Promise<void> {
  fireEvent.keyDown(innerControl(host), { key });
  await litSettled();
}

// ---------- the VS Code side ----------

/** A stand-in for acquireVsCodeApi(): records posted messages and keeps state in memory. */
export function fakeVsCodeApi(initialState?: unknown) {
  const posted: unknown[] = [];
  let state = initialState;
  return {
    posted,
    postMessage(message: unknown) {
      posted.push(message);
    },
    getState: () => state,
    setState<T>(next: T): T {
      state = next;
      return next;
    },
  };
}
export type FakeVsCodeApi = ReturnType<typeof fakeVsCodeApi>;

const listenersToRemove: (() => void)[] = [];

/**
 * A Bridge with a fake api, listening to the real window as in the webview. Its listener is removed
 * after the test (see cleanupAfterTest), so bridges of earlier tests do not answer this test's messages.
 */
export function fakeBridge(initialState?: unknown): { bridge: Bridge; api: FakeVsCodeApi } {
  const api = fakeVsCodeApi(initialState);
  const target: Pick<Window, 'addEventListener'> = {
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      window.addEventListener(type, listener);
      listenersToRemove.push(() => window.removeEventListener(type, listener));
    },
  };
  return { bridge: new Bridge(api, target), api };
}

/** Called by setup.tsx after every test: unmount what was rendered, detach the test's bridges. */
export function cleanupAfterTest(): void {
  cleanup();
  for (const remove of listenersToRemove.splice(0)) remove();
}

/** Delivers a message from the host the way VS Code does: a `message` event on the window. */
export async function hostSends(data: unknown): Promise<void> {
  await act(async () => {
    window.dispatchEvent(new MessageEvent('message', { data }));
  });
  await litSettled();
}

/** Posted messages that the host would reject (empty when everything the webview sent is valid). */
export function invalidPosts(api: FakeVsCodeApi): string[] {
  return api.posted.flatMap((message) => {
    const parsed = parseWebviewToHost(message);
    return parsed.ok ? [] : [`${parsed.messageType ?? '?'}: ${parsed.error}`];
  });
}

export function postedTypes(api: FakeVsCodeApi): WebviewToHost['type'][] {
  return api.posted.map((message) => (message as WebviewToHost).type);
}

/** The review step as the app mounts it, over a (fake) host's bridge. */
export function ReviewHarness({ bridge, onGenerate = () => undefined, trusted }: { bridge: Bridge; onGenerate?: (options: GenerateOptions) => void; trusted?: boolean }) {
  const api = useReview(bridge);
  return <ReviewStep api={api} onBack={() => undefined} onGenerate={onGenerate} disabled={false} trusted={trusted} />;
}

/** The review re-checks the webview asked the host for, oldest first. */
export const reviewRequests = (api: FakeVsCodeApi) => api.posted.filter((m): m is Extract<WebviewToHost, { type: 'reviewSpec' }> => (m as WebviewToHost).type === 'reviewSpec');

/** The debounced re-check after an edit: waits (up to a second) until the `count`th is posted, and returns it. */
export async function nextReviewRequest(api: FakeVsCodeApi, count: number) {
  for (let i = 0; i < 40 && reviewRequests(api).length < count; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
  }
  const request = reviewRequests(api)[count - 1];
  assert.ok(request, `review request ${count} was posted`);
  return request;
}

/** Host info as the host sends it (before the schema fills in defaults). */
export const hostInfo = (overrides: Partial<z.input<typeof HostInfo>> = {}): z.input<typeof HostInfo> => ({
  vscodeVersion: '1.100.3',
  extensionVersion: '0.1.0',
  uiKind: 'desktop',
  workspaceTrusted: true,
  workspaceFolders: 1,
  provider: 'offline',
  model: 'claude-sonnet-5-5',
  ...overrides,
});

/** Captures console output of one kind during `body` (the bridge logs what it refuses or ignores). */
export async function capturing(method: 'error' | 'warn', body: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console[method] = original;
  }
  return lines;
}

// ---------- run events ----------

export const stage = (id: string, title: string, ...dependsOn: string[]): StageDescriptor => ({ id, title, dependsOn });

export const usage = (inputTokens: number, outputTokens: number, costUsd = 0): Usage => ({ inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd });

/**
 * Stamps events the way RunEventStream does (runId, seq from 0, time) and checks each against the
 * RunEvent schema, so a test cannot draw a run the host could never send.
 */
export function runEvents(runId: string, inputs: RunEventInput[], startAt = 1_700_000_000_000): RunEvent[] {
  return inputs.map((input, seq) => RunEvent.parse({ ...input, runId, seq, at: startAt + seq * 100 }));
}

/** A run in the middle of things, with one stage in each status the UI draws; `later` events follow. */
export function mixedRun(later: RunEventInput[] = [], runId = 'run-1'): { events: RunEvent[]; state: RunState } {
  const events = runEvents(runId, [
    {
      type: 'runStarted',
      concurrency: 4,
      stages: [
        stage('requirements', 'Read requirements'),
        stage('domain', 'Domain model', 'requirements'),
        stage('schema', 'Database schema', 'domain'),
        stage('api', 'API routes', 'domain'),
        stage('frontend', 'Frontend pages', 'domain'),
        stage('tests', 'Tests', 'schema'),
        stage('docs', 'API docs', 'api'),
        stage('readme', 'README', 'docs', 'frontend'),
      ],
    },
    // succeeded, with duration and tokens
    { type: 'stageQueued', stageId: 'requirements' },
    { type: 'stageStarted', stageId: 'requirements', attempt: 1 },
    { type: 'usage', stageId: 'requirements', model: 'claude-sonnet-5-5', usage: usage(1000, 234, 0.0123) },
    { type: 'stageFinished', stageId: 'requirements', durationMs: 1200, attempts: 1 },
    // succeeded on the second attempt
    { type: 'stageStarted', stageId: 'domain', attempt: 1 },
    { type: 'stageRetried', stageId: 'domain', attempt: 1, delayMs: 500, reason: 'overloaded' },
    { type: 'stageStarted', stageId: 'domain', attempt: 2 },
    { type: 'stageOutput', stageId: 'domain', summary: '3 entities' },
    { type: 'stageFinished', stageId: 'domain', durationMs: 800, attempts: 2 },
    // failed
    { type: 'stageStarted', stageId: 'schema', attempt: 1 },
    { type: 'stageFailed', stageId: 'schema', error: 'relation Post.author has no target', attempt: 1, durationMs: 350 },
    // skipped because of it
    { type: 'stageSkipped', stageId: 'tests', reason: 'Database schema failed', becauseOf: 'schema' },
    // retrying
    { type: 'stageStarted', stageId: 'api', attempt: 1 },
    { type: 'stageRetried', stageId: 'api', attempt: 1, delayMs: 1000, reason: 'rate limited' },
    // running, with progress
    { type: 'stageStarted', stageId: 'frontend', attempt: 1 },
    { type: 'stageProgress', stageId: 'frontend', message: 'pages 2/5', fraction: 0.4 },
    // queued; readme stays pending
    { type: 'stageQueued', stageId: 'docs' },
    ...later,
  ]);
  return { events, state: replayRun(events) };
}
