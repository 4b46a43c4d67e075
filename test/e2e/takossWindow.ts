// One real VS Code window per browser suite: a code-server with the development extension, opened
// in headless Chromium before the suite's tests and closed after them. The suites used to repeat
// these hooks; they differ only in the server's options and in what happens before Takoss loads.
import { FakeAnthropicServer, type Responder } from '../fake-anthropic/server';
import { CodeServer, type CodeServerOptions, openWorkbench, type Workbench } from '../harness/codeServerSession';
import { repoRoot } from '../harness/paths';
import { waitForTakossContributions } from './workbenchPage';

export interface TakossWindow {
  readonly server: CodeServer;
  readonly workbench: Workbench;
}

export interface TakossWindowSetup {
  /** Server options, or a function giving them once earlier `before` hooks ran (e.g. a fake API's URL). */
  options?: CodeServerOptions | (() => CodeServerOptions);
  /** What the user does in the window before Takoss's contributions appear (e.g. answer the trust dialog). */
  beforeTakoss?: (workbench: Workbench) => Promise<void>;
}

/** Registers the suite's before/after hooks; the returned window is usable inside tests and later hooks. */
export function takossWindow(setup: TakossWindowSetup = {}): TakossWindow {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  before(async () => {
    const options = typeof setup.options === 'function' ? setup.options() : setup.options;
    server = await CodeServer.start(options ?? {});
    workbench = await openWorkbench(server.workbenchUrl({ extensionDevelopmentPath: repoRoot }));
    await setup.beforeTakoss?.(workbench);
    await waitForTakossContributions(workbench.page);
  });
  after(async () => {
    await workbench?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The code-server is not started yet (use the window inside tests or later hooks).');
      return server;
    },
    get workbench() {
      if (!workbench) throw new Error('The workbench is not open yet (use the window inside tests or later hooks).');
      return workbench;
    },
  };
}

export interface FakeApiWindow extends TakossWindow {
  /** The fake Anthropic API the window's Takoss talks to (its requests, its answers). */
  readonly fake: FakeAnthropicServer;
}

/**
 * A window (dark theme) whose Claude is a fake Anthropic API on this machine, answering every
 * request as `answer` says; the fake starts before the window and closes after the suite.
 */
export function takossWindowWithFakeApi(answer: Responder): FakeApiWindow {
  let fake: FakeAnthropicServer | undefined;
  const started = () => {
    if (!fake) throw new Error('The fake Anthropic API is not started yet (use it inside tests or later hooks).');
    return fake;
  };
  before(async () => {
    fake = (await FakeAnthropicServer.start()).otherwise(answer);
  });
  after(async () => {
    await fake?.close();
  });
  const window = takossWindow({
    options: () => ({ env: { ANTHROPIC_BASE_URL: started().url }, userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } }),
  });
  return {
    get server() {
      return window.server;
    },
    get workbench() {
      return window.workbench;
    },
    get fake() {
      return started();
    },
  };
}
