// One labelled input per field type; the error message sits right under its input.
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
  locked,
  onChange,
}: {
  field: FieldMeta;
  value: FormValue | undefined;
  error?: string;
  /** Enum values offered (a status workflow narrows them); all when undefined. */
  allowed?: readonly string[];
  /** Why the signed-in user may not give this field a value (a role rule on the field): shown, input disabled. */
  locked?: string;
  onChange: (value: FormValue) => void;
}) {
  const id = 'field-' + field.name;
  const errorId = id + '-error';
  const noteId = id + '-note';
  const describedBy = [error ? errorId : '', locked ? noteId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: field.name,
    disabled: locked ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
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
      {locked && (
        <p id={noteId} className="field-note">
          {locked}
        </p>
      )}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
