// Create and edit pages around EntityForm: loads the record for edit, pre-fills relation ids
// from the query string for create (e.g. "Add task" on a project), and opens the saved record.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useRefusal } from '../auth/permissions';
import { recordTitle } from '../forms/format';
import type { EntityMeta } from '../forms/meta';
import { initialValues, type Mode } from '../forms/values';
import { EntityForm } from './EntityForm';
import { fieldsOf, type Row } from './EntityListPage';
import { ErrorMessage, Loading } from './States';

export function EntityFormPage({
  meta,
  mode,
  load,
  save,
}: {
  meta: EntityMeta;
  mode: Mode;
  load?: (id: number) => Promise<Row>;
  save: (payload: Record<string, unknown>, id?: number) => Promise<Row>;
}) {
  const params = useParams();
  const id = params.id === undefined ? undefined : Number(params.id);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const refusal = useRefusal();
  const [record, setRecord] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (mode !== 'edit' || id === undefined || !load) return;
    let cancelled = false;
    load(id).then(
      (row) => {
        if (!cancelled) setRecord(fieldsOf(row));
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [mode, id, load]);

  if (error !== null) return <ErrorMessage error={error} />;
  if (mode === 'edit' && record === null) return <Loading />;

  const presets = Object.fromEntries(meta.parents.map((relation) => [relation.key, searchParams.get(relation.key) ?? '']));
  // "Edit task: Fix the login page" says which record is being changed.
  const editing = record === null ? meta.label : recordTitle(meta.display, record);
  // A record whose own values close editing (a refuseWhen rule) gets the reason, not a form whose Save would be refused.
  const refused = mode === 'edit' && record !== null ? refusal(meta, 'update', record) : undefined;
  const title = mode === 'create' ? 'New ' + meta.label.toLowerCase() : 'Edit ' + editing.charAt(0).toLowerCase() + editing.slice(1);
  return (
    <section>
      <p>
        <Link to={mode === 'edit' && id !== undefined ? meta.route + '/' + id : meta.route}>← Back</Link>
      </p>
      <h1>{title}</h1>
      {refused ? (
        <p className="state state-refused" role="note">
          {refused}
        </p>
      ) : (
        <EntityForm
          meta={meta}
          mode={mode}
          initial={initialValues(meta, record ?? undefined, presets)}
          submitLabel={mode === 'create' ? 'Create ' + meta.label.toLowerCase() : 'Save changes'}
          onSubmit={async (payload) => {
            const saved = await save(payload, id);
            navigate(meta.route + '/' + saved.id);
          }}
        />
      )}
    </section>
  );
}
