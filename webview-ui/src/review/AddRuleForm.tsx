import { VscodeButton, VscodeCheckbox, VscodeOption, VscodeSingleSelect, VscodeTextfield } from '@vscode-elements/react-elements';
import { type CSSProperties, type ReactNode, useId, useState } from 'react';
import { describeRule, ruleProblems } from '../../../src/model/project/edit';
import { humanize } from '../../../src/model/project/naming';
import type { ConditionOp, Field, ProjectSpec, Relation, Rule, RuleCondition } from '../../../src/model/project/projectSpec';
import { NUMERIC_TYPES, OP_WORDS, opsFor, TIME_TYPES, VALUE_OPS } from '../../../src/model/project/ruleConditions';

type Kind = Rule['kind'];
type Action = 'create' | 'read' | 'update' | 'delete';
type CapacityRule = Extract<Rule, { kind: 'capacity' }>;
type PeriodUnit = NonNullable<CapacityRule['period']>['unit'];
type OffsetUnit = NonNullable<RuleCondition['offset']>['unit'];

const PERIOD_UNITS: { value: PeriodUnit; label: string }[] = [
  { value: 'day', label: 'per day' },
  { value: 'week', label: 'per week (ISO, Monday to Sunday)' },
  { value: 'month', label: 'per month' },
];
const OFFSET_UNITS: OffsetUnit[] = ['minutes', 'hours', 'days'];
/** Comparisons with now that can take a margin. */
const NOW_OPS: readonly ConditionOp[] = ['past', 'future'];

/** A whole number typed into a text box, or undefined when it is not one. */
function wholeNumber(text: string): number | undefined {
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** Every rule kind, in the order the picker lists them, with what it means in words. */
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'capacity', label: 'Capacity: at most N per parent' },
  { kind: 'unique', label: 'Unique: no two with the same values' },
  { kind: 'noOverlap', label: 'No overlap: times may not overlap' },
  { kind: 'ownership', label: 'Ownership: only the owner may…' },
  { kind: 'roleRequired', label: 'Roles: only these roles may…' },
  { kind: 'statusWorkflow', label: 'Workflow: allowed status changes' },
  { kind: 'dateOrder', label: 'Date order: one date after another' },
  { kind: 'refuseWhen', label: 'Refuse when: refuse an action if…' },
];

const ALL_ACTIONS: Action[] = ['create', 'read', 'update', 'delete'];
const WRITE_ACTIONS: Action[] = ['create', 'update', 'delete'];

const OP_LABELS: Record<ConditionOp, string> = { ...OP_WORDS, eq: 'is (equals)', ne: 'is not', isEmpty: 'is empty', notEmpty: 'is filled in' };

/** Everything the user has picked so far, for every kind (switching kinds keeps what still fits). */
interface Draft {
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

const valueOf = (event: { currentTarget: unknown }) => (event.currentTarget as { value: string }).value;
const checkedOf = (event: { currentTarget: unknown }) => (event.currentTarget as { checked: boolean }).checked;

/** The current choice if it is still offered, else the first option (or undefined when there is none). */
function pick<T extends string>(current: T | undefined, options: readonly T[]): T | undefined {
  return current !== undefined && options.includes(current) ? current : options[0];
}

/** The current choice if offered; by default the first option other than `other` (a second date field). */
function orOther(current: string | undefined, options: readonly string[], other: string | undefined): string | undefined {
  return current !== undefined && options.includes(current) ? current : options.find((option) => option !== other);
}

const styles: Record<string, CSSProperties> = {
  form: {
    border: '1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent))',
    background: 'var(--vscode-editorWidget-background, transparent)',
    padding: '8px 12px',
    margin: '8px 0',
    display: 'grid',
    gap: '6px',
  },
  row: { display: 'grid', gridTemplateColumns: 'minmax(110px, max-content) 1fr', alignItems: 'center', gap: '8px' },
  choices: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'center' },
  problems: { color: 'var(--vscode-errorForeground)', margin: 0, paddingLeft: '18px' },
  preview: { color: 'var(--vscode-descriptionForeground)', margin: 0 },
};

