import { VscodeTextfield } from '@vscode-elements/react-elements';
import type { ConditionOp } from '../../../../src/model/project/projectSpec';
import { humanize } from '../../../../src/model/project/naming';
import { NUMERIC_TYPES, OP_WORDS, VALUE_OPS } from '../../../../src/model/project/ruleConditions';
import { valueOf } from '../../elementEvents';
import { Checks, fieldOptions, Row, type RuleInputsProps, Select } from './controls';
import { type Draft, type OffsetUnit, WRITE_ACTIONS } from './ruleDraft';

const OFFSET_UNITS: OffsetUnit[] = ['minutes', 'hours', 'days'];
const OFFSET_DIRECTIONS: { value: Draft['offsetDirection']; label: string }[] = [
  { value: 'later', label: 'ahead of now (e.g. up to 2 hours before it starts)' },
  { value: 'earlier', label: 'before now (e.g. more than 30 days ago)' },
];
const OP_LABELS: Record<ConditionOp, string> = { ...OP_WORDS, eq: 'is (equals)', ne: 'is not', isEmpty: 'is empty', notEmpty: 'is filled in' };

/** The value compared with: a choice for enum and yes/no fields, else typed. */
function ValueInput({ choices, set, field }: RuleInputsProps) {
  const { conditionField, valueChoices } = choices;
  if (valueChoices)
    return (
      <Select
        id={field('value')}
        label="Value"
        value={choices.valueText}
        options={valueChoices.map((v) => ({ value: v, label: conditionField?.type === 'enum' ? humanize(v) : v === 'true' ? 'yes' : 'no' }))}
        onChange={(v) => set({ value: v })}
        testId="add-rule-value"
      />
    );
  const type = conditionField?.type;
  return (
    <VscodeTextfield
      id={field('value')}
      value={choices.draft.value}
      aria-label="Value"
      placeholder={type === 'date' ? 'YYYY-MM-DD' : type === 'datetime' ? 'YYYY-MM-DDTHH:MM:SSZ' : NUMERIC_TYPES.includes(type ?? 'string') ? 'a number' : 'text'}
      data-testid="add-rule-value"
      onInput={(event) => set({ value: valueOf(event) })}
    />
  );
}

/** When: whose field (the row's or a parent's), which field, the comparison and its value. */
function ConditionRow(props: RuleInputsProps) {
  const { choices, set, field } = props;
  const { entity, op } = choices;
  return (
    <Row label="When" htmlFor={field('via')}>
      <Select
        id={field('via')}
        label="Whose field is read"
        value={choices.via}
        options={[{ value: '', label: `the ${entity?.label.toLowerCase() ?? 'row'} itself` }, ...choices.parents.map((r) => ({ value: r.name, label: `its ${r.name} (${r.to})` }))]}
        onChange={(v) => set({ via: v, field: undefined, op: undefined, value: '' })}
        testId="add-rule-via"
      />
      <Select id={field('field')} label="Field" value={choices.conditionField?.name} options={fieldOptions(choices.conditionFields)} onChange={(v) => set({ field: v, op: undefined, value: '' })} testId="add-rule-field" />
      <Select id={field('op')} label="Comparison" value={op} options={choices.ops.map((o) => ({ value: o, label: OP_LABELS[o] }))} onChange={(v) => set({ op: v as ConditionOp })} testId="add-rule-op" />
      {op !== undefined && VALUE_OPS.includes(op) && <ValueInput {...props} />}
    </Row>
  );
}

/** past/future: an optional margin moving "now" later or earlier. */
function MarginRow({ choices, set, field }: RuleInputsProps) {
  return (
    <Row label="Margin (optional)" htmlFor={field('offset-amount')}>
      <VscodeTextfield
        id={field('offset-amount')}
        type="number"
        min={0}
        value={choices.draft.offsetAmount}
        aria-label="Margin amount, a whole number (empty for none)"
        placeholder="none"
        data-testid="add-rule-offset-amount"
        onInput={(event) => set({ offsetAmount: valueOf(event) })}
      />
      <Select id={field('offset-unit')} label="Margin unit" value={choices.offsetUnit} options={OFFSET_UNITS.map((u) => ({ value: u, label: u }))} onChange={(v) => set({ offsetUnit: v as OffsetUnit })} testId="add-rule-offset-unit" />
      <Select
        id={field('offset-direction')}
        label="Margin direction: compare with now moved later or earlier"
        value={choices.draft.offsetDirection}
        options={OFFSET_DIRECTIONS}
        onChange={(v) => set({ offsetDirection: v as Draft['offsetDirection'] })}
        testId="add-rule-offset-direction"
      />
    </Row>
  );
}

/** refuseWhen: refuse the chosen writes while a condition holds, with the message people see. */
export function RefuseWhenInputs(props: RuleInputsProps) {
  const { choices, set, field } = props;
  return (
    <>
      <Row label="Refuse to">
        <Checks label="Refused action" testId="add-rule-action" options={WRITE_ACTIONS.map((a) => ({ value: a, label: a }))} chosen={choices.actions} onChange={(next) => set({ actions: next })} />
      </Row>
      <ConditionRow {...props} />
      {choices.takesMargin && <MarginRow {...props} />}
      {choices.roles.length > 0 && (
        // "only managers can change shipped orders": the refusal holds for everyone but these roles.
        <Row label="Except for">
          <Checks label="Excepted role" testId="add-rule-except-role" options={choices.roles.map((r) => ({ value: r, label: r }))} chosen={choices.draft.roles} onChange={(next) => set({ roles: next })} />
        </Row>
      )}
      <Row label="Message" htmlFor={field('message')}>
        <VscodeTextfield
          id={field('message')}
          value={choices.draft.message}
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
}
