// Names of related records (a task's project, a recipe's tags) for links, columns and chips.
// Records carry only the related ids, so the names are looked up once per related collection,
// with the same list request its picker makes, not once per row; ids that request did not
// return (past its first page) are read one by one.
import { useEffect, useState } from 'react';
import { MAX_PAGE_SIZE, request, toQuery, type Page } from '../api/client';
import { recordLabel } from '../forms/format';
import type { DisplayMeta, RelationMeta } from '../forms/meta';

type Named = Record<string, unknown> & { id: number };

function isRecord(value: unknown): value is Named {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number';
}

/** The related ids a relation holds in a record: one (`projectId`) or several (`tagIds`). */
export function relatedIds(relation: RelationMeta, record: Record<string, unknown>): number[] {
  const value = record[relation.key];
  const ids = Array.isArray(value) ? value : [value];
  return ids.filter((id): id is number => typeof id === 'number');
}

/** Collections to look up, each with the ids wanted from it. */
function wantedIds(relations: readonly RelationMeta[], records: readonly Record<string, unknown>[]) {
  const wanted = new Map<string, { display: DisplayMeta; ids: Set<number> }>();
  for (const relation of relations) {
    for (const record of records) {
      for (const id of relatedIds(relation, record)) {
        const entry = wanted.get(relation.optionsPath) ?? { display: relation.display, ids: new Set<number>() };
        entry.ids.add(id);
        wanted.set(relation.optionsPath, entry);
      }
    }
  }
  return wanted;
}

/** Names by `<collection>/<id>`; a record that cannot be read (deleted, not visible) is left out. */
async function loadNames(path: string, display: DisplayMeta, ids: Set<number>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const add = (record: unknown) => {
    if (isRecord(record) && ids.has(record.id)) names.set(path + '/' + record.id, recordLabel(display, record));
  };
  try {
    const page = await request<Page<unknown>>('GET', path + toQuery({ pageSize: MAX_PAGE_SIZE }));
    (Array.isArray(page?.items) ? page.items : []).forEach(add);
  } catch {
    // Not allowed to list them: the single reads below may still be.
  }
  const missing = [...ids].filter((id) => !names.has(path + '/' + id));
  await Promise.all(missing.map((id) => request<unknown>('GET', path + '/' + id).then(add, () => undefined)));
  return names;
}

/** `nameOf(relation, id)`: the related record's name, or "<entity> #<id>" until (or unless) it is known. */
export function useRecordNames(relations: readonly RelationMeta[], records: readonly Record<string, unknown>[] | null) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = wantedIds(relations, records ?? []);
  // A stable key of what is wanted, so the effect runs when the ids change, not on every render.
  const key = JSON.stringify([...wanted].map(([path, { ids }]) => [path, [...ids].sort((a, b) => a - b)]));
  useEffect(() => {
    let cancelled = false;
    const current = wantedIds(relations, records ?? []);
    Promise.all([...current].map(([path, { display, ids }]) => loadNames(path, display, ids))).then((maps) => {
      if (!cancelled) setNames(new Map(maps.flatMap((map) => [...map])));
    });
    return () => {
      cancelled = true;
    };
    // `key` holds every input of the lookup.
  }, [key]);
  return (relation: RelationMeta, id: number): string => names.get(relation.optionsPath + '/' + id) ?? relation.display.entity + ' #' + id;
}
