import { VscodeButton } from '@vscode-elements/react-elements';
import { humanize } from '../../../../src/model/project/naming';
import { fieldOptions, Row, type RuleInputsProps, Select } from './controls';
import { pick } from './ruleDraft';

type Transition = { from: string; to: string };

function TransitionList({ transitions, onRemove }: { transitions: Transition[]; onRemove: (transition: Transition) => void }) {
  if (transitions.length === 0) return null;
  return (
    <ul className="plain-list" data-testid="add-rule-transitions">
      {transitions.map((t) => (
        <li key={`${t.from}-${t.to}`}>
          <span>
            {t.from} → {t.to}
          </span>
          <button type="button" className="icon-button" aria-label={`Remove ${t.from} → ${t.to}`} onClick={() => onRemove(t)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}

/** statusWorkflow: an enum field as a status, its initial value and the changes allowed between values. */
export function WorkflowInputs({ choices, candidate, set, field }: RuleInputsProps) {
  const { draft, workflowValues } = choices;
  const from = pick(draft.transitionFrom, workflowValues);
  const to = pick(draft.transitionTo, workflowValues.filter((v) => v !== from));
  const transitions = candidate.transitions as Transition[];
  const valueOptions = (values: string[]) => values.map((v) => ({ value: v, label: humanize(v) }));
  return (
    <>
      <Row label="Status field" htmlFor={field('status')}>
        <Select id={field('status')} label="Status field" value={choices.workflowField?.name} options={fieldOptions(choices.enumFields)} onChange={(v) => set({ field: v })} testId="add-rule-status-field" />
      </Row>
      <Row label="Starts as" htmlFor={field('initial')}>
        <Select id={field('initial')} label="Initial status" value={String(candidate.initial ?? '')} options={valueOptions(workflowValues)} onChange={(v) => set({ initial: v })} testId="add-rule-initial" />
      </Row>
      <Row label="May change">
        <Select id={field('from')} label="From status" value={from} options={valueOptions(workflowValues)} onChange={(v) => set({ transitionFrom: v })} testId="add-rule-transition-from" />
        <span aria-hidden="true">→</span>
        <Select id={field('to')} label="To status" value={to} options={valueOptions(workflowValues.filter((v) => v !== from))} onChange={(v) => set({ transitionTo: v })} testId="add-rule-transition-to" />
        <VscodeButton
          secondary
          data-testid="add-rule-add-transition"
          onClick={() => from && to && !transitions.some((t) => t.from === from && t.to === to) && set({ transitions: [...transitions, { from, to }] })}
        >
          Add change
        </VscodeButton>
      </Row>
      <TransitionList transitions={transitions} onRemove={(t) => set({ transitions: transitions.filter((x) => x !== t) })} />
    </>
  );
}
