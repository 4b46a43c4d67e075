import { VscodeButton } from '@vscode-elements/react-elements';
import { useState } from 'react';
import { addRule, deleteRule, describeRule } from '../../../src/model/project/edit';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import { AddRuleForm } from './AddRuleForm';
import { Sources } from './Sources';

type Edit = (change: (spec: ProjectSpec) => ProjectSpec) => boolean;

/** Business rules Takoss will enforce (deletable, and new ones can be added), and what it recognised but will not build. */
export function RulesList({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  const [adding, setAdding] = useState(false);
  return (
    <section aria-label="Rules" className="review-section">
      <h3>Rules Takoss will enforce</h3>
      {spec.rules.length === 0 && <p className="muted">No business rules were recognised.</p>}
      <ul className="plain-list" data-testid="rules">
        {spec.rules.map((rule, index) => (
          <li key={`${rule.kind}-${rule.entity}-${index}`}>
            <span>{describeRule(rule)}</span>
            <Sources spec={spec} ids={rule.sources} compact />
            <button type="button" className="icon-button" aria-label={`Delete rule: ${describeRule(rule)}`} onClick={() => edit((s) => deleteRule(s, index))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <AddRuleForm spec={spec} onAdd={(rule) => edit((s) => addRule(s, rule)) && setAdding(false)} onCancel={() => setAdding(false)} />
      ) : (
        spec.entities.length > 0 && (
          <div className="add-row">
            <VscodeButton secondary onClick={() => setAdding(true)} data-testid="add-rule">
              Add rule
            </VscodeButton>
          </div>
        )
      )}
      {spec.unimplemented.length > 0 && (
        <>
          <h3>Recognised but not implemented</h3>
          <ul className="plain-list unimplemented" data-testid="unimplemented">
            {spec.unimplemented.map((item) => (
              <li key={item.text}>
                <span>
                  “{item.text}” <span className="muted">— {item.reason}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
