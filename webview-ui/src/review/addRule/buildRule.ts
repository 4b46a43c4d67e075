// The rule the add-rule form describes, built from its choices as the spec's rule input (the
// spec's own checks, ruleProblems, validate it before it is added), and what is still missing
// in the form's own words.
import { describeRule } from '../../../../src/model/project/edit';
import type { Field, Rule, RuleCondition } from '../../../../src/model/project/projectSpec';
import { NUMERIC_TYPES, VALUE_OPS } from '../../../../src/model/project/ruleConditions';
import { type Kind, names, orOther, pick, wholeNumber } from './ruleDraft';
import type { RuleChoices } from './ruleChoices';

/** A rule as the spec takes it in, before validation. */
export type RuleInput = Record<string, unknown>;

/** A condition value as the spec wants it: a number for number fields, true/false for yes/no, else text. */
export function conditionValue(field: Field | undefined, text: string): RuleCondition['value'] {
  if (!field || text.trim() === '') return undefined;
  if (NUMERIC_TYPES.includes(field.type)) return Number.isFinite(Number(text)) ? Number(text) : text;
  if (field.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text.trim();
}

function capacity(c: RuleChoices): RuleInput {
  const { draft } = c;
  return {
    ...(c.fixedLimit
      ? { ...(c.capacityRelation ? { relation: c.capacityRelation } : {}), limit: wholeNumber(draft.limit) ?? draft.limit }
      : { relation: c.relation ?? '', capacityField: pick(draft.capacityField, names(c.capacityFields)) ?? '' }),
    ...(draft.periodUnit && c.periodField ? { period: { field: c.periodField, unit: draft.periodUnit } } : {}),
    activeWhenNull: draft.activeWhenNull || undefined,
  };
}

function noOverlap(c: RuleChoices): RuleInput {
  const start = pick(c.draft.start, names(c.timeFields));
  const end = orOther(c.draft.end, names(c.timeFields), start);
  const duration = pick(c.draft.duration, names(c.fields.filter((f) => f.type === 'integer')));
  return { scope: c.relation ?? '', start: start ?? '', ...(c.draft.endMode === 'end' ? { end } : { durationMinutesField: duration }) };
}

function dateOrder(c: RuleChoices): RuleInput {
  const earlier = pick(c.draft.earlier, names(c.timeFields));
  const later = orOther(c.draft.later, names(c.timeFields), earlier);
  return { earlier: earlier ?? '', later: later ?? '', allowEqual: c.draft.allowEqual };
}

function refuseWhen(c: RuleChoices): RuleInput {
  const { draft, op, offsetAmount } = c;
  const value = op && VALUE_OPS.includes(op) ? conditionValue(c.conditionField, c.valueText) : undefined;
  // No margin (empty or 0) leaves the plain comparison with now.
  const offset =
    c.takesMargin && offsetAmount ? { amount: draft.offsetDirection === 'earlier' ? -Math.abs(offsetAmount) : Math.abs(offsetAmount), unit: c.offsetUnit } : undefined;
  // Roles the refusal does not hold for (none chosen: it holds for everyone).
  const excepted = draft.roles.filter((r) => c.roles.includes(r));
  return {
    actions: c.actions,
    condition: { ...(c.via ? { relation: c.via } : {}), field: c.conditionField?.name ?? '', op: op ?? 'eq', ...(value !== undefined ? { value } : {}), ...(offset ? { offset } : {}) },
    message: draft.message.trim(),
    ...(excepted.length ? { exceptRoles: excepted } : {}),
  };
}

/** Each kind's own part of the rule (after kind, entity and sources). */
const PARTS: Record<Kind, (c: RuleChoices) => RuleInput> = {
  capacity,
  unique: (c) => ({ fields: c.draft.fields.filter((f) => c.fields.some((x) => x.name === f) || c.parents.some((r) => r.name === f)) }),
  noOverlap,
  ownership: (c) => ({ actions: c.actions }),
  roleRequired: (c) => {
    const fields = c.draft.roleFields.filter((f) => c.fields.some((x) => x.name === f));
    return { actions: c.actions, roles: c.draft.roles.filter((r) => c.roles.includes(r)), ...(fields.length ? { fields } : {}) };
  },
  statusWorkflow: (c) => ({
    field: c.workflowField?.name ?? '',
    initial: pick(c.draft.initial, c.workflowValues) ?? '',
    transitions: c.draft.transitions.filter((t) => c.workflowValues.includes(t.from) && c.workflowValues.includes(t.to)),
  }),
  dateOrder,
  refuseWhen,
};

/** The rule the pickers describe, as the spec input (validated before it is added). */
export function buildRule(c: RuleChoices, sources: number[]): RuleInput {
  return { kind: c.kind, entity: c.entityName ?? '', sources, ...PARTS[c.kind](c) };
}

/** The rule in words for the preview line, or '' while it is too incomplete to describe. */
export function describeCandidate(candidate: RuleInput): string {
  try {
    return describeRule(candidate as Rule);
  } catch {
    return '';
  }
}

function capacityMissing(c: RuleChoices, candidate: RuleInput, entity: string): string[] {
  const out: string[] = [];
  if (!c.fixedLimit && !c.relation) out.push(`${entity} belongs to nothing: add a relation to the parent that holds the limit`);
  if (c.fixedLimit) {
    const limit = wholeNumber(c.draft.limit);
    if (limit === undefined || limit < 1 || limit > 1_000_000) out.push('Give the limit as a whole number from 1 to 1000000');
  }
  if (c.draft.periodUnit && !c.periodField) out.push(`${entity} has no date or date-time field to count the period on`);
  if (!c.fixedLimit && c.relation && !candidate.capacityField) out.push(`${c.parentEntity} has no whole-number field to hold the limit`);
  return out;
}

function noOverlapMissing(c: RuleChoices, candidate: RuleInput, entity: string): string[] {
  const out: string[] = [];
  if (!c.relation) out.push(`${entity} belongs to nothing: add a relation to the thing whose times may not overlap`);
  if (!candidate.start) out.push(`${entity} has no date or date-time field for the start`);
  if (candidate.start && !candidate.end && !candidate.durationMinutesField)
    out.push(c.draft.endMode === 'end' ? `${entity} has no second date or date-time field for the end` : `${entity} has no whole-number field for the duration`);
  return out;
}

const needsAction = (c: RuleChoices): string[] => (c.actions.length ? [] : ['Choose at least one action']);

function refuseWhenMissing(c: RuleChoices): string[] {
  const out = needsAction(c);
  if (!c.conditionField) out.push('There is no field to test');
  if (c.op && VALUE_OPS.includes(c.op) && c.valueText.trim() === '') out.push(`Give the value to compare ${c.conditionField?.name ?? 'the field'} with`);
  if (c.takesMargin && c.draft.offsetAmount.trim() !== '' && c.offsetAmount === undefined) out.push('Give the margin as a whole number (or leave it empty for none)');
  if (!c.draft.message.trim()) out.push('Write the message people see when the action is refused');
  return out;
}

/** Each kind's missing inputs, in the order the form shows them. */
const MISSING: Record<Kind, (c: RuleChoices, candidate: RuleInput, entity: string) => string[]> = {
  capacity: capacityMissing,
  unique: (_c, candidate) => ((candidate.fields as string[]).length ? [] : ['Choose at least one field']),
  noOverlap: noOverlapMissing,
  ownership: needsAction,
  roleRequired: (c, candidate) => [
    ...needsAction(c),
    ...((candidate.roles as string[]).length ? [] : [c.roles.length ? 'Choose at least one role' : 'There is no sign-in, so there are no roles']),
    ...(candidate.fields && c.actions.some((a) => a !== 'create' && a !== 'update') ? ['Only create and update can be limited to some fields'] : []),
  ],
  statusWorkflow: (c, _candidate, entity) => (c.workflowField ? [] : [`${entity} has no field with a fixed list of values (enum) to be a status`]),
  dateOrder: (c, _candidate, entity) => (c.timeFields.length < 2 ? [`${entity} needs two date or date-time fields`] : []),
  refuseWhen: refuseWhenMissing,
};

/** What is still missing, said in the form's words (before the spec's own checks). */
export function missingInputs(c: RuleChoices, candidate: RuleInput): string[] {
  if (!c.entity) return ['Add an entity first'];
  return MISSING[c.kind](c, candidate, c.entity.name);
}
