// Explanations of a generated project read back from its manifest: one file's story (what it is
// for, which stage wrote it, which requirement sentences it serves) and the requirements coverage
// (each sentence with the files serving it, and the sentences no file serves). Pure text, so the
// hover, the panel and the CLI can all say the same thing.
import type { ManifestFile, TakossManifest } from '../generator/project/manifest';

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
}

export interface Coverage {
  project: string;
  lines: CoverageLine[];
  /** Sentences no generated file serves. */
  unserved: CoverageLine[];
  /** Files traced to no sentence (infrastructure: configs, tooling). */
  untraced: string[];
}

export function requirementsCoverage(manifest: TakossManifest): Coverage {
  const lines: CoverageLine[] = manifest.requirements.map((sentence) => ({
    id: sentence.id,
    text: sentence.text,
    files: manifest.files.filter((file) => file.sources.includes(sentence.id) && file.path !== '.takoss/manifest.json').map((file) => file.path),
  }));
  return {
    project: manifest.project.title,
    lines,
    unserved: lines.filter((line) => line.files.length === 0),
    untraced: manifest.files.filter((file) => file.sources.length === 0).map((file) => file.path),
  };
}

/** The coverage as a Markdown document. */
export function coverageMarkdown(coverage: Coverage): string {
  const out = [`# Requirements coverage: ${escapeMarkdown(coverage.project)}`, ''];
  const served = coverage.lines.length - coverage.unserved.length;
  out.push(`${served} of ${coverage.lines.length} requirement sentences are served by generated files.`, '');
  for (const line of coverage.lines) {
    out.push(`## ${line.id + 1}. ${escapeMarkdown(line.text)}`, '');
    if (line.files.length) for (const file of line.files) out.push(`- \`${file}\``);
    else out.push('- *No generated file serves this sentence.*');
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
