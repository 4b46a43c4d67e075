// One record: its fields, links to its parents, its has-many lists, edit and delete.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DEFAULT_PAGE_SIZE, type ListParams, type Page } from '../api/client';
import { useCan, useRefusal } from '../auth/permissions';
import { formatValue, recordLabel, recordTitle } from '../forms/format';
import type { ChildMeta, EntityMeta, FieldMeta } from '../forms/meta';
import { fieldsOf, type Row } from './EntityListPage';
import { Pagination } from './Pagination';
import { Empty, ErrorMessage, Loading, errorMessage } from './States';
import { relatedIds, useRecordNames } from './useRecordNames';

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
                .filter((field) => !child.display.fields.includes(field.name))
                .map((field) => field.label + ': ' + formatValue(field, record[field.name]))
                .join(' · ');
              return (
                <li key={row.id}>
                  <Link to={child.route + '/' + row.id}>{recordLabel(child.display, record)}</Link>
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

/** A field's value; long text keeps its line breaks, one paragraph per line. */
function FieldValue({ field, value }: { field: FieldMeta; value: unknown }) {
  if (field.kind !== 'text' || typeof value !== 'string' || value.trim() === '') return <>{formatValue(field, value)}</>;
  return (
    <div className="multiline">
      {value.split(/\r?\n/).map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
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
  const refusal = useRefusal();
  const [record, setRecord] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const nameOf = useRecordNames([...meta.filters, ...meta.many], record === null ? null : [record]);

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
  const mayEdit = can(meta, 'update', record);
  const mayDelete = can(meta, 'delete', record);
  // A rule on the record's own values ("shipped orders cannot be changed") closes the action: say so instead of a button the API would refuse.
  const editRefused = mayEdit ? refusal(meta, 'update', record) : undefined;
  const deleteRefused = mayDelete ? refusal(meta, 'delete', record) : undefined;
  const refusals = [...new Set([editRefused, deleteRefused].filter((note): note is string => note !== undefined))];
  return (
    <article>
      <p>
        <Link to={meta.route}>← All {meta.pluralLabel.toLowerCase()}</Link>
      </p>
      <div className="page-header">
        <h1>{recordTitle(meta.display, record)}</h1>
        {!meta.readOnly && (
          <div className="actions">
            {mayEdit && !editRefused && (
              <Link className="button" to={meta.route + '/' + id + '/edit'}>
                Edit
              </Link>
            )}
            {mayDelete && !deleteRefused && (
              <button type="button" className="danger" onClick={handleDelete}>
                Delete
              </button>
            )}
          </div>
        )}
      </div>
      {!meta.readOnly &&
        refusals.map((note) => (
          <p key={note} className="state state-refused" role="note">
            {note}
          </p>
        ))}
      {deleteError && (
        <p className="state state-error" role="alert">
          {deleteError}
        </p>
      )}
      <dl className="details">
        {meta.fields.map((field) => (
          <div key={field.name}>
            <dt>{field.label}</dt>
            <dd>
              <FieldValue field={field} value={record[field.name]} />
            </dd>
          </div>
        ))}
        {[...meta.filters, ...meta.many].map((relation) => {
          const ids = relatedIds(relation, record);
          return (
            <div key={relation.key}>
              <dt>{relation.label}</dt>
              <dd>
                {ids.length === 0
                  ? '—'
                  : ids.map((related) => (
                      <Link key={related} className={relation.many ? 'tag' : undefined} to={relation.route + '/' + related}>
                        {nameOf(relation, related)}
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
