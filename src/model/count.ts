/**
 * "1 file", "3 files", "1 entry", "2 entries": one way to count things in every message the user reads
 * (host, CLI and webview), so no message says "1 files" or "Every one of the 1 sentence".
 */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
