// A question read for what it names: the project's entities (by name, label or plural), rule kinds
// (by the words people use for them), a quoted requirement, a project file. The answerers decide
// from these what was asked; nothing here guesses beyond the project's own vocabulary.
import { singularizeWord, words } from '../../model/project/naming';
import type { Rule } from '../../model/project/projectSpec';
import type { ProjectTrace } from './trace';

export type RuleKind = Rule['kind'];

export interface Question {
  /** As asked, trimmed. */
  text: string;
  /** Lower-case words, singular. */
  words: string[];
  /** Text between quotes ("…", “…”, '…'), when the question quotes something. */
  quoted?: string;
  /** A project file the question names (or the open file, for "this file"). */
  path?: string;
  /** Entities of the project the question names. */
  entities: string[];
  /** Rule kinds the question speaks of. */
  ruleKinds: RuleKind[];
}

const RULE_WORDS: Record<RuleKind, RegExp> = {
  capacity: /\b(capacity|full|limit(s|ed)?|at most|max(imum)?|seats?|places|spots|overbook\w*)\b/,
  unique: /\b(unique(ness)?|duplicates?|twice|same \w+ again)\b/,
  noOverlap: /\b(overlap\w*|double[- ]book\w*|clash\w*)\b/,
  ownership: /\b(own(er|ers|ership)?|their own|creator|author)\b/,
  roleRequired: /\b(roles?|admins?|administrators?|permissions?|who (can|may))\b/,
  statusWorkflow: /\b(status(es)?|workflow|transitions?|states?)\b/,
  dateOrder: /\b(date order|before|after|end date|start date|dates?)\b/,
  refuseWhen: /\b(refus\w*|blocked|forbidden|not allowed|prevent\w*)\b/,
};

const QUOTED = /["“”]([^"“”]{3,})["“”]|(?:^|\s)'([^']{3,})'(?=[\s?.!,]|$)/;

export function readQuestion(trace: ProjectTrace, text: string, currentFile?: string): Question {
  const asked = text.trim();
  const lower = asked.toLowerCase();
  const match = QUOTED.exec(asked);
  const quoted = (match?.[1] ?? match?.[2])?.trim();
  return {
    text: asked,
    words: words(lower).map((word) => singularizeWord(word)),
    quoted,
    path: namedPath(trace, asked) ?? (/\b(this|the current|the open) file\b/.test(lower) ? currentFile : undefined),
    entities: namedEntities(trace, lower),
    ruleKinds: (Object.keys(RULE_WORDS) as RuleKind[]).filter((kind) => RULE_WORDS[kind].test(lower)),
  };
}

/** The longest manifest path (or its file name, when that is unique) written in the question. */
function namedPath(trace: ProjectTrace, asked: string): string | undefined {
  const paths = trace.manifest.files.map((file) => file.path).sort((a, b) => b.length - a.length);
  const full = paths.find((path) => asked.includes(path));
  if (full) return full;
  const named = paths.filter((path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return name.includes('.') && new RegExp(`(^|[\\s\`'"(])${escapeRegExp(name)}($|[\\s\`'")?.,!:])`).test(asked);
  });
  return named.length === 1 ? named[0] : undefined;
}

/** Entity names from the spec, else from the manifest (`entity:Task`), that the question mentions. */
export function projectEntities(trace: ProjectTrace): { name: string; phrases: string[] }[] {
  if (trace.spec) {
    return trace.spec.entities.map((entity) => ({ name: entity.name, phrases: [entity.name, entity.label, entity.pluralLabel].flatMap(phrasesOf) }));
  }
  const names = new Set(trace.manifest.files.flatMap((file) => file.serves.filter((s) => s.startsWith('entity:')).map((s) => s.slice('entity:'.length))));
  return [...names].map((name) => ({ name, phrases: phrasesOf(name) }));
}

function namedEntities(trace: ProjectTrace, lower: string): string[] {
  const spaced = ` ${words(lower).map((word) => singularizeWord(word)).join(' ')} `;
  return projectEntities(trace)
    .filter(({ phrases }) => phrases.some((phrase) => spaced.includes(` ${phrase} `)))
    .map(({ name }) => name);
}

/** "FitnessClass" and "Fitness classes" -> "fitness class" (singular words, spaced). */
function phrasesOf(name: string): string[] {
  const parts = words(name).map((word) => singularizeWord(word));
  return parts.length ? [parts.join(' ')] : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
