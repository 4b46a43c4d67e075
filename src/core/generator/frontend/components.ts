// Spec-independent React components copied into every generated app: loading/error/empty
// states, pagination, inputs per field type, relation pickers, the entity form and the generic
// list/detail/form pages that each entity's page module wires to its typed API.
// (Generated code avoids template literals so these strings need no escaping.)
import type { FileSet } from '../fileSet';
import { allSources, type FrontendModel } from './model';

const STATES_TSX = `// Loading, error and empty states, and the one place API errors become sentences.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'forbidden') return 'You are not allowed to do this.';
    if (error.code === 'not_found') return 'Not found. It may have been deleted.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function Loading({ what = 'Loading…' }: { what?: string }) {
  return (
    <p className="state state-loading" role="status">
      {what}
    </p>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  return (
    <p className="state state-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
`;

const PAGINATION_TSX = `// Previous/next paging for list responses { items, total, page, pageSize }.
export function Pagination({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous
      </button>
      <span>
        Page {page} of {pages} ({total} total)
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next
      </button>
    </nav>
  );
}
`;

const FIELD_INPUT_TSX = `// One labelled input per field type; the error message sits right under its input.
import type { ReactNode } from 'react';
import type { FieldMeta } from '../forms/meta';
import type { FormValue } from '../forms/values';

const INPUT_TYPES: Record<string, string> = {
  string: 'text',
  integer: 'number',
  decimal: 'number',
  money: 'number',
  date: 'date',
  datetime: 'datetime-local',
  email: 'email',
  url: 'url',
};

const STEPS: Record<string, string> = { integer: '1', decimal: 'any', money: '0.01' };

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

export function FieldInput({
  field,
  value,
  error,
  allowed,
  onChange,
}: {
  field: FieldMeta;
  value: FormValue | undefined;
  error?: string;
  /** Enum values offered (a status workflow narrows them); all when undefined. */
  allowed?: readonly string[];
  onChange: (value: FormValue) => void;
}) {
  const id = 'field-' + field.name;
  const errorId = id + '-error';
  const common = {
    id,
    name: field.name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-required': field.required || undefined,
  };
  const text = typeof value === 'string' ? value : '';
  let control: ReactNode;
  if (field.kind === 'boolean') {
    control = <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
  } else if (field.kind === 'text') {
    control = <textarea {...common} rows={4} value={text} onChange={(event) => onChange(event.target.value)} />;
  } else if (field.kind === 'enum') {
    control = (
      <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
        <option value="">{field.required ? 'Choose…' : '(none)'}</option>
        {field.options
          ?.filter((option) => !allowed || allowed.includes(option.value))
          .map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type={INPUT_TYPES[field.kind] ?? 'text'}
        step={STEPS[field.kind]}
        min={field.min}
        max={field.max}
        inputMode={field.kind === 'money' || field.kind === 'decimal' ? 'decimal' : undefined}
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className={field.kind === 'boolean' ? 'field field-checkbox' : 'field'}>
      <label htmlFor={id} className={field.required ? 'required' : undefined}>
        {field.label}
      </label>
      {control}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
`;

const RELATION_SELECT_TSX = `// Pickers for belongsTo (one id) and many-to-many (several ids) relations, with options loaded
// from the related entity's list endpoint.
import { useEffect, useState } from 'react';
import { MAX_PAGE_SIZE, request, toQuery, type Page } from '../api/client';
import { recordLabel } from '../forms/format';
import type { RelationMeta } from '../forms/meta';
import type { FormValue } from '../forms/values';
import { errorMessage } from './States';
import { FieldError } from './FieldInput';

export interface Option {
  value: string;
  label: string;
}

/** Options for a relation: null while loading. Only the first MAX_PAGE_SIZE records are offered. */
export function useRelationOptions(relation: RelationMeta): { options: Option[] | null; error: string | null } {
  const [options, setOptions] = useState<Option[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    request<Page<Record<string, unknown>>>('GET', relation.optionsPath + toQuery({ pageSize: MAX_PAGE_SIZE })).then(
      (page) => {
        if (!cancelled) setOptions(page.items.map((item) => ({ value: String(item.id), label: recordLabel(relation.labelField, item) })));
      },
      (failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [relation.optionsPath, relation.labelField]);
  return { options, error };
}

export function RelationSelect({
  relation,
  value,
  error,
  onChange,
}: {
  relation: RelationMeta;
  value: FormValue | undefined;
  error?: string;
  onChange: (value: FormValue) => void;
}) {
  const { options, error: loadError } = useRelationOptions(relation);
  const id = 'field-' + relation.key;
  const errorId = id + '-error';
  const shownError = error ?? (loadError ? 'Could not load choices: ' + loadError : undefined);
  const common = {
    id,
    name: relation.key,
    'aria-invalid': shownError ? true : undefined,
    'aria-describedby': shownError ? errorId : undefined,
    'aria-required': relation.required || undefined,
    'aria-busy': options === null || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id} className={relation.required ? 'required' : undefined}>
        {relation.label}
      </label>
      {relation.many ? (
        <select
          {...common}
          multiple
          value={Array.isArray(value) ? value : []}
          onChange={(event) => onChange(Array.from(event.target.selectedOptions, (option) => option.value))}
        >
          {(options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)}>
          <option value="">{options === null ? 'Loading…' : relation.required ? 'Choose…' : '(none)'}</option>
          {(options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
      <FieldError id={errorId} error={shownError} />
    </div>
  );
}
`;

