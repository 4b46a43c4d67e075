// Every requirement sentence accounted for: what each one became in the spec, or why it became
// nothing. The review step, the CLI, the generated README and Requirements Coverage all read
// this one function, so they can never disagree about what was left out.
import type { ProjectSpec } from './projectSpec';

export type SentenceStatus =
  /** Turned into spec elements (entities, fields, relations, rules, sign-in). */
  | 'mapped'
  /** Partly turned into spec elements; a clause of it was not understood or is not implemented. */
  | 'partial'
  /** Recognised, but the generator does not build it (reports, e-mails, …); says why. */
  | 'notImplemented'
  /** Not understood; says why and offers fixes. */
  | 'notUnderstood'
  /** The user said it needs nothing generated. */
  | 'ignored'
  /** A heading or title: context, nothing to build. */
  | 'context'
  /** Nothing in the spec comes from it and nothing says why: a silent drop (a bug of the extractor). */
  | 'unaccounted';

export interface SentenceAccount {
  id: number;
  text: string;
  status: SentenceStatus;
  /** Spec elements that cite this sentence, e.g. "entity Task", "field Task.title", "rule capacity on Booking". */
  elements: string[];
  /** Why parts of it were left out (from notUnderstood and unimplemented). */
  reasons: string[];
}

export interface AccountingSummary {
  sentences: number;
  mapped: number;
  partial: number;
  notImplemented: number;
  notUnderstood: number;
  ignored: number;
  context: number;
  unaccounted: number;
}

type ElementsBySentence = Map<number, string[]>;

function collectElements(spec: ProjectSpec): ElementsBySentence {
  const map: ElementsBySentence = new Map();
  const add = (sources: readonly number[], element: string) => {
    for (const id of sources) {
      const list = map.get(id) ?? [];
      if (!list.includes(element)) list.push(element);
      map.set(id, list);
    }
  };
  for (const entity of spec.entities) {
    add(entity.sources, `entity ${entity.name}`);
    for (const field of entity.fields) add(field.sources, `field ${entity.name}.${field.name}`);
  }
  for (const relation of spec.relations) add(relation.sources, `relation ${relation.from}.${relation.name} → ${relation.to}`);
  for (const rule of spec.rules) add(rule.sources, `rule ${rule.kind} on ${rule.entity}`);
  add(spec.auth.sources, spec.auth.kind === 'none' ? 'no sign-in' : 'sign-in and roles');
  for (const item of spec.modelImplemented) add(item.sources, `implemented by Claude: ${item.how.slice(0, 80)}`);
  return map;
}

/** One account per requirement sentence, in order. */
export function accountSentences(spec: ProjectSpec): SentenceAccount[] {
  const elements = collectElements(spec);
  const ignored = new Set(spec.ignoredSentences);
  const notUnderstood = new Map<number, string[]>();
  const notImplemented = new Map<number, string[]>();
  const note = (map: Map<number, string[]>, sources: readonly number[], reason: string) => {
    for (const id of sources) map.set(id, [...(map.get(id) ?? []), reason]);
  };
  for (const item of spec.notUnderstood) note(notUnderstood, item.sources, item.reason);
  for (const item of spec.unimplemented) note(notImplemented, item.sources, item.reason);
  return spec.requirements.sentences.map((sentence) => {
    const found = elements.get(sentence.id) ?? [];
    const missed = notUnderstood.get(sentence.id) ?? [];
    const unbuilt = notImplemented.get(sentence.id) ?? [];
    const reasons = [...new Set([...missed, ...unbuilt])];
    let status: SentenceStatus;
    if (ignored.has(sentence.id)) status = 'ignored';
    else if (found.length && reasons.length) status = 'partial';
    else if (found.length) status = 'mapped';
    else if (missed.length) status = 'notUnderstood';
    else if (unbuilt.length) status = 'notImplemented';
    else if (sentence.heading) status = 'context';
    else status = 'unaccounted';
    return { id: sentence.id, text: sentence.text, status, elements: found, reasons };
  });
}

export function summarizeAccounts(accounts: readonly SentenceAccount[]): AccountingSummary {
  const summary: AccountingSummary = { sentences: accounts.length, mapped: 0, partial: 0, notImplemented: 0, notUnderstood: 0, ignored: 0, context: 0, unaccounted: 0 };
  for (const account of accounts) summary[account.status]++;
  return summary;
}

/** The sentences a user should look at: not understood, partly understood, or silently dropped. */
export function needsAttention(accounts: readonly SentenceAccount[]): SentenceAccount[] {
  return accounts.filter((a) => a.status === 'notUnderstood' || a.status === 'partial' || a.status === 'unaccounted');
}

/** Whether everything the text asks for made it into the spec (no sentence left out or unbuilt). */
export function everythingImplemented(accounts: readonly SentenceAccount[]): boolean {
  return accounts.every((a) => a.status === 'mapped' || a.status === 'context' || a.status === 'ignored');
}
