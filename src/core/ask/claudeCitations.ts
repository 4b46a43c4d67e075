// Claude's answer as an Answer: its first paragraph the summary, each further paragraph or list
// item a point, and the `path:line` citations in each turned into links — only to files the
// project's manifest lists, so a link never opens a file the project does not have.
import type { AnswerPoint, FileLink } from '../../model/ask/answer';

/** `path:line` or `path` with an extension, as Claude cites it (inside backticks or not). */
const CITATION = /(?<![\w./-])((?:[\w@.-]+\/)*[\w@.-]+\.[A-Za-z0-9]+)(?::(\d+)(?:-\d+)?)?(?![\w/])/g;
const MAX_POINTS = 200;
const MAX_TEXT = 4000;
const MAX_LINKS = 50;

/** The citations of `text` to files in `known`, each once, in order. */
export function citedLinks(text: string, known: ReadonlySet<string>): FileLink[] {
  const links: FileLink[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(CITATION)) {
    const path = match[1].replace(/^\.\//, '');
    const line = match[2] ? Number(match[2]) : undefined;
    const key = `${path}:${line ?? ''}`;
    if (!known.has(path) || seen.has(key)) continue;
    seen.add(key);
    links.push(line && line >= 1 ? { path, line } : { path });
  }
  return links.slice(0, MAX_LINKS);
}

/** Paragraphs and list items of Markdown-ish text, trimmed, without the list markers. */
export function answerBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const block = current.join('\n').trim();
    if (block) blocks.push(block);
    current = [];
  };
  for (const line of text.split('\n')) {
    const item = /^\s*(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
    if (!line.trim() || item) flush();
    current.push(item ? item[1] : line);
  }
  flush();
  return blocks;
}

export interface CitedAnswer {
  summary: string;
  points: AnswerPoint[];
}

/** The summary (first block), the points (the rest) with their links; the summary's own citations become a last point. */
export function citedAnswer(text: string, known: ReadonlySet<string>): CitedAnswer {
  const [first = '', ...rest] = answerBlocks(text);
  const points = rest.slice(0, MAX_POINTS - 1).map((block) => ({ text: cut(block), links: citedLinks(block, known) }));
  const summaryLinks = citedLinks(first, known);
  if (summaryLinks.length) points.push({ text: 'Cited in the summary above.', links: summaryLinks });
  return { summary: cut(first), points };
}

function cut(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}