const ENTITY_FORM_TSX = `// The create/edit form: validates with the entity's zod schema before sending, then shows the
// server's validation_failed details next to the matching inputs.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { EntityMeta } from '../forms/meta';
import { issuesToErrors, serverFieldErrors } from '../forms/validation';
import { allowedValues, toPayload, type FormValue, type FormValues, type Mode } from '../forms/values';
import { FieldInput } from './FieldInput';
import { RelationSelect } from './RelationSelect';
import { errorMessage } from './States';

export function EntityForm({
  meta,
  mode,
  initial,
  submitLabel,
  onSubmit,
}: {
  meta: EntityMeta;
  mode: Mode;
  initial: FormValues;
  submitLabel: string;
  onSubmit: (payload: Record<string, unknown>) => Promise<void>;
}) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (key: string) => (value: FormValue) => setValues((current) => ({ ...current, [key]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const payload = toPayload(meta, values, mode);
    const result = meta.schema.safeParse(payload);
    if (!result.success) {
      setErrors(issuesToErrors(result.error.issues));
      setFormError('Please correct the highlighted fields.');
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    try {
      await onSubmit(payload);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation_failed') setErrors(serverFieldErrors(error.details));
      setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="entity-form" onSubmit={handleSubmit} noValidate>
      {meta.fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={values[field.name]}
          error={errors[field.name]}
          allowed={allowedValues(field, mode, initial[field.name])}
          onChange={set(field.name)}
        />
      ))}
      {[...meta.parents, ...meta.many].map((relation) => (
        <RelationSelect key={relation.key} relation={relation} value={values[relation.key]} error={errors[relation.key]} onChange={set(relation.key)} />
      ))}
      {formError && (
        <p className="state state-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
`;

