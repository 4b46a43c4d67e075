// The add-rule form's building blocks: a labelled row, a select that says when nothing can be
// picked, and a set of checkboxes; and the props every rule kind's inputs take.
import { VscodeCheckbox, VscodeOption } from '@vscode-elements/react-elements';
import type { CSSProperties, ReactNode } from 'react';
import type { Field, Relation } from '../../../../src/model/project/projectSpec';
import { checkedOf, valueOf } from '../../elementEvents';
import { FittingSelect } from '../../FittingSelect';
import type { RuleInput } from './buildRule';
import type { RuleChoices } from './ruleChoices';
import type { Draft } from './ruleDraft';

/** What one rule kind's inputs are given: the choices so far, the rule they build, how to change the draft. */
export interface RuleInputsProps {
  choices: RuleChoices;
  candidate: RuleInput;
  set: (patch: Partial<Draft>) => void;
  /** A control's element id (unique per form), for its row's label. */
  field: (suffix: string) => string;
}

export interface Option {
  value: string;
  label: string;
}

export const styles: Record<string, CSSProperties> = {
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

/** Fields as options: label and name. */
export const fieldOptions = (list: Field[]): Option[] => list.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }));
/** belongsTo relations as options: name and the entity they lead to. */
export const relationOptions = (parents: Relation[]): Option[] => parents.map((r) => ({ value: r.name, label: `${r.name} → ${r.to}` }));

export function Row({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div style={styles.row}>
      {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
      <div style={styles.choices}>{children}</div>
    </div>
  );
}

export function Select(props: { id: string; label: string; value: string | undefined; options: Option[]; onChange: (value: string) => void; testId: string }) {
  const { id, label, value, options, onChange, testId } = props;
  if (!options.length) return <span className="muted" data-testid={testId}>none available</span>;
  return (
    <FittingSelect id={id} value={value ?? ''} aria-label={label} data-testid={testId} onChange={(event) => onChange(valueOf(event))}>
      {options.map((option) => (
        <VscodeOption key={option.value} value={option.value} selected={option.value === value}>
          {option.label}
        </VscodeOption>
      ))}
    </FittingSelect>
  );
}

export function Checks<T extends string>(props: { options: { value: T; label: string }[]; chosen: T[]; onChange: (next: T[]) => void; testId: string; label: string }) {
  const { options, chosen, onChange, testId, label } = props;
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
