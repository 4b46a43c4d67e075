// Explanations of a generated project read back from its manifest: one file's story (what it is
// for, which stage wrote it, which requirement sentences it serves) and the requirements coverage
// (each sentence with the files serving it, and the sentences no file serves). Pure text, so the
// hover, the panel and the CLI can all say the same thing.
import type { ManifestFile, TakossManifest } from '../generator/project/manifest';
import type { SentenceStatus } from '../../model/project/accounting';
import { STATUS_TEXT, UNACCOUNTED_REASON } from '../../model/project/understanding';
import { countOf } from '../../model/count';

export interface FileExplanation {
  project: string;
  path: string;
  explanation: string;
  layer: string;
  stage?: string;
  requirements: string[];
}

export function explainFile(manifest: TakossManifest, relativePath: string): FileExplanation | undefined {
  const entry: ManifestFile | undefined = manifest.files.find((file) => file.path === relativePath);
  if (!entry) return undefined;
  return {
    project: manifest.project.title,
    path: entry.path,
    explanation: entry.explanation,
    layer: entry.layer,
    stage: entry.stage,
    requirements: entry.requirements,
  };
}

/** Markdown-safe text: the explanation comes from a file on disk (and possibly from a model). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

export interface CoverageLine {
  id: number;
  text: string;
  files: string[];
  /** What became of the sentence (absent in manifests written before sentences were accounted for). */
  status?: SentenceStatus;
  /** Why (parts of) it were not understood. */
  notUnderstood: string[];
  /** Why (parts of) it are not implemented. */
  notImplemented: string[];
}

export interface Coverage {
  project: string;
  lines: CoverageLine[];
  /** Sentences no generated file serves (headings and ignored sentences need none). */
  unserved: CoverageLine[];
  /** Files traced to no sentence (infrastructure: configs, tooling). */
  untraced: string[];
}

export function requirementsCoverage(manifest: TakossManifest): Coverage {
  const lines: CoverageLine[] = manifest.requirements.map((sentence) => ({
    id: sentence.id,
    text: sentence.text,
    files: manifest.files.filter((file) => file.sources.includes(sentence.id) && file.path !== '.takoss/manifest.json').map((file) => file.path),
    status: sentence.status,
    notUnderstood: sentence.notUnderstood ?? [],
    notImplemented: sentence.notImplemented ?? [],
  }));
  return {
    project: manifest.project.title,
    lines,
    unserved: lines.filter((line) => line.files.length === 0 && line.status !== 'context' && line.status !== 'ignored'),
    untraced: manifest.files.filter((file) => file.sources.length === 0).map((file) => file.path),
  };
}

/** Statuses that leave nothing of the sentence out. */
const COMPLETE = new Set<SentenceStatus | undefined>(['mapped', 'context', 'ignored']);


/** "3 of 4 requirement sentences are served…", with the verb and noun agreeing ("1 of 4 … is", "The one … is"). */
export function servedSentences(served: number, total: number): string {
  if (total === 1) return served ? 'The one requirement sentence is served by generated files.' : 'The one requirement sentence is served by no generated file.';
  if (served === 0) return `None of the ${total} requirement sentences is served by generated files.`;
  return `${served} of ${total} requirement sentences ${served === 1 ? 'is' : 'are'} served by generated files.`;
}

/** Why a sentence was (partly) left out; for a partial one, which part is which. */
function whyLeftOut(line: CoverageLine): string {
  const missed = (line.status === 'unaccounted' ? [UNACCOUNTED_REASON] : line.notUnderstood).map(escapeMarkdown).join(' ');
  const unbuilt = line.notImplemented.map(escapeMarkdown).join(' ');
  if (line.status !== 'partial') return [missed, unbuilt].filter(Boolean).join(' ');
  return [missed && `not understood: ${missed}`, unbuilt && `not implemented: ${unbuilt}`].filter(Boolean).join('; ');
}

/** The coverage as a Markdown document: the headline, each sentence with its status and files, then what was left out. */
export function coverageMarkdown(coverage: Coverage): string {
  const out = [`# Requirements coverage: ${escapeMarkdown(coverage.project)}`, ''];
  const accounted = coverage.lines.every((line) => line.status !== undefined);
  const served = coverage.lines.filter((line) => line.files.length > 0).length;
  const missed = coverage.lines.filter((line) => line.status === 'unaccounted' || line.status === 'notUnderstood' || line.notUnderstood.length > 0);
  const unbuilt = coverage.lines.filter((line) => line.notImplemented.length > 0);
  const partial = coverage.lines.filter((line) => line.status === 'partial').length;
  if (!accounted) {
    // A manifest from before sentences were accounted for: only the files are known.
    out.push(servedSentences(served, coverage.lines.length), '');
  } else if (coverage.lines.some((line) => !COMPLETE.has(line.status))) {
    // Never "N of N served" here: a sentence can have files and still have a clause left out.
    const counts = [
      ...(missed.length ? [`${countOf(missed.length, 'sentence', 'sentences')} not (fully) understood`] : []),
      ...(unbuilt.length ? [`${unbuilt.length} not (fully) implemented`] : []),
      ...(partial ? [`${partial} of them only partly built`] : []),
    ];
    out.push(`**Not everything in the requirements was built:** ${counts.join(', ')}. Each sentence below says what became of it and lists the generated files that cite it; what was left out is listed at the end.`, '');
  } else {
    out.push(`Every requirement sentence was built (or is a heading, or was ignored on review). ${servedSentences(served, coverage.lines.length)}`, '');
  }
  for (const line of coverage.lines) {
    out.push(`## ${line.id + 1}. ${escapeMarkdown(line.text)}`, '');
    if (line.status) {
      const why = whyLeftOut(line);
      out.push(`Status: **${STATUS_TEXT[line.status]}**${why ? ` — ${why}` : ''}`, '');
    }
    if (line.files.length) for (const file of line.files) out.push(`- \`${file}\``);
    else if (line.status === 'context' || line.status === 'ignored') out.push('- *Nothing to generate for this sentence.*');
    else out.push('- *No generated file serves this sentence.*');
    out.push('');
  }
  if (missed.length) {
    out.push('## Not understood', '');
    for (const line of missed) {
      const reasons = line.status === 'unaccounted' ? [UNACCOUNTED_REASON] : line.notUnderstood;
      out.push(`- ${line.id + 1}. ${escapeMarkdown(line.text)}${reasons.length ? ` — ${reasons.map(escapeMarkdown).join(' ')}` : ''}`);
    }
    out.push('');
  }
  if (unbuilt.length) {
    out.push('## Not implemented', '');
    for (const line of unbuilt) out.push(`- ${line.id + 1}. ${escapeMarkdown(line.text)} — ${line.notImplemented.map(escapeMarkdown).join(' ')}`);
    out.push('');
  }
  if (coverage.unserved.length) {
    out.push('## Not served by any file', '');
    for (const line of coverage.unserved) out.push(`- ${line.id + 1}. ${escapeMarkdown(line.text)}`);
    out.push('');
  }
  if (coverage.untraced.length) {
    out.push('## Infrastructure (not traced to a sentence)', '');
    for (const file of coverage.untraced) out.push(`- \`${file}\``);
    out.push('');
  }
  return out.join('\n');
}
