// What the add-rule form holds while the user picks: one draft for every rule kind, so switching
// kinds keeps what still fits, and the small choice helpers the pickers share.
import type { ConditionOp, Rule, RuleCondition } from '../../../../src/model/project/projectSpec';

export type Kind = Rule['kind'];
export type Action = 'create' | 'read' | 'update' | 'delete';
type CapacityRule = Extract<Rule, { kind: 'capacity' }>;
export type PeriodUnit = NonNullable<CapacityRule['period']>['unit'];
export type OffsetUnit = NonNullable<RuleCondition['offset']>['unit'];

export const ALL_ACTIONS: Action[] = ['create', 'read', 'update', 'delete'];
/** refuseWhen guards writes only. */
export const WRITE_ACTIONS: Action[] = ['create', 'update', 'delete'];
/** Comparisons with now that can take a margin. */
export const NOW_OPS: readonly ConditionOp[] = ['past', 'future'];

/** Everything the user has picked so far, for every kind (switching kinds keeps what still fits). */
export interface Draft {
  entity?: string;
  relation?: string;
  capacityField?: string;
  activeWhenNull?: string;
  /** capacity: the limit is read from a field of the parent, or is a fixed number. */
  limitMode: 'field' | 'fixed';
  limit: string;
  /** capacity: '' counts rows of all time, otherwise only those in the same day/week/month. */
  periodUnit: '' | PeriodUnit;
  periodField?: string;
  fields: string[];
  start?: string;
  end?: string;
  duration?: string;
  endMode: 'end' | 'duration';
  actions: Action[];
  roles: string[];
  /** roleRequired: the fields the roles alone may set or change (none: the whole record). */
  roleFields: string[];
  field?: string;
  initial?: string;
  transitions: { from: string; to: string }[];
  transitionFrom?: string;
  transitionTo?: string;
  earlier?: string;
  later?: string;
  allowEqual: boolean;
  /** refuseWhen: '' reads the row itself, otherwise the name of a belongsTo relation. */
  via: string;
  op?: ConditionOp;
  value: string;
  /** refuseWhen past/future: '' for no margin, else a whole number. */
  offsetAmount: string;
  offsetUnit?: OffsetUnit;
  offsetDirection: 'later' | 'earlier';
  message: string;
}

/** A draft with nothing picked yet (on `entity`, when given). */
export function freshDraft(entity?: string): Draft {
  return {
    entity,
    fields: [],
    endMode: 'end',
    actions: [],
    roles: [],
    roleFields: [],
    transitions: [],
    allowEqual: false,
    via: '',
    value: '',
    message: '',
    limitMode: 'field',
    limit: '',
    periodUnit: '',
    offsetAmount: '',
    offsetDirection: 'later',
  };
}

/** A whole number typed into a text box, or undefined when it is not one. */
export function wholeNumber(text: string): number | undefined {
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The current choice if it is still offered, else the first option (or undefined when there is none). */
export function pick<T extends string>(current: T | undefined, options: readonly T[]): T | undefined {
  return current !== undefined && options.includes(current) ? current : options[0];
}

/** The current choice if offered; by default the first option other than `other` (a second date field). */
export function orOther(current: string | undefined, options: readonly string[], other: string | undefined): string | undefined {
  return current !== undefined && options.includes(current) ? current : options.find((option) => option !== other);
}

export const names = (list: { name: string }[]): string[] => list.map((item) => item.name);