function Row({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div style={styles.row}>
      {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
      <div style={styles.choices}>{children}</div>
    </div>
  );
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
}) {
  if (!options.length) return <span className="muted" data-testid={testId}>none available</span>;
  return (
    <VscodeSingleSelect id={id} value={value ?? ''} aria-label={label} data-testid={testId} onChange={(event) => onChange(valueOf(event))}>
      {options.map((option) => (
        <VscodeOption key={option.value} value={option.value} selected={option.value === value}>
          {option.label}
        </VscodeOption>
      ))}
    </VscodeSingleSelect>
  );
}

function Checks<T extends string>({ options, chosen, onChange, testId, label }: { options: { value: T; label: string }[]; chosen: T[]; onChange: (next: T[]) => void; testId: string; label: string }) {
  if (!options.length) return <span className="muted">none available</span>;
  return (
    <>
      {options.map((option) => (
        <VscodeCheckbox
          key={option.value}
          checked={chosen.includes(option.value)}
          aria-label={`${label}: ${option.label}`}
          data-testid={`${testId}-${option.value}`}
          onChange={(event) => {
            const on = checkedOf(event);
            onChange(on ? [...new Set([...chosen, option.value])] : chosen.filter((value) => value !== option.value));
          }}
        >
          {option.label}
        </VscodeCheckbox>
      ))}
    </>
  );
}

