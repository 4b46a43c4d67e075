// What Claude reads to answer a question about a generated project: the instructions and the
// project's overview (its requirement sentences and what each file is for), then the files that
// matter to the question, each numbered by line so a citation can say `path:line`. Every block
// is system text marked for the prompt cache; a session keeps the files it already sent first
// and in the same order, so a follow-up question re-sends the same prefix and reads it from the
// cache instead of paying for it again.
import type Anthropic from '@anthropic-ai/sdk';
import type { Answer, FileLink } from '../../model/ask/answer';
import type { ManifestFile } from '../generator/project/manifest';
import type { Question } from './question';
import type { ProjectTrace } from './trace';

/** The most file text one question sends (about 15k tokens); files past it are left out. */
export const MAX_CONTEXT_BYTES = 60_000;
/** A file larger than this is sent as an excerpt (numbered as in the file). */
export const MAX_FILE_BYTES = 16_000;
/** How far before the line a question is about an excerpt starts. */
const EXCERPT_LINES = 80;
/** A file explanation in the overview is cut here: the overview says what a file is for, not all of it. */
const OVERVIEW_EXPLANATION_CHARS = 160;

export const ASK_INSTRUCTIONS = `You answer questions about a software project that Takoss generated from plain-language requirements.
Answer only from the project overview and the project files given below; when they do not hold the answer, say so plainly.
Cite every file you rely on as path:line (e.g. backend/src/rules/bookings.ts:12), using the line numbers shown before each line.
Be brief: one or two sentences first, then the details as short paragraphs or "- " list items.
You have no tools and cannot change anything: you only read and answer. If asked for a change, describe it in words and say that Takoss makes changes through "Change This Project…" (or takoss update), where the model diff is reviewed first.`;

type SystemBlock = Anthropic.Messages.TextBlockParam;

/** The files one conversation has sent so far, in the order sent (their cached prefix). */
export class AskSession {
  sent: FileLink[] = [];
}

/**
 * The files that matter to a question, most relevant first, each with the line it is about when
 * known: the open file, the offline answer's links, the files serving the entities it names.
 */
export function relevantFiles(trace: ProjectTrace, question: Question, offline: Answer): FileLink[] {
  const known = new Set(trace.manifest.files.map((file) => file.path));
  // Files serving only the entity first; the ones every entity shares (README, OpenAPI) last.
  const entitiesServed = (file: ManifestFile) => file.serves.filter((element) => element.startsWith('entity:')).length;
  const serving = question.entities.flatMap((entity) =>
    trace.manifest.files
      .filter((file) => file.serves.includes(`entity:${entity}`))
      .sort((a, b) => entitiesServed(a) - entitiesServed(b))
      .map((file) => ({ path: file.path })),
  );
  const linked = offline.points.flatMap((point) => point.links);
  const wanted: FileLink[] = [...(question.path ? [{ path: question.path }] : []), ...linked, ...serving];
  const seen = new Set<string>();
  return wanted.filter((link) => known.has(link.path) && !seen.has(link.path) && Boolean(seen.add(link.path)));
}

/** The project's overview: its requirement sentences (with what became of each) and its files with what each is for. */
export function projectOverview(trace: ProjectTrace): string {
  const { manifest } = trace;
  const requirements = manifest.requirements.map((r) => `${r.id}. ${r.text}${r.status ? ` [${r.status}]` : ''}`);
  const files = manifest.files.map((file) => `${file.path} — ${cut(file.explanation.replace(/\s+/g, ' '), OVERVIEW_EXPLANATION_CHARS)}`);
  return [`Project: ${manifest.project.title} (${manifest.project.name})`, '', 'Requirement sentences:', ...requirements, '', 'Files:', ...files].join('\n');
}

/**
 * A file as Claude reads it: its path, then each line after its number. A file past
 * MAX_FILE_BYTES (an OpenAPI document) is cut to the lines around the one the question is about,
 * or to its start.
 */
export function numberedFile(path: string, text: string, line?: number): string {
  const lines = text.split('\n');
  let [from, to] = [1, lines.length];
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    const middle = Math.min(line ?? 1, lines.length);
    from = Math.max(1, middle - EXCERPT_LINES / 2);
    to = from;
    let bytes = 0;
    while (to <= lines.length && bytes + Buffer.byteLength(lines[to - 1]) < MAX_FILE_BYTES) bytes += Buffer.byteLength(lines[to++ - 1]) + 1;
    to = Math.max(from, to - 1);
  }
  const header = from === 1 && to === lines.length ? `=== ${path} ===` : `=== ${path} (lines ${from}-${to} of ${lines.length}) ===`;
  return [header, ...lines.slice(from - 1, to).map((text, index) => `${from + index}\t${text}`)].join('\n');
}

export interface AskContext {
  system: SystemBlock[];
  /** The files sent, in order. */
  files: FileLink[];
}

/** The files of `links` that fit in MAX_CONTEXT_BYTES, in order, and the readable ones left out for room. */
async function fitFiles(trace: ProjectTrace, links: readonly FileLink[], blocks: Map<string, string>) {
  let bytes = 0;
  const kept: FileLink[] = [];
  const leftOut: FileLink[] = [];
  for (const link of links) {
    const text = await trace.read(link.path);
    if (text === undefined) continue;
    const block = blocks.get(link.path) ?? numberedFile(link.path, text, link.line);
    blocks.set(link.path, block);
    const size = Buffer.byteLength(block);
    if (bytes + size > MAX_CONTEXT_BYTES) leftOut.push(link);
    else {
      bytes += size;
      kept.push(link);
    }
  }
  return { kept, leftOut };
}

/**
 * The system blocks for a question: the instructions and overview, the session's earlier files (so
 * the prefix is the one cached), then the question's new files, within MAX_CONTEXT_BYTES. When the
 * earlier files leave no room for the most relevant new one, the session starts afresh with only
 * this question's files.
 */
export async function askContext(trace: ProjectTrace, wanted: readonly FileLink[], session: AskSession): Promise<AskContext> {
  let blocks = new Map<string, string>();
  const earlier = session.sent;
  const fresh = wanted.filter((link) => !earlier.some((sent) => sent.path === link.path));
  const first = await fitFiles(trace, [...earlier, ...fresh], blocks);
  let files = first.kept;
  const mostRelevant = fresh.find((link) => blocks.has(link.path));
  // The earlier files crowd out the question's most relevant new file: start afresh from this question's.
  if (mostRelevant && first.leftOut.includes(mostRelevant)) {
    blocks = new Map();
    files = (await fitFiles(trace, wanted, blocks)).kept;
  }
  const reused = earlier.length && earlier.every((link, index) => files[index] === link) ? earlier.length : 0;
  session.sent = files;
  const cached = { type: 'ephemeral' as const };
  const system: SystemBlock[] = [{ type: 'text', text: `${ASK_INSTRUCTIONS}\n\n${projectOverview(trace)}`, cache_control: cached }];
  files.forEach((link, index) => {
    // Breakpoints at the end of the earlier files (the prefix a follow-up reuses) and at the end of all.
    const breakpoint = index === files.length - 1 || index === reused - 1;
    system.push({ type: 'text', text: blocks.get(link.path)!, ...(breakpoint ? { cache_control: cached } : {}) });
  });
  return { system, files };
}

function cut(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}
