// Pickers for belongsTo (one id) and many-to-many (several ids) relations, with options loaded
// from the related entity's list endpoint; a chosen record past its first page is named too.
import { useEffect, useState } from 'react';
import { MAX_PAGE_SIZE, request, toQuery, type Page } from '../api/client';
import { recordLabel } from '../forms/format';
import type { RelationMeta } from '../forms/meta';
import type { FormValue } from '../forms/values';
import { errorMessage } from './States';
import { FieldError } from './FieldInput';
import { useRecordNames } from './useRecordNames';

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
        if (!cancelled) setOptions(page.items.map((item) => ({ value: String(item.id), label: recordLabel(relation.display, item) })));
      },
      (failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [relation.optionsPath, relation.display]);
  return { options, error };
}

/** The loaded options plus any chosen record they leave out (only the first page is offered). */
function useWithChosen(relation: RelationMeta, options: Option[] | null, value: FormValue | undefined): Option[] | null {
  const chosen = (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === 'string' && id !== '');
  const missing = options === null ? [] : chosen.filter((id) => !options.some((option) => option.value === id));
  const nameOf = useRecordNames([relation], missing.length ? [{ [relation.key]: missing.map(Number) }] : null);
  return options === null ? null : [...options, ...missing.map((id) => ({ value: id, label: nameOf(relation, Number(id)) }))];
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
  const { options: loaded, error: loadError } = useRelationOptions(relation);
  const options = useWithChosen(relation, loaded, value);
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
