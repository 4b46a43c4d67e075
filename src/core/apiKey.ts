// Checks a pasted Anthropic API key before it is stored (no vscode: the CLI can use it too).

/** Anthropic keys start with `sk-ant-`; anything else is almost certainly a paste mistake. */
export function validateApiKey(value: string): string | undefined {
  const key = value.trim();
  if (!key) return 'Enter your Anthropic API key';
  if (/\s/.test(key)) return 'The key must not contain spaces or line breaks';
  if (!key.startsWith('sk-ant-')) return 'Anthropic API keys start with "sk-ant-"';
  if (key.length < 20 || key.length > 300) return 'That does not look like a complete API key';
  return undefined;
}
