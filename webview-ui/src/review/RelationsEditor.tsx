import { VscodeButton, VscodeOption } from '@vscode-elements/react-elements';
import { useState } from 'react';
import { addRelation, deleteRelation } from '../../../src/model/project/edit';
import { camelCase, pluralizeName } from '../../../src/model/project/naming';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import { valueOf } from '../elementEvents';
import { FittingSelect } from '../FittingSelect';
import { useFollowingChoice } from './followChoice';
import { Sources } from './Sources';

type Edit = (change: (spec: ProjectSpec) => ProjectSpec) => boolean;

/** One of the spec's entities, by name (a relation's two ends). */
function EntitySelect({ names, value, onChange, label, testId }: { names: string[]; value: string; onChange: (name: string) => void; label: string; testId: string }) {
  return (
    <FittingSelect value={value} aria-label={label} onChange={(e) => onChange(valueOf(e))} data-testid={testId}>
      {names.map((n) => (
        <VscodeOption key={n} value={n} selected={n === value}>
          {n}
        </VscodeOption>
      ))}
    </FittingSelect>
  );
}

function AddRelation({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  const names = spec.entities.map((e) => e.name);
  // Both ends follow renames and removals of entities: never blank, never a gone name.
  const [from = '', setFrom] = useFollowingChoice(names, 0);
  const [to = '', setTo] = useFollowingChoice(names, 1);
  const [kind, setKind] = useState<'belongsTo' | 'manyToMany'>('belongsTo');
  const add = () => {
    if (!from || !to) return;
    const name = kind === 'belongsTo' ? camelCase(to) : camelCase(pluralizeName(to));
    edit((s) => addRelation(s, { kind, from, to, name, inverseName: camelCase(pluralizeName(from)) }));
  };
  return (
    <div className="add-row" aria-label="Add a relation">
      <EntitySelect names={names} value={from} onChange={setFrom} label="Relation from" testId="relation-from" />
      <FittingSelect value={kind} aria-label="Relation kind" onChange={(e) => setKind(valueOf(e) as 'belongsTo' | 'manyToMany')}>
        <VscodeOption value="belongsTo" selected={kind === 'belongsTo'}>
          belongs to
        </VscodeOption>
        <VscodeOption value="manyToMany" selected={kind === 'manyToMany'}>
          has many (many-to-many)
        </VscodeOption>
      </FittingSelect>
      <EntitySelect names={names} value={to} onChange={setTo} label="Relation to" testId="relation-to" />
      <VscodeButton secondary onClick={add} data-testid="add-relation">
        Add relation
      </VscodeButton>
    </div>
  );
}

/** Relations between entities: each with where it came from, deletable; new ones named for you. */
export function RelationsEditor({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  return (
    <section aria-label="Relations" className="review-section">
      <h3>Relations</h3>
      {spec.relations.length === 0 && <p className="muted">No relations.</p>}
      <ul className="plain-list" data-testid="relations">
        {spec.relations.map((relation) => (
          <li key={`${relation.from}.${relation.name}`}>
            <span>
              <strong>{relation.from}</strong>.{relation.name} {relation.kind === 'belongsTo' ? 'belongs to' : 'has many'} <strong>{relation.to}</strong>
              <span className="muted"> ({relation.to}.{relation.inverseName})</span>
            </span>
            <Sources spec={spec} ids={relation.sources} compact />
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete relation ${relation.from}.${relation.name}`}
              onClick={() => edit((s) => deleteRelation(s, relation.from, relation.name))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      {spec.entities.length > 0 && <AddRelation spec={spec} edit={edit} />}
    </section>
  );
}
