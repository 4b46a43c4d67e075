// A paged, searchable table of one entity, filterable by its parent relations. Page, search
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
import { useRecordNames } from './useRecordNames';

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
  const nameOf = useRecordNames(meta.filters, state.status === 'ready' ? state.data.items.map(fieldsOf) : null);
  const nameField = meta.fields.find((field) => field.name === meta.display.fields[0]);
  const otherColumns = meta.columns.filter((field) => !meta.display.fields.includes(field.name));

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    const sort = searchParams.get('sort');
    const params: ListParams = {
      page,
      pageSize: DEFAULT_PAGE_SIZE,
      q: (meta.searchable && q) || undefined,
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
        {meta.searchable && (
          <form role="search" onSubmit={handleSearch} className="field field-inline">
            <label htmlFor="list-search">Search</label>
            <input id="list-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
            <button type="submit">Search</button>
          </form>
        )}
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
        <Empty>{(meta.searchable && q) || meta.filters.some((r) => searchParams.get(r.key)) ? 'Nothing matches.' : 'No ' + meta.pluralLabel.toLowerCase() + ' yet.'}</Empty>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <SortHeader name={nameField?.name ?? 'id'} label={nameField?.label ?? meta.label} searchParams={searchParams} onSort={update} />
                {meta.filters.map((relation) => (
                  <th key={relation.key} scope="col">
                    {relation.label}
                  </th>
                ))}
                {otherColumns.map((field) => (
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
                      <Link to={meta.route + '/' + row.id}>{recordLabel(meta.display, record)}</Link>
                    </td>
                    {meta.filters.map((relation) => {
                      const related = record[relation.key];
                      return (
                        <td key={relation.key}>
                          {typeof related === 'number' ? <Link to={relation.route + '/' + related}>{nameOf(relation, related)}</Link> : '—'}
                        </td>
                      );
                    })}
                    {otherColumns.map((field) => (
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
