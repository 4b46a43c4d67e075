// The rule kinds whose inputs fit in a row or two: unique, ownership / roles, date order.
import { VscodeCheckbox } from '@vscode-elements/react-elements';
import { checkedOf } from '../../elementEvents';
import { Checks, fieldOptions, Row, type RuleInputsProps, Select } from './controls';
import { ALL_ACTIONS } from './ruleDraft';

/** unique: no two rows with the same values of these fields and parents. */
export function UniqueInputs({ choices, set }: RuleInputsProps) {
  return (
    <Row label="Unique together">
      <Checks
        label="Unique field"
        testId="add-rule-unique"
        options={[...choices.fields.map((f) => ({ value: f.name, label: f.label })), ...choices.parents.map((r) => ({ value: r.name, label: `${r.name} (${r.to})` }))]}
        chosen={choices.draft.fields}
        onChange={(next) => set({ fields: next })}
      />
    </Row>
  );
}

/** ownership and roleRequired: only the owner, or only these roles, may do the chosen actions. */
export function AccessInputs({ choices, set }: RuleInputsProps) {
  const { kind, roles, entity } = choices;
  return (
    <>
      {kind === 'roleRequired' && (
        <Row label="Only">
          {roles.length ? (
            <Checks label="Role" testId="add-rule-role" options={roles.map((r) => ({ value: r, label: r }))} chosen={choices.draft.roles} onChange={(next) => set({ roles: next })} />
          ) : (
            <span className="muted">There is no sign-in: turn it on to use roles.</span>
          )}
        </Row>
      )}
      {kind === 'ownership' && !entity?.ownerRelation && <p className="muted">{choices.entityName} rows have no owner yet (no relation to the user who creates them).</p>}
      <Row label="May">
        <Checks label="Action" testId="add-rule-action" options={ALL_ACTIONS.map((a) => ({ value: a, label: a }))} chosen={choices.actions} onChange={(next) => set({ actions: next })} />
      </Row>
      {kind === 'roleRequired' && choices.fields.length > 0 && (
        <Row label="Only the values of">
          <Checks label="Field" testId="add-rule-role-field" options={choices.fields.map((f) => ({ value: f.name, label: f.label }))} chosen={choices.draft.roleFields} onChange={(next) => set({ roleFields: next })} />
          <span className="muted">{choices.draft.roleFields.length ? 'others may still create and change the rest' : 'none: the whole record'}</span>
        </Row>
      )}
    </>
  );
}

/** dateOrder: one date field must come before (or on) another. */
export function DateOrderInputs({ choices, candidate, set, field }: RuleInputsProps) {
  const options = fieldOptions(choices.timeFields);
  return (
    <>
      <Row label="Earlier" htmlFor={field('earlier')}>
        <Select id={field('earlier')} label="Earlier date field" value={String(candidate.earlier ?? '')} options={options} onChange={(v) => set({ earlier: v })} testId="add-rule-earlier" />
      </Row>
      <Row label="Must come before" htmlFor={field('later')}>
        <Select id={field('later')} label="Later date field" value={String(candidate.later ?? '')} options={options} onChange={(v) => set({ later: v })} testId="add-rule-later" />
        <VscodeCheckbox checked={choices.draft.allowEqual} data-testid="add-rule-allow-equal" aria-label="The two may be equal" onChange={(event) => set({ allowEqual: checkedOf(event) })}>
          or be equal to it
        </VscodeCheckbox>
      </Row>
    </>
  );
}
