// Error messages: zod issues from the generated schemas and the server's validation_failed
// details, both turned into { field: message } so each message shows next to its input.

/** zod error map: "X is required" for a missing value, "X must be <what>" otherwise. */
export function needs(label: string, what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null || issue.input === '' ? label + ' is required' : label + ' must be ' + what;
}

export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/**
 * Reads field messages from the server's error details. Accepts the common shapes:
 * [{ path | field, message }], { fieldErrors: { field: [messages] } }, { issues: [...] }
 * and a plain { field: message } object.
 */
export function serverFieldErrors(details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (path: unknown, message: unknown) => {
    const key = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path.split('.')[0] : '';
    const text = Array.isArray(message) ? message[0] : message;
    if (key && typeof text === 'string' && !(key in errors)) errors[key] = text;
  };
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object') {
          const entry = item as Record<string, unknown>;
          add(entry.path ?? entry.field, entry.message);
        }
      }
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('fieldErrors' in record) visit(record.fieldErrors);
      else if ('issues' in record) visit(record.issues);
      else if ('fields' in record) visit(record.fields);
      else for (const [key, message] of Object.entries(record)) add(key, message);
    }
  };
  visit(details);
  return errors;
}
