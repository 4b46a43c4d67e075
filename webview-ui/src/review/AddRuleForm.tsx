import { VscodeButton } from '@vscode-elements/react-elements';
import { type ComponentType, useId } from 'react';
import type { ProjectSpec, Rule } from '../../../src/model/project/projectSpec';
import { CapacityInputs } from './addRule/CapacityInputs';
import { type RuleInputsProps, Row, Select, styles } from './addRule/controls';
import { NoOverlapInputs } from './addRule/NoOverlapInputs';
import { RefuseWhenInputs } from './addRule/RefuseWhenInputs';
import type { Kind } from './addRule/ruleDraft';
import { AccessInputs, DateOrderInputs, UniqueInputs } from './addRule/SimpleInputs';
import { useRuleForm } from './addRule/useRuleForm';
import { WorkflowInputs } from './addRule/WorkflowInputs';

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

/** Each kind's own inputs, below the kind and entity pickers. */
const INPUTS: Record<Kind, ComponentType<RuleInputsProps>> = {
  capacity: CapacityInputs,
  unique: UniqueInputs,
  noOverlap: NoOverlapInputs,
  ownership: AccessInputs,
  roleRequired: AccessInputs,
  statusWorkflow: WorkflowInputs,
  dateOrder: DateOrderInputs,
  refuseWhen: RefuseWhenInputs,
};

function Problems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul style={styles.problems} role="alert" data-testid="add-rule-problems">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}

/**
 * Builds a business rule of any kind from pickers over the spec's entities, fields, relations and
 * roles, checks it with validateSpec (through ruleProblems: only what the new rule would break),
 * shows the problems inline, and hands a valid rule, tagged with `sources`, to `onAdd`.
 */
export function AddRuleForm(props: { spec: ProjectSpec; onAdd: (rule: Rule) => void; onCancel?: () => void; sources?: number[]; initialKind?: Rule['kind'] }) {
  const { spec, onCancel, sources = [] } = props;
  const id = useId();
  const form = useRuleForm({ spec, sources, initialKind: props.initialKind, onAdd: props.onAdd });
  const { kind, set, problems } = form;
  const field = (suffix: string) => `${id}-${suffix}`;
  const Inputs = INPUTS[kind];
  return (
    <div style={styles.form} role="group" aria-label="Add a rule" data-testid="add-rule-form">
      <Row label="Rule" htmlFor={field('kind')}>
        <Select id={field('kind')} label="Kind of rule" value={kind} options={KINDS.map((k) => ({ value: k.kind, label: k.label }))} onChange={(v) => form.chooseKind(v as Kind)} testId="add-rule-kind" />
      </Row>
      <Row label="On" htmlFor={field('entity')}>
        <Select
          id={field('entity')}
          label="Entity the rule is about"
          value={form.choices.entityName}
          options={spec.entities.map((e) => ({ value: e.name, label: e.name }))}
          onChange={(v) => set({ entity: v, relation: undefined, field: undefined, fields: [], via: '', value: '' })}
          testId="add-rule-entity"
        />
      </Row>
      <Inputs choices={form.choices} candidate={form.candidate} set={set} field={field} />
      {form.preview && problems.length === 0 && (
        <p style={styles.preview} data-testid="add-rule-preview">
          {form.preview}
        </p>
      )}
      <Problems problems={problems} />
      <div style={styles.choices}>
        <VscodeButton onClick={form.submit} data-testid="add-rule-submit">
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
