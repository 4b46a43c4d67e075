// What every rule pattern works with: the clause it reads and the draft it binds to (words are
// resolved to entities, people and fields in resolve.ts); a rule is added only when it validates,
// otherwise notUnderstood says why it could not be added (with one-click suggestions).
import { humanize, pascalCase, pluralizeName } from '../../../model/project/naming';
import { Rule as RuleSchema, type FieldType, type ProjectSpec, type Rule, type Suggestion } from '../../../model/project/projectSpec';
import { validateSpec } from '../../../model/project/specIndex';
import { addField, fieldNameOf, toSpecField, type Draft, type DraftEntity, type DraftField } from '../draft';
import type { SentenceInfo } from '../sentences';
import { namesAField } from '../fieldItem';

/** Whether a field holds a moment: a date or a date-time. */
export const isTimeField = (f: DraftField): boolean => f.type === 'date' || f.type === 'datetime';

export * from './resolve';

export interface RuleClause {
  /** The clause as written (what notUnderstood quotes). */
  text: string;
  /** Lower-case matching form. */
  plain: string;
  /** "so that …": the reason for a requirement, not one of its own. */
  purpose: boolean;
  /** A table row or annotated list item: the words of the field it is about ("finished at"). */
  subjectField?: string[];
  /** For a list item: the words naming the list's record ("Cleaning tasks: …"). */
  listSubject?: string[];
}

export interface RuleContext {
  draft: Draft;
  sentence: SentenceInfo;
  clause: RuleClause;
  /** Sign-in roles of the spec (empty without sign-in). */
  roles: string[];
  roleWords: Set<string>;
  ensureOwner: (entity: string, source: number) => boolean;
  /** The entity the surrounding text is about (its heading, the table's section, the previous subject). */
  hint?: string;
  /** The entity the section's heading names (a stronger hint than the previous sentence). */
  section?: string;
  /** The user story's narrator role ("As a property manager, I want …"), for "me"/"myself". */
  narrator?: string;
  /** Rules added and notes written for this clause; `merged`: rules it stated again (an existing rule only gained the sentence);
   *  `ranges`: bounds set on a field (counted in `rules` too, but no rule of the spec's list). */
  /** fieldScoped: the only-a-role rule was said of one value ("only managers can change the price"), and a note says the rule covers every change. */
  outcome: { rules: number; notes: number; merged?: Rule[]; ranges?: number; fieldScoped?: boolean };
}

// ------------------------------------------------------------------ adding rules and notes

function specView(draft: Draft, roles: string[], rule: Rule): ProjectSpec {
  return {
    specVersion: 1,
    name: 'draft',
    title: 'Draft',
    description: '',
    requirements: { text: '', sentences: [] },
    entities: draft.entities.map((e) => ({
      name: e.name,
      label: humanize(e.name) || e.name,
      pluralLabel: humanize(pluralizeName(e.name)) || e.name,
      fields: e.fields.map(toSpecField),
      ...(e.ownerRelation ? { ownerRelation: e.ownerRelation } : {}),
      sources: [],
    })),
    relations: draft.relations.map((r) => ({ ...r, sources: [] })),
    auth: roles.length ? { kind: 'emailPassword', roles, defaultRole: roles[0], selfSignup: true, sources: [] } : { kind: 'none', sources: [] },
    rules: [rule],
    unimplemented: [],
    notUnderstood: [],
    ignoredSentences: [],
    modelImplemented: [],
    pages: [],
    options: { tests: true, docker: true },
    warnings: [],
  };
}

/** Why this rule would not fit the spec being built (empty when it fits). */
export function ruleProblems(draft: Draft, roles: string[], rule: Rule): string[] {
  const parsed = RuleSchema.safeParse(rule);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return validateSpec(specView(draft, roles, parsed.data)).filter((p) => p.startsWith('Rule '));
}

const withoutSources = (rule: Rule) => JSON.stringify({ ...rule, sources: [] });

/** Adds the rule when it validates (the same rule again only gains the sentence); false with problems otherwise. */
export function addRule(ctx: RuleContext, rule: Rule): string[] {
  const problems = ruleProblems(ctx.draft, ctx.roles, rule);
  if (problems.length) return problems;
  const key = withoutSources(rule);
  const existing = ctx.draft.rules.find((r) => withoutSources(r) === key);
  if (existing) {
    for (const s of rule.sources) if (!existing.sources.includes(s)) existing.sources.push(s);
    // Said again from this clause: checked like a new rule (saySubjectMismatch), since the clause may be about another record.
    (ctx.outcome.merged ??= []).push(existing);
  } else ctx.draft.rules.push(rule);
  for (const s of rule.sources) ctx.draft.used.add(s);
  ctx.outcome.rules++;
  return [];
}