/** A condition value as the spec wants it: a number for number fields, true/false for yes/no, else text. */
function conditionValue(field: Field | undefined, text: string): RuleCondition['value'] {
  if (!field || text.trim() === '') return undefined;
  if (NUMERIC_TYPES.includes(field.type)) return Number.isFinite(Number(text)) ? Number(text) : text;
  if (field.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text.trim();
}

/**
 * Builds a business rule of any kind from pickers over the spec's entities, fields, relations and
 * roles, checks it with validateSpec (through ruleProblems: only what the new rule would break),
 * shows the problems inline, and hands a valid rule, tagged with `sources`, to `onAdd`.
 */
export function AddRuleForm(props: { spec: ProjectSpec; onAdd: (rule: Rule) => void; onCancel?: () => void; sources?: number[]; initialKind?: Rule['kind'] }) {
  const { spec, onAdd, onCancel, sources = [] } = props;
  const id = useId();
  const [kind, setKind] = useState<Kind>(props.initialKind ?? 'capacity');
  const fresh = (entity?: string): Draft => ({ entity, fields: [], endMode: 'end', actions: [], roles: [], transitions: [], allowEqual: false, via: '', value: '', message: '', limitMode: 'field', limit: '', periodUnit: '', offsetAmount: '', offsetDirection: 'later' });
  const [draft, setDraft] = useState<Draft>(fresh());
  const [problems, setProblems] = useState<string[]>([]);
  const set = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setProblems([]);
  };

  // ---- what can be picked, given the choices so far ----
  const entityName = pick(draft.entity, spec.entities.map((e) => e.name));
  const entity = spec.entities.find((e) => e.name === entityName);
  const fields = entity?.fields ?? [];
  const fieldsOf = (name: string | undefined) => spec.entities.find((e) => e.name === name)?.fields ?? [];
  const parents: Relation[] = spec.relations.filter((r) => r.kind === 'belongsTo' && r.from === entityName);
  const names = (list: { name: string }[]) => list.map((f) => f.name);
  const timeFields = fields.filter((f) => TIME_TYPES.includes(f.type));
  const relation = pick(draft.relation, names(parents));
  const parentEntity = parents.find((r) => r.name === relation)?.to;
  const capacityFields = fieldsOf(parentEntity).filter((f) => f.type === 'integer');
  const roles = spec.auth.kind === 'emailPassword' ? spec.auth.roles : [];
  const enumFields = fields.filter((f) => f.type === 'enum');
  const workflowField = enumFields.find((f) => f.name === pick(draft.field, names(enumFields)));
  const workflowValues = workflowField?.enumValues ?? [];
  const via = draft.via && parents.some((r) => r.name === draft.via) ? draft.via : '';
  const conditionFields = via ? fieldsOf(parents.find((r) => r.name === via)?.to) : fields;
  const conditionField = conditionFields.find((f) => f.name === pick(draft.field, names(conditionFields)));
  const ops = conditionField ? opsFor(conditionField.type) : [];
  const op = pick(draft.op, ops);
  const valueChoices = conditionField?.type === 'enum' ? conditionField.enumValues ?? [] : conditionField?.type === 'boolean' ? ['true', 'false'] : undefined;
  const valueText = valueChoices ? pick(draft.value || undefined, valueChoices) ?? '' : draft.value;
  const actionChoices = kind === 'refuseWhen' ? WRITE_ACTIONS : ALL_ACTIONS;
  const actions = draft.actions.filter((a) => actionChoices.includes(a));
  // A fixed limit may count over the whole table (with a period), so "no parent" is a choice then.
  const fixedLimit = draft.limitMode === 'fixed';
  const capacityRelation = fixedLimit && (draft.relation === '' || !parents.length) ? undefined : relation;
  const periodField = draft.periodUnit ? pick(draft.periodField, names(timeFields)) : undefined;
  const takesMargin = op !== undefined && NOW_OPS.includes(op);
  const offsetUnit: OffsetUnit = draft.offsetUnit ?? (conditionField?.type === 'date' ? 'days' : 'hours');
  const offsetAmount = wholeNumber(draft.offsetAmount);

  /** The rule the pickers describe, as the spec input (validated before it is added). */
  function build(): Record<string, unknown> {
    const base = { kind, entity: entityName ?? '', sources };
    switch (kind) {
      case 'capacity':
        return {
          ...base,
          ...(fixedLimit
            ? { ...(capacityRelation ? { relation: capacityRelation } : {}), limit: wholeNumber(draft.limit) ?? draft.limit }
            : { relation: relation ?? '', capacityField: pick(draft.capacityField, names(capacityFields)) ?? '' }),
          ...(draft.periodUnit && periodField ? { period: { field: periodField, unit: draft.periodUnit } } : {}),
          activeWhenNull: draft.activeWhenNull || undefined,
        };
      case 'unique':
        return { ...base, fields: draft.fields.filter((f) => fields.some((x) => x.name === f) || parents.some((r) => r.name === f)) };
      case 'noOverlap': {
        const start = pick(draft.start, names(timeFields));
        const end = orOther(draft.end, names(timeFields), start);
        const duration = pick(draft.duration, names(fields.filter((f) => f.type === 'integer')));
        return { ...base, scope: relation ?? '', start: start ?? '', ...(draft.endMode === 'end' ? { end } : { durationMinutesField: duration }) };
      }
      case 'ownership':
        return { ...base, actions };
      case 'roleRequired':
        return { ...base, actions, roles: draft.roles.filter((r) => roles.includes(r)) };
      case 'statusWorkflow':
        return { ...base, field: workflowField?.name ?? '', initial: pick(draft.initial, workflowValues) ?? '', transitions: draft.transitions.filter((t) => workflowValues.includes(t.from) && workflowValues.includes(t.to)) };
      case 'dateOrder': {
        const earlier = pick(draft.earlier, names(timeFields));
        const later = orOther(draft.later, names(timeFields), earlier);
        return { ...base, earlier: earlier ?? '', later: later ?? '', allowEqual: draft.allowEqual };
      }
      case 'refuseWhen': {
        const value = op && VALUE_OPS.includes(op) ? conditionValue(conditionField, valueText) : undefined;
        // No margin (empty or 0) leaves the plain comparison with now.
        const offset = takesMargin && offsetAmount ? { amount: draft.offsetDirection === 'earlier' ? -Math.abs(offsetAmount) : Math.abs(offsetAmount), unit: offsetUnit } : undefined;
        return {
          ...base,
          actions,
          condition: { ...(via ? { relation: via } : {}), field: conditionField?.name ?? '', op: op ?? 'eq', ...(value !== undefined ? { value } : {}), ...(offset ? { offset } : {}) },
          message: draft.message.trim(),
        };
      }
    }
  }

  const candidate = build();
  const preview = (() => {
    try {
      return describeRule(candidate as Rule);
    } catch {
      return '';
    }
  })();

  /** What is still missing, said in the form's words (before the spec's own checks). */
  function missing(): string[] {
    const out: string[] = [];
    if (!entity) return ['Add an entity first'];
    const needsParent = (kind === 'capacity' && !fixedLimit) || kind === 'noOverlap';
    if (needsParent && !relation) out.push(`${entity.name} belongs to nothing: add a relation to the ${kind === 'capacity' ? 'parent that holds the limit' : 'thing whose times may not overlap'}`);
    if (kind === 'capacity' && fixedLimit) {
      const limit = wholeNumber(draft.limit);
      if (limit === undefined || limit < 1 || limit > 1_000_000) out.push('Give the limit as a whole number from 1 to 1000000');
    }
    if (kind === 'capacity' && draft.periodUnit && !periodField) out.push(`${entity.name} has no date or date-time field to count the period on`);
    if (kind === 'capacity' && !fixedLimit && relation && !candidate.capacityField) out.push(`${parentEntity} has no whole-number field to hold the limit`);
    if (kind === 'unique' && !(candidate.fields as string[]).length) out.push('Choose at least one field');
    if (kind === 'noOverlap' && !candidate.start) out.push(`${entity.name} has no date or date-time field for the start`);
    if (kind === 'noOverlap' && candidate.start && !candidate.end && !candidate.durationMinutesField) out.push(draft.endMode === 'end' ? `${entity.name} has no second date or date-time field for the end` : `${entity.name} has no whole-number field for the duration`);
    if ((kind === 'ownership' || kind === 'roleRequired' || kind === 'refuseWhen') && !actions.length) out.push('Choose at least one action');
    if (kind === 'roleRequired' && !(candidate.roles as string[]).length) out.push(roles.length ? 'Choose at least one role' : 'There is no sign-in, so there are no roles');
    if (kind === 'statusWorkflow' && !workflowField) out.push(`${entity.name} has no field with a fixed list of values (enum) to be a status`);
    if (kind === 'dateOrder' && timeFields.length < 2) out.push(`${entity.name} needs two date or date-time fields`);
    if (kind === 'refuseWhen') {
      if (!conditionField) out.push('There is no field to test');
      if (op && VALUE_OPS.includes(op) && valueText.trim() === '') out.push(`Give the value to compare ${conditionField?.name ?? 'the field'} with`);
      if (takesMargin && draft.offsetAmount.trim() !== '' && offsetAmount === undefined) out.push('Give the margin as a whole number (or leave it empty for none)');
      if (!draft.message.trim()) out.push('Write the message people see when the action is refused');
    }
    return out;
  }

  function submit() {
    const incomplete = missing();
    const found = incomplete.length ? incomplete : ruleProblems(spec, candidate);
    setProblems(found);
    if (found.length) return;
    onAdd({ ...(candidate as Rule), sources: [...sources] } as Rule);
    // Ready for the next rule of the same kind on the same entity (when the form stays open).
    setDraft(fresh(entityName));
  }

  const field = (suffix: string) => `${id}-${suffix}`;
  const options = (list: Field[]) => list.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }));
  const relationOptions = parents.map((r) => ({ value: r.name, label: `${r.name} → ${r.to}` }));

  let body: ReactNode = null;
  switch (kind) {
    case 'capacity':
      body = (
        <>
          <Row label="Limit" htmlFor={field('limit-mode')}>
            <Select
              id={field('limit-mode')}
              label="Where the limit comes from"
              value={draft.limitMode}
              options={[
                { value: 'field', label: 'from a field of the parent' },
                { value: 'fixed', label: 'a fixed number' },
              ]}
              onChange={(v) => set({ limitMode: v as Draft['limitMode'] })}
              testId="add-rule-limit-mode"
            />
            {fixedLimit ? (
              <VscodeTextfield
                id={field('limit')}
                type="number"
                min={1}
                max={1_000_000}
                value={draft.limit}
                aria-label="Fixed limit (a whole number)"
                placeholder="e.g. 15"
                data-testid="add-rule-limit"
                onInput={(event) => set({ limit: valueOf(event) })}
              />
            ) : (
              <Select
                id={field('capacity')}
                label={`Whole-number field of ${parentEntity ?? 'the parent'} holding the limit`}
                value={pick(draft.capacityField, names(capacityFields))}
                options={options(capacityFields)}
                onChange={(v) => set({ capacityField: v })}
                testId="add-rule-capacity-field"
              />
            )}
          </Row>
          <Row label="Per" htmlFor={field('relation')}>
            <Select
              id={field('relation')}
              label="Parent relation"
              value={fixedLimit ? capacityRelation ?? '' : relation}
              options={fixedLimit ? [{ value: '', label: `(no parent: all ${entityName ?? 'rows'} together)` }, ...relationOptions] : relationOptions}
              onChange={(v) => set({ relation: v })}
              testId="add-rule-relation"
            />
          </Row>
          <Row label="Counted" htmlFor={field('period-unit')}>
            <Select
              id={field('period-unit')}
              label="Period the limit applies to"
              value={draft.periodUnit}
              options={[{ value: '', label: 'over all time' }, ...PERIOD_UNITS]}
              onChange={(v) => set({ periodUnit: v as Draft['periodUnit'] })}
              testId="add-rule-period-unit"
            />
            {draft.periodUnit && (
              <>
                <label htmlFor={field('period-field')}>by</label>
                <Select
                  id={field('period-field')}
                  label={`Date or date-time field of ${entityName ?? 'the row'} that places it in a period`}
                  value={periodField}
                  options={options(timeFields)}
                  onChange={(v) => set({ periodField: v })}
                  testId="add-rule-period-field"
                />
              </>
            )}
          </Row>
          <Row label="Count only rows without" htmlFor={field('active')}>
            <Select
              id={field('active')}
              label="Count only rows where this field is empty"
              value={draft.activeWhenNull ?? ''}
              options={[{ value: '', label: '(count every row)' }, ...options(fields.filter((f) => !f.required))]}
              onChange={(v) => set({ activeWhenNull: v || undefined })}
              testId="add-rule-active-when-null"
            />
          </Row>
        </>
      );
      break;
    case 'unique':
      body = (
        <Row label="Unique together">
          <Checks
            label="Unique field"
            testId="add-rule-unique"
            options={[...fields.map((f) => ({ value: f.name, label: f.label })), ...parents.map((r) => ({ value: r.name, label: `${r.name} (${r.to})` }))]}
            chosen={draft.fields}
            onChange={(next) => set({ fields: next })}
          />
        </Row>
      );
      break;
    case 'noOverlap':
      body = (
        <>
          <Row label="For the same" htmlFor={field('scope')}>
            <Select id={field('scope')} label="Scope relation" value={relation} options={relationOptions} onChange={(v) => set({ relation: v })} testId="add-rule-scope" />
          </Row>
          <Row label="Starts at" htmlFor={field('start')}>
            <Select id={field('start')} label="Start field" value={pick(draft.start, names(timeFields))} options={options(timeFields)} onChange={(v) => set({ start: v })} testId="add-rule-start" />
          </Row>
          <Row label="Ends" htmlFor={field('end-mode')}>
            <Select
              id={field('end-mode')}
              label="How the end is known"
              value={draft.endMode}
              options={[
                { value: 'end', label: 'at an end field' },
                { value: 'duration', label: 'after a duration in minutes' },
              ]}
              onChange={(v) => set({ endMode: v as Draft['endMode'] })}
              testId="add-rule-end-mode"
            />
            {draft.endMode === 'end' ? (
              <Select id={field('end')} label="End field" value={String(candidate.end ?? '')} options={options(timeFields)} onChange={(v) => set({ end: v })} testId="add-rule-end" />
            ) : (
              <Select
                id={field('duration')}
                label="Duration field (minutes)"
                value={String(candidate.durationMinutesField ?? '')}
                options={options(fields.filter((f) => f.type === 'integer'))}
                onChange={(v) => set({ duration: v })}
                testId="add-rule-duration"
              />
            )}
          </Row>
        </>
      );
      break;
    case 'ownership':
    case 'roleRequired':
      body = (
        <>
          {kind === 'roleRequired' && (
            <Row label="Only">
              {roles.length ? (
                <Checks label="Role" testId="add-rule-role" options={roles.map((r) => ({ value: r, label: r }))} chosen={draft.roles} onChange={(next) => set({ roles: next })} />
              ) : (
                <span className="muted">There is no sign-in: turn it on to use roles.</span>
              )}
            </Row>
          )}
          {kind === 'ownership' && !entity?.ownerRelation && <p className="muted">{entityName} rows have no owner yet (no relation to the user who creates them).</p>}
          <Row label="May">
            <Checks label="Action" testId="add-rule-action" options={ALL_ACTIONS.map((a) => ({ value: a, label: a }))} chosen={actions} onChange={(next) => set({ actions: next })} />
          </Row>
        </>
      );
      break;
    case 'statusWorkflow': {
      const from = pick(draft.transitionFrom, workflowValues);
      const to = pick(draft.transitionTo, workflowValues.filter((v) => v !== from));
      const transitions = candidate.transitions as { from: string; to: string }[];
      body = (
        <>
          <Row label="Status field" htmlFor={field('status')}>
            <Select id={field('status')} label="Status field" value={workflowField?.name} options={options(enumFields)} onChange={(v) => set({ field: v })} testId="add-rule-status-field" />
          </Row>
          <Row label="Starts as" htmlFor={field('initial')}>
            <Select id={field('initial')} label="Initial status" value={String(candidate.initial ?? '')} options={workflowValues.map((v) => ({ value: v, label: humanize(v) }))} onChange={(v) => set({ initial: v })} testId="add-rule-initial" />
          </Row>
          <Row label="May change">
            <Select id={field('from')} label="From status" value={from} options={workflowValues.map((v) => ({ value: v, label: humanize(v) }))} onChange={(v) => set({ transitionFrom: v })} testId="add-rule-transition-from" />
            <span aria-hidden="true">→</span>
            <Select id={field('to')} label="To status" value={to} options={workflowValues.filter((v) => v !== from).map((v) => ({ value: v, label: humanize(v) }))} onChange={(v) => set({ transitionTo: v })} testId="add-rule-transition-to" />
            <VscodeButton
              secondary
              data-testid="add-rule-add-transition"
              onClick={() => from && to && !transitions.some((t) => t.from === from && t.to === to) && set({ transitions: [...transitions, { from, to }] })}
            >
              Add change
            </VscodeButton>
          </Row>
          {transitions.length > 0 && (
            <ul className="plain-list" data-testid="add-rule-transitions">
              {transitions.map((t) => (
                <li key={`${t.from}-${t.to}`}>
                  <span>
                    {t.from} → {t.to}
                  </span>
                  <button type="button" className="icon-button" aria-label={`Remove ${t.from} → ${t.to}`} onClick={() => set({ transitions: transitions.filter((x) => x !== t) })}>
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      );
      break;
    }
    case 'dateOrder':
      body = (
        <>
          <Row label="Earlier" htmlFor={field('earlier')}>
            <Select id={field('earlier')} label="Earlier date field" value={String(candidate.earlier ?? '')} options={options(timeFields)} onChange={(v) => set({ earlier: v })} testId="add-rule-earlier" />
          </Row>
          <Row label="Must come before" htmlFor={field('later')}>
            <Select id={field('later')} label="Later date field" value={String(candidate.later ?? '')} options={options(timeFields)} onChange={(v) => set({ later: v })} testId="add-rule-later" />
            <VscodeCheckbox checked={draft.allowEqual} data-testid="add-rule-allow-equal" aria-label="The two may be equal" onChange={(event) => set({ allowEqual: checkedOf(event) })}>
              or be equal to it
            </VscodeCheckbox>
          </Row>
        </>
      );
      break;
    case 'refuseWhen': {
      const needsValue = op !== undefined && VALUE_OPS.includes(op);
      const valueInput = valueChoices ? (
          <Select
            id={field('value')}
            label="Value"
            value={valueText}
            options={valueChoices.map((v) => ({ value: v, label: conditionField?.type === 'enum' ? humanize(v) : v === 'true' ? 'yes' : 'no' }))}
            onChange={(v) => set({ value: v })}
            testId="add-rule-value"
          />
        ) : (
          <VscodeTextfield
            id={field('value')}
            value={draft.value}
            aria-label="Value"
            placeholder={conditionField?.type === 'date' ? 'YYYY-MM-DD' : conditionField?.type === 'datetime' ? 'YYYY-MM-DDTHH:MM:SSZ' : NUMERIC_TYPES.includes(conditionField?.type ?? 'string') ? 'a number' : 'text'}
            data-testid="add-rule-value"
            onInput={(event) => set({ value: valueOf(event) })}
          />
        );
      body = (
        <>
          <Row label="Refuse to">
            <Checks label="Refused action" testId="add-rule-action" options={WRITE_ACTIONS.map((a) => ({ value: a, label: a }))} chosen={actions} onChange={(next) => set({ actions: next })} />
          </Row>
          <Row label="When" htmlFor={field('via')}>
            <Select
              id={field('via')}
              label="Whose field is read"
              value={via}
              options={[{ value: '', label: `the ${entity?.label.toLowerCase() ?? 'row'} itself` }, ...parents.map((r) => ({ value: r.name, label: `its ${r.name} (${r.to})` }))]}
              onChange={(v) => set({ via: v, field: undefined, op: undefined, value: '' })}
              testId="add-rule-via"
            />
            <Select id={field('field')} label="Field" value={conditionField?.name} options={options(conditionFields)} onChange={(v) => set({ field: v, op: undefined, value: '' })} testId="add-rule-field" />
            <Select id={field('op')} label="Comparison" value={op} options={ops.map((o) => ({ value: o, label: OP_LABELS[o] }))} onChange={(v) => set({ op: v as ConditionOp })} testId="add-rule-op" />
            {needsValue && valueInput}
          </Row>
          {takesMargin && (
            <Row label="Margin (optional)" htmlFor={field('offset-amount')}>
              <VscodeTextfield
                id={field('offset-amount')}
                type="number"
                min={0}
                value={draft.offsetAmount}
                aria-label="Margin amount, a whole number (empty for none)"
                placeholder="none"
                data-testid="add-rule-offset-amount"
                onInput={(event) => set({ offsetAmount: valueOf(event) })}
              />
              <Select
                id={field('offset-unit')}
                label="Margin unit"
                value={offsetUnit}
                options={OFFSET_UNITS.map((u) => ({ value: u, label: u }))}
                onChange={(v) => set({ offsetUnit: v as OffsetUnit })}
                testId="add-rule-offset-unit"
              />
              <Select
                id={field('offset-direction')}
                label="Margin direction: compare with now moved later or earlier"
                value={draft.offsetDirection}
                options={[
                  { value: 'later', label: 'ahead of now (e.g. up to 2 hours before it starts)' },
                  { value: 'earlier', label: 'before now (e.g. more than 30 days ago)' },
                ]}
                onChange={(v) => set({ offsetDirection: v as Draft['offsetDirection'] })}
                testId="add-rule-offset-direction"
              />
            </Row>
          )}
          <Row label="Message" htmlFor={field('message')}>
            <VscodeTextfield
              id={field('message')}
              value={draft.message}
              maxLength={300}
              placeholder="What the user is told, e.g. A closed ticket cannot be changed."
              aria-label="Message shown when the action is refused"
              data-testid="add-rule-message"
              style={{ width: '100%' }}
              onInput={(event) => set({ message: valueOf(event) })}
            />
          </Row>
        </>
      );
      break;
    }
  }

  return (
    <div style={styles.form} role="group" aria-label="Add a rule" data-testid="add-rule-form">
      <Row label="Rule" htmlFor={field('kind')}>
        <Select
          id={field('kind')}
          label="Kind of rule"
          value={kind}
          options={KINDS.map((k) => ({ value: k.kind, label: k.label }))}
          onChange={(v) => {
            setKind(v as Kind);
            setProblems([]);
          }}
          testId="add-rule-kind"
        />
      </Row>
      <Row label="On" htmlFor={field('entity')}>
        <Select
          id={field('entity')}
          label="Entity the rule is about"
          value={entityName}
          options={spec.entities.map((e) => ({ value: e.name, label: e.name }))}
          onChange={(v) => set({ entity: v, relation: undefined, field: undefined, fields: [], via: '', value: '' })}
          testId="add-rule-entity"
        />
      </Row>
      {body}
      {preview && problems.length === 0 && (
        <p style={styles.preview} data-testid="add-rule-preview">
          {preview}
        </p>
      )}
      {problems.length > 0 && (
        <ul style={styles.problems} role="alert" data-testid="add-rule-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div style={styles.choices}>
        <VscodeButton onClick={submit} data-testid="add-rule-submit">
          Add rule
        </VscodeButton>
        {onCancel && (
          <VscodeButton secondary onClick={onCancel} data-testid="add-rule-cancel">
            Cancel
          </VscodeButton>
        )}
      </div>
    </div>
  );
}