const LIST_PAGE_TSX = `// A paged, searchable table of one entity, filterable by its parent relations. Page, search
// and filters live in the URL so a list can be linked and survives reloads.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DEFAULT_PAGE_SIZE, type ListParams, type Page } from '../api/client';
import { formatValue, recordLabel } from '../forms/format';
import type { EntityMeta, RelationMeta } from '../forms/meta';
import { useCan } from '../auth/permissions';
import { Pagination } from './Pagination';
import { useRelationOptions } from './RelationSelect';
import { Empty, ErrorMessage, Loading } from './States';

export type Row = { id: number };
export type ListFn = (params: ListParams) => Promise<Page<Row>>;

/** Records are read generically by field name. */
export function fieldsOf(row: Row): Record<string, unknown> {
  return row as unknown as Record<string, unknown>;
}

type LoadState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

function RelationFilter({ relation, value, onChange }: { relation: RelationMeta; value: string; onChange: (value: string) => void }) {
  const { options } = useRelationOptions(relation);
  const id = 'filter-' + relation.key;
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{relation.label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {(options ?? []).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A column header that sorts by its field: first ascending, then descending (aria-sort says which). */
function SortHeader({
  name,
  label,
  searchParams,
  onSort,
}: {
  name: string;
  label: string;
  searchParams: URLSearchParams;
  onSort: (changes: Record<string, string>) => void;
}) {
  const active = searchParams.get('sort') === name;
  const descending = active && searchParams.get('order') === 'desc';
  return (
    <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        className="sort"
        onClick={() => onSort({ sort: name, order: active && !descending ? 'desc' : 'asc', page: '' })}
      >
        {label}
        {active ? (descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}

export function EntityListPage({ meta, list }: { meta: EntityMeta; list: ListFn }) {
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('page') ?? '1') || 1);
  const q = searchParams.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [state, setState] = useState<LoadState<Page<Row>>>({ status: 'loading' });
  const queryKey = searchParams.toString();

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    const sort = searchParams.get('sort');
    const params: ListParams = {
      page,
      pageSize: DEFAULT_PAGE_SIZE,
      q: q || undefined,
      sort: sort ?? undefined,
      order: sort ? (searchParams.get('order') === 'desc' ? 'desc' : 'asc') : undefined,
    };
    for (const relation of meta.filters) {
      const value = searchParams.get(relation.key);
      if (value) params[relation.key] = Number(value);
    }
    list(params).then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
    // The query string holds every input of the request.
  }, [queryKey, list, meta]);

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next);
  }

  function handleSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: search.trim(), page: '' });
  }

  return (
    <section>
      <div className="page-header">
        <h1>{meta.pluralLabel}</h1>
        {!meta.readOnly && can(meta, 'create') && (
          <Link className="button primary" to={meta.route + '/new'}>
            New {meta.label.toLowerCase()}
          </Link>
        )}
      </div>
      <div className="toolbar">
        <form role="search" onSubmit={handleSearch} className="field field-inline">
          <label htmlFor="list-search">Search</label>
          <input id="list-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          <button type="submit">Search</button>
        </form>
        {meta.filters.map((relation) => (
          <RelationFilter
            key={relation.key}
            relation={relation}
            value={searchParams.get(relation.key) ?? ''}
            onChange={(value) => update({ [relation.key]: value, page: '' })}
          />
        ))}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <Empty>{q || meta.filters.some((r) => searchParams.get(r.key)) ? 'Nothing matches.' : 'No ' + meta.pluralLabel.toLowerCase() + ' yet.'}</Empty>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <SortHeader
                  name={meta.labelField ?? 'id'}
                  label={meta.labelField ? (meta.fields.find((f) => f.name === meta.labelField)?.label ?? 'Name') : 'Id'}
                  searchParams={searchParams}
                  onSort={update}
                />
                {meta.columns
                  .filter((field) => field.name !== meta.labelField)
                  .map((field) => (
                    <SortHeader key={field.name} name={field.name} label={field.label} searchParams={searchParams} onSort={update} />
                  ))}
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((row) => {
                const record = fieldsOf(row);
                return (
                  <tr key={row.id}>
                    <td>
                      <Link to={meta.route + '/' + row.id}>{recordLabel(meta.labelField, record)}</Link>
                    </td>
                    {meta.columns
                      .filter((field) => field.name !== meta.labelField)
                      .map((field) => (
                        <td key={field.name}>{formatValue(field, record[field.name])}</td>
                      ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pagination page={state.data.page} pageSize={state.data.pageSize} total={state.data.total} onPage={(next) => update({ page: String(next) })} />
        </>
      )}
    </section>
  );
}
`;

