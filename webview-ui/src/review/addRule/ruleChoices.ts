// What can be picked in the add-rule form, given the spec and the choices so far: a stale choice
// (a field since renamed, a relation of another entity) falls back to the first one still offered.
import type { ConditionOp, Entity, Field, ProjectSpec, Relation } from '../../../../src/model/project/projectSpec';
import { opsFor, TIME_TYPES } from '../../../../src/model/project/ruleConditions';
import { type Action, ALL_ACTIONS, type Draft, type Kind, names, NOW_OPS, type OffsetUnit, pick, WRITE_ACTIONS, wholeNumber } from './ruleDraft';

/** refuseWhen: the field the condition reads (on the row or a parent) and how it is compared. */
export interface ConditionChoices {
  /** '' reads the row itself, else a belongsTo relation still offered. */
  via: string;
  conditionFields: Field[];
  conditionField?: Field;
  ops: ConditionOp[];
  op?: ConditionOp;
  /** The values an enum or yes/no field can take; undefined for typed values. */
  valueChoices?: string[];
  valueText: string;
  takesMargin: boolean;
  offsetUnit: OffsetUnit;
  offsetAmount?: number;
}

export interface RuleChoices extends ConditionChoices {
  kind: Kind;
  draft: Draft;
  entityName?: string;
  entity?: Entity;
  fields: Field[];
  /** The entity's belongsTo relations. */
  parents: Relation[];
  timeFields: Field[];
  relation?: string;
  parentEntity?: string;
  capacityFields: Field[];
  /** A fixed limit may count over the whole table (with a period), so "no parent" is a choice then. */
  fixedLimit: boolean;
  capacityRelation?: string;
  periodField?: string;
  roles: string[];
  enumFields: Field[];
  workflowField?: Field;
  workflowValues: string[];
  actions: Action[];
}

function fieldsOf(spec: ProjectSpec, entity: string | undefined): Field[] {
  return spec.entities.find((e) => e.name === entity)?.fields ?? [];
}

function conditionChoices(spec: ProjectSpec, draft: Draft, fields: Field[], parents: Relation[]): ConditionChoices {
  const via = draft.via && parents.some((r) => r.name === draft.via) ? draft.via : '';
  const conditionFields = via ? fieldsOf(spec, parents.find((r) => r.name === via)?.to) : fields;
  const conditionField = conditionFields.find((f) => f.name === pick(draft.field, names(conditionFields)));
  const ops = conditionField ? opsFor(conditionField.type) : [];
  const op = pick(draft.op, ops);
  const valueChoices = conditionField?.type === 'enum' ? conditionField.enumValues ?? [] : conditionField?.type === 'boolean' ? ['true', 'false'] : undefined;
  const valueText = valueChoices ? pick(draft.value || undefined, valueChoices) ?? '' : draft.value;
  const takesMargin = op !== undefined && NOW_OPS.includes(op);
  const offsetUnit: OffsetUnit = draft.offsetUnit ?? (conditionField?.type === 'date' ? 'days' : 'hours');
  return { via, conditionFields, conditionField, ops, op, valueChoices, valueText, takesMargin, offsetUnit, offsetAmount: wholeNumber(draft.offsetAmount) };
}

/** Everything the pickers offer and have chosen for a rule of `kind` described by `draft`. */
export function ruleChoices(spec: ProjectSpec, kind: Kind, draft: Draft): RuleChoices {
  const entityName = pick(draft.entity, names(spec.entities));
  const entity = spec.entities.find((e) => e.name === entityName);
  const fields = entity?.fields ?? [];
  const parents = spec.relations.filter((r) => r.kind === 'belongsTo' && r.from === entityName);
  const timeFields = fields.filter((f) => TIME_TYPES.includes(f.type));
  const relation = pick(draft.relation, names(parents));
  const parentEntity = parents.find((r) => r.name === relation)?.to;
  const enumFields = fields.filter((f) => f.type === 'enum');
  const workflowField = enumFields.find((f) => f.name === pick(draft.field, names(enumFields)));
  const actionChoices = kind === 'refuseWhen' ? WRITE_ACTIONS : ALL_ACTIONS;
  const fixedLimit = draft.limitMode === 'fixed';
  return {
    kind,
    draft,
    entityName,
    entity,
    fields,
    parents,
    timeFields,
    relation,
    parentEntity,
    capacityFields: fieldsOf(spec, parentEntity).filter((f) => f.type === 'integer'),
    fixedLimit,
    capacityRelation: fixedLimit && (draft.relation === '' || !parents.length) ? undefined : relation,
    periodField: draft.periodUnit ? pick(draft.periodField, names(timeFields)) : undefined,
    roles: spec.auth.kind === 'emailPassword' ? spec.auth.roles : [],
    enumFields,
    workflowField,
    workflowValues: workflowField?.enumValues ?? [],
    actions: draft.actions.filter((a) => actionChoices.includes(a)),
    ...conditionChoices(spec, draft, fields, parents),
  };
}
