// What the user can do about a sentence that was not understood, in the review step: apply one of
// its one-click suggestions (add an entity, a field or a rule, tagged with the sentence it answers),
// add a rule of their own for it, or ignore it (it needs nothing generated). Pure: spec in, new spec
// out; a change that would leave the spec inconsistent is refused with a readable reason instead.
import { addEntity, addField, SpecEditError } from './edit';
import type { NotUnderstood, ProjectSpec, Rule, Suggestion } from './projectSpec';
import { validateSpec } from './specIndex';

const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);

/** The button text of a suggestion: "Add Vehicle as an entity", "Add field …", "Add rule: …". */
export function suggestionText(suggestion: Suggestion): string {
  switch (suggestion.kind) {
    case 'addEntity':
      return `Add ${suggestion.name} as an entity`;
    case 'addField':
      return `Add field ${suggestion.field} (${suggestion.type}) to ${suggestion.entity}`;
    case 'addRule':
      return `Add rule: ${suggestion.label.trim() || `${suggestion.rule.kind} on ${suggestion.rule.entity}`}`;
  }
}

/** Problems of `next` that `before` did not have (an edit is judged by what it breaks, not by what was already broken). */
function newProblems(before: ProjectSpec, next: ProjectSpec): string[] {
  const old = new Set(validateSpec(before));
  return validateSpec(next).filter((problem) => !old.has(problem));
}

function withoutItem(spec: ProjectSpec, index: number): ProjectSpec {
  return { ...spec, notUnderstood: spec.notUnderstood.filter((_, i) => i !== index) };
}

function sameRule(a: Rule, b: Rule): boolean {
  return JSON.stringify({ ...a, sources: [] }) === JSON.stringify({ ...b, sources: [] });
}

function addSuggested(spec: ProjectSpec, suggestion: Suggestion, sources: readonly number[]): ProjectSpec {
  switch (suggestion.kind) {
    case 'addEntity': {
      const next = addEntity(spec, suggestion.name);
      const tag = <T extends { sources: number[] }>(element: T): T => ({ ...element, sources: union(element.sources, sources) });
      return {
        ...next,
        entities: next.entities.map((e) => (e.name === suggestion.name ? tag(e) : e)),
        pages: next.pages.map((page) => (page.entity === suggestion.name ? tag(page) : page)),
      };
    }
    case 'addField': {
      const next = addField(spec, suggestion.entity, suggestion.field, suggestion.type);
      return {
        ...next,
        entities: next.entities.map((e) =>
          e.name === suggestion.entity
            ? { ...e, fields: e.fields.map((f) => (f.name === suggestion.field ? { ...f, sources: union(f.sources, sources) } : f)) }
            : e,
        ),
      };
    }
    case 'addRule':
      return addRuleTo(spec, suggestion.rule, sources);
  }
}

function addRuleTo(spec: ProjectSpec, rule: Rule, sources: readonly number[]): ProjectSpec {
  if (spec.rules.some((existing) => sameRule(existing, rule))) throw new SpecEditError('The spec already has this rule');
  return { ...spec, rules: [...spec.rules, { ...rule, sources: union(rule.sources, sources) } as Rule] };
}

/** Runs an edit; a refused or inconsistent result becomes the reason, as text. */
function attempt(spec: ProjectSpec, change: () => ProjectSpec): ProjectSpec | string {
  let next: ProjectSpec;
  try {
    next = change();
  } catch (error) {
    if (error instanceof SpecEditError) return error.message;
    throw error;
  }
  const problems = newProblems(spec, next);
  return problems.length ? `This would leave the data model inconsistent: ${problems.join('; ')}` : next;
}

function itemAt(spec: ProjectSpec, index: number): NotUnderstood | string {
  return spec.notUnderstood[index] ?? `There is no not-understood item ${index + 1}`;
}

/**
 * Applies suggestion `suggestionIndex` of not-understood item `notUnderstoodIndex`: adds the entity
 * (with a `name` field), the field or the rule, cites the item's sentences on it, and removes the
 * item. Returns the new spec, or why it cannot be applied (the spec must stay consistent).
 */
export function applySuggestion(spec: ProjectSpec, notUnderstoodIndex: number, suggestionIndex: number): ProjectSpec | string {
  const item = itemAt(spec, notUnderstoodIndex);
  if (typeof item === 'string') return item;
  const suggestion = item.suggestions[suggestionIndex];
  if (!suggestion) return `“${item.text}” has no suggestion ${suggestionIndex + 1}`;
  return attempt(spec, () => withoutItem(addSuggested(spec, suggestion, item.sources), notUnderstoodIndex));
}

/**
 * The user wrote a rule for a not-understood item (Add a rule…): the rule cites the item's
 * sentences and the item is resolved. Returns the new spec or why the rule does not fit.
 */
export function resolveWithRule(spec: ProjectSpec, notUnderstoodIndex: number, rule: Rule): ProjectSpec | string {
  const item = itemAt(spec, notUnderstoodIndex);
  if (typeof item === 'string') return item;
  return attempt(spec, () => withoutItem(addRuleTo(spec, rule, item.sources), notUnderstoodIndex));
}

/** A rule the user wrote for a sentence nothing was made of (no item to resolve), citing it. */
export function addRuleForSentences(spec: ProjectSpec, sentenceIds: readonly number[], rule: Rule): ProjectSpec | string {
  return attempt(spec, () => addRuleTo(spec, rule, sentenceIds));
}

/** The user says the sentence needs nothing generated. Unknown ids and repeats change nothing. */
export function ignoreSentence(spec: ProjectSpec, sentenceId: number): ProjectSpec {
  if (spec.ignoredSentences.includes(sentenceId) || !spec.requirements.sentences.some((s) => s.id === sentenceId)) return spec;
  return { ...spec, ignoredSentences: union(spec.ignoredSentences, [sentenceId]) };
}

export function unignoreSentence(spec: ProjectSpec, sentenceId: number): ProjectSpec {
  if (!spec.ignoredSentences.includes(sentenceId)) return spec;
  return { ...spec, ignoredSentences: spec.ignoredSentences.filter((id) => id !== sentenceId) };
}

/**
 * Dismissing a not-understood item ignores its sentences. The item stays in the spec (hidden while
 * its sentences are ignored), so un-ignoring brings it back with its reason and suggestions; an
 * item citing no sentence has nothing to ignore and is removed.
 */
export function dismissNotUnderstood(spec: ProjectSpec, notUnderstoodIndex: number): ProjectSpec | string {
  const item = itemAt(spec, notUnderstoodIndex);
  if (typeof item === 'string') return item;
  if (!item.sources.length) return withoutItem(spec, notUnderstoodIndex);
  return item.sources.reduce(ignoreSentence, spec);
}

/** Whether the user has ignored every sentence the item cites (then it needs no attention). */
export function isDismissed(spec: ProjectSpec, item: { sources: readonly number[] }): boolean {
  return item.sources.length > 0 && item.sources.every((id) => spec.ignoredSentences.includes(id));
}