const DETAIL_PAGE_TSX = `// One record: its fields, links to its parents, its has-many lists, edit and delete.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DEFAULT_PAGE_SIZE, type ListParams, type Page } from '../api/client';
import { useCan } from '../auth/permissions';
import { formatValue, recordLabel } from '../forms/format';
import type { ChildMeta, EntityMeta } from '../forms/meta';
import { fieldsOf, type Row } from './EntityListPage';
import { Pagination } from './Pagination';
import { Empty, ErrorMessage, Loading, errorMessage } from './States';

export type ChildListFn = (parentId: number, params?: ListParams) => Promise<Page<Row>>;

function ChildList({ child, parentId, list }: { child: ChildMeta; parentId: number; list: ChildListFn }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Row> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    setError(null);
    list(parentId, { page, pageSize: DEFAULT_PAGE_SIZE }).then(
      (result) => {
        if (!cancelled) setData(result);
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [list, parentId, page]);
  return (
    <section className="child-list" aria-label={child.label}>
      <div className="page-header">
        <h2>{child.label}</h2>
        {child.createKey && (
          <Link className="button" to={child.route + '/new?' + child.createKey + '=' + parentId}>
            {child.createLabel}
          </Link>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {error === null && data === null && <Loading />}
      {data && data.items.length === 0 && <Empty>None yet.</Empty>}
      {data && data.items.length > 0 && (
        <>
          <ul>
            {data.items.map((row) => {
              const record = fieldsOf(row);
              const details = child.columns
                .filter((field) => field.name !== child.labelField)
                .map((field) => field.label + ': ' + formatValue(field, record[field.name]))
                .join(' · ');
              return (
                <li key={row.id}>
                  <Link to={child.route + '/' + row.id}>{recordLabel(child.labelField, record)}</Link>
                  {details && <span className="muted"> — {details}</span>}
                </li>
              );
            })}
          </ul>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

export function EntityDetailPage({
  meta,
  get,
  remove,
  childLists,
}: {
  meta: EntityMeta;
  get: (id: number) => Promise<Row>;
  remove: (id: number) => Promise<void>;
  childLists: Record<string, ChildListFn>;
}) {
  const params = useParams();
  const id = Number(params.id);
  const navigate = useNavigate();
  const can = useCan();
  const [record, setRecord] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setRecord(null);
    setError(null);
    get(id).then(
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
  }, [get, id]);

  async function handleDelete() {
    if (!window.confirm('Delete this ' + meta.label.toLowerCase() + '? This cannot be undone.')) return;
    try {
      await remove(id);
      navigate(meta.route);
    } catch (failure) {
      setDeleteError(errorMessage(failure));
    }
  }

  if (error !== null) return <ErrorMessage error={error} />;
  if (record === null) return <Loading />;
  return (
    <article>
      <p>
        <Link to={meta.route}>← All {meta.pluralLabel.toLowerCase()}</Link>
      </p>
      <div className="page-header">
        <h1>
          {meta.label}: {recordLabel(meta.labelField, record)}
        </h1>
        {!meta.readOnly && (
          <div className="actions">
            {can(meta, 'update', record) && (
              <Link className="button" to={meta.route + '/' + id + '/edit'}>
                Edit
              </Link>
            )}
            {can(meta, 'delete', record) && (
              <button type="button" className="danger" onClick={handleDelete}>
                Delete
              </button>
            )}
          </div>
        )}
      </div>
      {deleteError && (
        <p className="state state-error" role="alert">
          {deleteError}
        </p>
      )}
      <dl className="details">
        {meta.fields.map((field) => (
          <div key={field.name}>
            <dt>{field.label}</dt>
            <dd>{formatValue(field, record[field.name])}</dd>
          </div>
        ))}
        {meta.filters.map((relation) => {
          const value = record[relation.key];
          return (
            <div key={relation.key}>
              <dt>{relation.label}</dt>
              <dd>{value === null || value === undefined ? '—' : <Link to={relation.route + '/' + String(value)}>#{String(value)}</Link>}</dd>
            </div>
          );
        })}
        {meta.many.map((relation) => {
          const value = record[relation.key];
          const ids = Array.isArray(value) ? value : [];
          return (
            <div key={relation.key}>
              <dt>{relation.label}</dt>
              <dd>
                {ids.length === 0
                  ? '—'
                  : ids.map((related) => (
                      <Link key={String(related)} className="tag" to={relation.route + '/' + String(related)}>
                        #{String(related)}
                      </Link>
                    ))}
              </dd>
            </div>
          );
        })}
      </dl>
      {meta.children.map((child) =>
        childLists[child.segment] ? <ChildList key={child.segment} child={child} parentId={id} list={childLists[child.segment]} /> : null,
      )}
    </article>
  );
}
`;

const FORM_PAGE_TSX = `// Create and edit pages around EntityForm: loads the record for edit, pre-fills relation ids
// from the query string for create (e.g. "Add task" on a project), and opens the saved record.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
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
  const title = mode === 'create' ? 'New ' + meta.label.toLowerCase() : 'Edit ' + meta.label.toLowerCase();
  return (
    <section>
      <p>
        <Link to={mode === 'edit' && id !== undefined ? meta.route + '/' + id : meta.route}>← Back</Link>
      </p>
      <h1>{title}</h1>
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
    </section>
  );
}
`;

export function generateComponents(model: FrontendModel, files: FileSet): void {
  const common = { layer: 'frontend/components', serves: ['frontend'], sources: allSources(model.spec) };
  const add = (name: string, content: string, explanation: string) =>
    files.add({ ...common, path: `frontend/src/components/${name}`, content, explanation });
  add('States.tsx', STATES_TSX, 'Loading, error and empty states shared by all pages, and the wording of API errors.');
  add('Pagination.tsx', PAGINATION_TSX, 'Previous/next paging for list endpoints (page, pageSize, total).');
  add('FieldInput.tsx', FIELD_INPUT_TSX, 'A labelled input per field type (text, textarea, number, checkbox, date, datetime-local, enum select, email, url) with its error message.');
  add('RelationSelect.tsx', RELATION_SELECT_TSX, "Relation pickers: selects whose options are loaded from the related entity's list endpoint.");
  add('EntityForm.tsx', ENTITY_FORM_TSX, "The create/edit form: client-side zod validation, then the server's validation_failed messages next to each field.");
  add('EntityListPage.tsx', LIST_PAGE_TSX, 'The generic list page: paged table with a search box and filters by parent relation, kept in the URL.');
  add('EntityDetailPage.tsx', DETAIL_PAGE_TSX, 'The generic detail page: fields, parent links, has-many lists, edit, and delete with confirmation.');
  add('EntityFormPage.tsx', FORM_PAGE_TSX, 'The generic create/edit page: loads the record to edit, pre-fills parent ids from the URL, opens the saved record.');
}
