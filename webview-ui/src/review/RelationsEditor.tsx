import { VscodeButton, VscodeOption, VscodeSingleSelect } from '@vscode-elements/react-elements';
import { useState } from 'react';
import { addRelation, deleteRelation } from '../../../src/model/project/edit';
import { camelCase, pluralizeName } from '../../../src/model/project/naming';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import { Sources } from './Sources';

type Edit = (change: (spec: ProjectSpec) => ProjectSpec) => boolean;
const valueOf = (event: { currentTarget: unknown }) => (event.currentTarget as { value: string }).value;

function AddRelation({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  const names = spec.entities.map((e) => e.name);
  const [from, setFrom] = useState(names[0] ?? '');
  const [to, setTo] = useState(names[1] ?? names[0] ?? '');
  const [kind, setKind] = useState<'belongsTo' | 'manyToMany'>('belongsTo');
  const add = () => {
    if (!from || !to) return;
    const name = kind === 'belongsTo' ? camelCase(to) : camelCase(pluralizeName(to));
    edit((s) => addRelation(s, { kind, from, to, name, inverseName: camelCase(pluralizeName(from)) }));
  };
  return (
    <div className="add-row" aria-label="Add a relation">
      <VscodeSingleSelect value={from} aria-label="Relation from" onChange={(e) => setFrom(valueOf(e))} data-testid="relation-from">
        {names.map((n) => (
          <VscodeOption key={n} value={n} selected={n === from}>
            {n}
          </VscodeOption>
        ))}
      </VscodeSingleSelect>
      <VscodeSingleSelect value={kind} aria-label="Relation kind" onChange={(e) => setKind(valueOf(e) as 'belongsTo' | 'manyToMany')}>
        <VscodeOption value="belongsTo" selected={kind === 'belongsTo'}>
          belongs to
        </VscodeOption>
        <VscodeOption value="manyToMany" selected={kind === 'manyToMany'}>
          has many (many-to-many)
        </VscodeOption>
      </VscodeSingleSelect>
      <VscodeSingleSelect value={to} aria-label="Relation to" onChange={(e) => setTo(valueOf(e))} data-testid="relation-to">
        {names.map((n) => (
          <VscodeOption key={n} value={n} selected={n === to}>
            {n}
          </VscodeOption>
        ))}
      </VscodeSingleSelect>
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
