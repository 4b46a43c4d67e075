// A long paste for the big-input checks (issue #17 item 5): the repository's own requirement
// texts (the samples, the public eval texts, the dev gold texts) one after another until `chars`
// long, so most sentences are distinct, as in a real specification document.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/paths';

function fixtureTexts(): string[] {
  const dir = path.join(repoRoot, 'test/fixtures/requirements');
  const samples = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
  const rows = (file: string) =>
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { requirements: string }).requirements);
  return [...rows('gold/dev.jsonl'), ...rows('eval.jsonl'), ...samples].map((text) => text.trim());
}

export function longRequirements(chars: number): string {
  const texts = fixtureTexts();
  const parts: string[] = [];
  for (let i = 0, size = 0; size < chars; i += 1) {
    const text = texts[i % texts.length];
    parts.push(text);
    size += text.length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
}
