// Checks a pasted Anthropic API key before it is stored (no vscode: the CLI can use it too).

/** Anthropic keys start with `sk-ant-`; anything else is almost certainly a paste mistake. */
export function validateApiKey(value: string): string | undefined {
  const key = value.trim();
  if (!key) return 'Enter your Anthropic API key';
  if (/\s/.test(key)) return 'The key must not contain spaces or line breaks';
  if (!key.startsWith('sk-ant-')) return 'Anthropic API keys start with "sk-ant-"';
  if (key.length < 20) return 'That is too short for an Anthropic API key: a key looks like sk-ant-api03-… and is about 100 characters long; copy it whole from console.anthropic.com';
  if (key.length > 300) return 'That is longer than any Anthropic API key (about 100 characters): copy only the key';
  return undefined;
}