/** Says why the clause did not become a rule, with one-click fixes (fields first, then the rule). */
export function note(ctx: RuleContext, reason: string, suggestions: Suggestion[] = []): void {
  const text = ctx.clause.text.trim().slice(0, 2000);
  const seen = new Set<string>();
  const fixes = suggestions.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return s.kind !== 'addRule' || RuleSchema.safeParse(s.rule).success;
  });
  fixes.sort((a, b) => (a.kind === 'addRule' ? 1 : 0) - (b.kind === 'addRule' ? 1 : 0));
  const existing = ctx.draft.notUnderstood.find((n) => n.text === text && n.sources.includes(ctx.sentence.id));
  if (existing) {
    if (!existing.reason.includes(reason)) existing.reason = `${existing.reason} ${reason}`.slice(0, 500);
    for (const s of fixes) if (existing.suggestions.length < 6 && !existing.suggestions.some((x) => JSON.stringify(x) === JSON.stringify(s))) existing.suggestions.push(s);
  } else {
    ctx.draft.notUnderstood.push({ text, reason: reason.slice(0, 500), sources: [ctx.sentence.id], suggestions: fixes.slice(0, 6) });
  }
  ctx.outcome.notes++;
}

/** Adds the rule, or notes why not: a rule that validates is added; otherwise the note carries it as a suggestion. */
export function addOrNote(ctx: RuleContext, rule: Rule, label: string, fixes: Suggestion[] = []): boolean {
  const problems = addRule(ctx, rule);
  if (!problems.length) return true;
  const fieldFixes = fixes.filter((f) => f.kind !== 'addRule');
  note(ctx, `Looks like a ${kindWords(rule.kind)} rule (${label}), but it does not fit the data model yet: ${problems.map((p) => p.replace(/^Rule \w+ on \w+: /, '')).join('; ')}.`, [
    ...fieldFixes,
    ...(fieldFixes.length ? [{ kind: 'addRule' as const, rule, label }] : []),
  ]);
  return false;
}

export function kindWords(kind: Rule['kind'] | 'range'): string {
  switch (kind) {
    case 'capacity':
      return 'capacity';
    case 'unique':
      return 'uniqueness';
    case 'noOverlap':
      return 'no-overlap';
    case 'ownership':
      return 'ownership';
    case 'roleRequired':
      return 'role';
    case 'statusWorkflow':
      return 'status workflow';
    case 'dateOrder':
      return 'date order';
    case 'refuseWhen':
      return 'refusal';
    case 'range':
      return 'value range';
  }
}

/** A field to suggest (or add): name from the words, with a label. */
export function fieldSuggestion(entity: DraftEntity | undefined, ws: string[], type: FieldType): Suggestion | undefined {
  const name = fieldNameOf(ws);
  // A field whose record is not known ("persons must be at least 18 years old" with no Person) has no one-click fix.
  if (!name || !entity) return undefined;
  return { kind: 'addField', entity: entity.name, field: name, type, label: `${humanize(name)} (${type}) on ${entity.name}` };
}

/** A record type to suggest adding, unless the model has it already. */
export function recordSuggestion(draft: Pick<Draft, 'entities'>, name: string | undefined): Extract<Suggestion, { kind: 'addEntity' }> | undefined {
  if (!name || draft.entities.some((e) => e.name === name)) return undefined;
  return { kind: 'addEntity', name, label: `Add ${name} as a record type` };
}

/** Adds a field the text names (with this sentence as its source). */
export function ensureField(ctx: RuleContext, entity: DraftEntity, ws: string[], type: FieldType, extra: { required?: boolean; enumValues?: string[]; min?: number; max?: number } = {}): DraftField | undefined {
  // (A new field's name must read as a list item's would: rule spans give "number such as", "considered".)
  if (!entity.fields.some((f) => f.name === fieldNameOf(ws)) && !namesAField(ws)) return undefined;
  const field = addField(entity, { words: ws, type, ...extra }, ctx.sentence.id);
  if (field) ctx.draft.used.add(ctx.sentence.id);
  return field;
}

export function entityLabel(entity: DraftEntity): string {
  return humanize(entity.name).toLowerCase();
}

export function pascal(words: string[]): string {
  return pascalCase(words.join(' '));
}
