// The fake Messages API as most hybrid-pipeline tests use it: a fresh server for every test, and the
// real provider pointed at it.
import { AnthropicProvider, type AnthropicProviderOptions } from '../../src/core/providers/anthropic';
import { FakeAnthropicServer } from '../fake-anthropic/server';

export interface FakeClaude {
  /** The server of the current test: script its answers, read what it was sent. */
  readonly server: FakeAnthropicServer;
  /** The real provider (SDK) talking to that server. */
  readonly provider: AnthropicProvider;
}

/**
 * Registers hooks in the calling `describe`: before each test a new server and a provider on it,
 * after each test the server closed. The returned object always holds the current test's pair.
 * `sleep` replaces the provider's waits between retries (a no-op keeps retry tests fast).
 */
export function fakeClaudePerTest(options: Pick<AnthropicProviderOptions, 'sleep'> = {}): FakeClaude {
  const current = {} as { server: FakeAnthropicServer; provider: AnthropicProvider };
  beforeEach(async () => {
    current.server = await FakeAnthropicServer.start();
    current.provider = new AnthropicProvider({ apiKey: 'test-key', baseURL: current.server.url, ...options });
  });
  afterEach(() => current.server.close());
  return current;
}
