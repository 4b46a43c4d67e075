import { VscodeButton, VscodeCheckbox, VscodeOption, VscodeTextfield } from '@vscode-elements/react-elements';
import { useState } from 'react';
import { addField, deleteEntity, deleteField, type FieldPatch, renameEntity, renameField, updateField } from '../../../src/model/project/edit';
import { type Entity, type Field, FieldType, type ProjectSpec } from '../../../src/model/project/projectSpec';
import { checkedOf, valueOf } from '../elementEvents';
import { FittingSelect } from '../FittingSelect';
import { InlineName } from './InlineName';
import { Sources } from './Sources';

type Edit = (change: (spec: ProjectSpec) => ProjectSpec) => boolean;

const FIELD_TYPES = FieldType.options;

/** The field's type, and its values when it is an enum. */
function TypeCell({ entity, field, edit }: { entity: Entity; field: Field; edit: Edit }) {
  const update = (patch: FieldPatch) => edit((s) => updateField(s, entity.name, field.name, patch));
  const id = `${entity.name}-${field.name}`;
  return (
    <td>
      <FittingSelect value={field.type} aria-label={`Type of ${entity.name}.${field.name}`} data-testid={`field-type-${id}`} onChange={(event) => update({ type: valueOf(event) as FieldType })}>
        {FIELD_TYPES.map((type) => (
          <VscodeOption key={type} value={type} selected={type === field.type}>
            {type}
          </VscodeOption>
        ))}
      </FittingSelect>
      {field.type === 'enum' && (
        <VscodeTextfield
          className="enum-values"
          value={(field.enumValues ?? []).join(', ')}
          aria-label={`Values of ${entity.name}.${field.name}, separated by commas`}
          data-testid={`field-values-${id}`}
          onChange={(event) =>
            update({
              enumValues: valueOf(event)
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean),
            })
          }
        />
      )}
    </td>
  );
}

/** A yes/no property of the field (required, unique) as a checkbox cell. */
function FlagCell({ entity, field, flag, edit }: { entity: Entity; field: Field; flag: 'required' | 'unique'; edit: Edit }) {
  return (
    <td className="center">
      <VscodeCheckbox
        checked={field[flag]}
        aria-label={`${entity.name}.${field.name} is ${flag}`}
        data-testid={`field-${flag}-${entity.name}-${field.name}`}
        onChange={(event) => edit((s) => updateField(s, entity.name, field.name, { [flag]: checkedOf(event) }))}
      />
    </td>
  );
}

function FieldRow({ spec, entity, field, edit }: { spec: ProjectSpec; entity: Entity; field: Field; edit: Edit }) {
  const id = `${entity.name}-${field.name}`;
  return (
    <tr data-testid={`field-${id}`}>
      <td>
        <InlineName
          value={field.name}
          label={`Name of ${entity.name} field ${field.name}`}
          testId={`field-name-${id}`}
          onCommit={(next) => edit((s) => renameField(s, entity.name, field.name, next))}
          onCancel={() => edit((s) => s)}
        />
      </td>
      <TypeCell entity={entity} field={field} edit={edit} />
      <FlagCell entity={entity} field={field} flag="required" edit={edit} />
      <FlagCell entity={entity} field={field} flag="unique" edit={edit} />
      <td>
        <Sources spec={spec} ids={field.sources} compact />
      </td>
      <td>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete field ${entity.name}.${field.name}`}
          title="Delete field"
          data-testid={`field-delete-${id}`}
          onClick={() => edit((s) => deleteField(s, entity.name, field.name))}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}

function AddField({ entity, edit }: { entity: Entity; edit: Edit }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<FieldType>('string');
  const add = () => {
    if (name.trim() && edit((s) => addField(s, entity.name, name.trim(), type))) setName('');
  };
  return (
    <div className="add-row">
      <VscodeTextfield
        value={name}
        placeholder="new field, e.g. dueDate"
        aria-label={`New field of ${entity.name}`}
        data-testid={`add-field-name-${entity.name}`}
        onInput={(event) => setName(valueOf(event))}
        onKeyDown={(event) => event.key === 'Enter' && add()}
      />
      <FittingSelect value={type} aria-label="Type of the new field" onChange={(event) => setType(valueOf(event) as FieldType)}>
        {FIELD_TYPES.map((t) => (
          <VscodeOption key={t} value={t} selected={t === type}>
            {t}
          </VscodeOption>
        ))}
      </FittingSelect>
      <VscodeButton secondary onClick={add} data-testid={`add-field-${entity.name}`}>
        Add field
      </VscodeButton>
    </div>
  );
}

/** One entity: its name, fields as an editable table, where it came from. */
export function EntityEditor({ spec, entity, edit }: { spec: ProjectSpec; entity: Entity; edit: Edit }) {
  const relations = spec.relations.filter((r) => r.from === entity.name);
  return (
    <section className="entity" aria-label={`Entity ${entity.name}`} data-testid={`entity-${entity.name}`}>
      <div className="entity-head">
        <InlineName
          value={entity.name}
          label={`Name of entity ${entity.name}`}
          testId={`entity-name-${entity.name}`}
          onCommit={(next) => edit((s) => renameEntity(s, entity.name, next))}
          onCancel={() => edit((s) => s)}
        />
        {entity.ownerRelation && <span className="badge">owned by the signed-in user</span>}
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete entity ${entity.name}`}
          title="Delete entity (and its relations and rules)"
          data-testid={`entity-delete-${entity.name}`}
          onClick={() => edit((s) => deleteEntity(s, entity.name))}
        >
          ✕
        </button>
      </div>
      <Sources spec={spec} ids={entity.sources} />
      <table className="fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Unique</th>
            <th scope="col">From the requirements</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entity.fields.map((field) => (
            <FieldRow key={field.name} spec={spec} entity={entity} field={field} edit={edit} />
          ))}
          {relations.map((relation) => (
            <tr key={`rel-${relation.name}`} className="relation-row">
              <td>{relation.name}</td>
              <td colSpan={3}>
                {relation.kind === 'belongsTo' ? `→ ${relation.to}${relation.required ? '' : ' (optional)'}` : `↔ many ${relation.to}`}
              </td>
              <td>
                <Sources spec={spec} ids={relation.sources} compact />
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <AddField entity={entity} edit={edit} />
    </section>
  );
}
