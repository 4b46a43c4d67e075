// The create/edit form: validates with the entity's zod schema before sending, then shows the
// server's validation_failed details next to the matching inputs.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useLockedNote } from '../auth/permissions';
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

  const lockedNote = useLockedNote();
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
    // Fields this user may not set are left to the server (their stored value or default stands).
    for (const field of meta.fields) if (lockedNote(field, mode)) delete payload[field.name];
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
          locked={lockedNote(field, mode)}
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
