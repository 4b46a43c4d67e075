import { VscodeTextfield } from '@vscode-elements/react-elements';
import { valueOf } from '../../elementEvents';
import { fieldOptions, relationOptions, Row, type RuleInputsProps, Select } from './controls';
import { type Draft, names, type PeriodUnit, pick } from './ruleDraft';

const PERIOD_UNITS: { value: PeriodUnit; label: string }[] = [
  { value: 'day', label: 'per day' },
  { value: 'week', label: 'per week (ISO, Monday to Sunday)' },
  { value: 'month', label: 'per month' },
];
const LIMIT_MODES: { value: Draft['limitMode']; label: string }[] = [
  { value: 'field', label: 'from a field of the parent' },
  { value: 'fixed', label: 'a fixed number' },
];

/** Where the limit comes from: a whole-number field of the parent, or a fixed number. */
function LimitRow({ choices, set, field }: RuleInputsProps) {
  const { draft, parentEntity, capacityFields } = choices;
  return (
    <Row label="Limit" htmlFor={field('limit-mode')}>
      <Select
        id={field('limit-mode')}
        label="Where the limit comes from"
        value={draft.limitMode}
        options={LIMIT_MODES}
        onChange={(v) => set({ limitMode: v as Draft['limitMode'] })}
        testId="add-rule-limit-mode"
      />
      {choices.fixedLimit ? (
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
          options={fieldOptions(capacityFields)}
          onChange={(v) => set({ capacityField: v })}
          testId="add-rule-capacity-field"
        />
      )}
    </Row>
  );
}

/** Counted over all time, or per day/week/month of a date field. */
function PeriodRow({ choices, set, field }: RuleInputsProps) {
  const { draft, entityName } = choices;
  return (
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
            value={choices.periodField}
            options={fieldOptions(choices.timeFields)}
            onChange={(v) => set({ periodField: v })}
            testId="add-rule-period-field"
          />
        </>
      )}
    </Row>
  );
}

/** capacity: at most N rows per parent (or in all), optionally per period, counting only active rows. */
export function CapacityInputs(props: RuleInputsProps) {
  const { choices, set, field } = props;
  const { draft, fixedLimit, parents } = choices;
  const relations = relationOptions(parents);
  return (
    <>
      <LimitRow {...props} />
      <Row label="Per" htmlFor={field('relation')}>
        <Select
          id={field('relation')}
          label="Parent relation"
          value={fixedLimit ? choices.capacityRelation ?? '' : choices.relation}
          options={fixedLimit ? [{ value: '', label: `(no parent: all ${choices.entityName ?? 'rows'} together)` }, ...relations] : relations}
          onChange={(v) => set({ relation: v })}
          testId="add-rule-relation"
        />
      </Row>
      <PeriodRow {...props} />
      <Row label="Count only rows without" htmlFor={field('active')}>
        <Select
          id={field('active')}
          label="Count only rows where this field is empty"
          value={draft.activeWhenNull ?? ''}
          options={[{ value: '', label: '(count every row)' }, ...fieldOptions(choices.fields.filter((f) => !f.required))]}
          onChange={(v) => set({ activeWhenNull: v || undefined })}
          testId="add-rule-active-when-null"
        />
      </Row>
    </>
  );
}
