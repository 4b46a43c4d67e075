// Email/password auth in the browser: the auth context (token in localStorage, current user,
// logout, redirect to the login page on 401), the route guard, and the login/register pages.
import type { LayerTable } from '../layerFiles';
import authContext from '../templates/frontend/src/auth/AuthContext.tsx?text';
import { humanize } from '../../../model/project/naming';
import type { Field } from '../../../model/project/projectSpec';
import { USER_ENTITY } from '../../../model/project/specIndex';
import { fieldRoleRules } from '../../../model/project/roleRules';
import { fieldSchema } from './entities';
import { authSources, str, type FrontendModel } from './model';

export const PASSWORD_MIN_LENGTH = 8;

/** The login page: the form is the same in every project; the register link only with self-signup. */
function loginPage(selfSignup: boolean): string {
  const registerLink = `      <p>
        No account yet? <Link to="/register">Register</Link>
      </p>
`;
  return loginImports(selfSignup) + LOGIN_FORM + (selfSignup ? registerLink : '') + `    </section>
  );
}
`;
}

function loginImports(selfSignup: boolean): string {
  return `// The login form: email and password, then back to the page that asked for it.
import { useState, type FormEvent } from 'react';
import { ${selfSignup ? 'Link, ' : ''}useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { errorMessage } from '../components/States';
`;
}

/** LoginPage up to the end of its form: state, submit (back to the page that asked) and the fields. */
const LOGIN_FORM = `
export function LoginPage() {
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? 'Wrong email or password.' : errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page">
      <h1>Log in</h1>
      <form onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input id="login-email" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error && (
          <p className="state state-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Logging in…' : 'Log in'}
          </button>
        </div>
      </form>
`;

/** The register page: FIELDS and registerSchema follow the user's own fields; the component is the same everywhere. */
function registerPage(extraFields: Field[]): string {
  const metaItems = extraFields.map(
    (f) =>
      `  { name: ${str(f.name)}, label: ${str(f.label)}, kind: ${str(f.type)}, required: ${f.required}${
        f.type === 'enum' ? `, options: [${(f.enumValues ?? []).map((v) => `{ value: ${str(v)}, label: ${str(humanize(v))} }`).join(', ')}]` : ''
      } },`,
  );
  const schemaItems = extraFields.map((f) => `  ${f.name}: ${fieldSchema(f)},`);
  return `// Self-service registration: email, password and the user's own fields.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import type { RegisterInput } from '../api/auth';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { FieldInput } from '../components/FieldInput';
import { errorMessage } from '../components/States';
import type { FieldMeta } from '../forms/meta';
import { issuesToErrors, needs, serverFieldErrors } from '../forms/validation';
import { toPayload, type FormValue, type FormValues } from '../forms/values';

export const PASSWORD_MIN_LENGTH = ${PASSWORD_MIN_LENGTH};

const FIELDS: FieldMeta[] = [
  { name: 'email', label: 'Email', kind: 'email', required: true },
${metaItems.join('\n')}
];

export const registerSchema = z.object({
  email: z.email({ error: needs('Email', 'a valid email address') }),
  password: z.string({ error: needs('Password', 'text') }).min(PASSWORD_MIN_LENGTH, 'Password must be at least ' + PASSWORD_MIN_LENGTH + ' characters'),
${schemaItems.join('\n')}
});
` + REGISTER_COMPONENT;
}

/** RegisterPage: client-side validation with registerSchema, then the server's answer (field errors, taken email). */
const REGISTER_COMPONENT = `
export function RegisterPage() {
  const { register } = useAuth();
  const navigate = useNavigate();
  const [values, setValues] = useState<FormValues>(() => Object.fromEntries(FIELDS.map((field) => [field.name, field.kind === 'boolean' ? false : ''])));
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: string) => (value: FormValue) => setValues((current) => ({ ...current, [key]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = {
      ...toPayload({ fields: FIELDS, parents: [], many: [] }, values, 'create'),
      password: password === '' ? undefined : password,
    };
    const result = registerSchema.safeParse(body);
    if (!result.success) {
      setErrors(issuesToErrors(result.error.issues));
      setFormError('Please correct the highlighted fields.');
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      await register(body as RegisterInput);
      navigate('/', { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'validation_failed') setErrors(serverFieldErrors(failure.details));
      setFormError(failure instanceof ApiError && failure.code === 'conflict' ? 'An account with this email already exists.' : errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page">
      <h1>Register</h1>
      <form onSubmit={handleSubmit} noValidate>
        {FIELDS.map((field) => (
          <FieldInput key={field.name} field={field} value={values[field.name]} error={errors[field.name]} onChange={set(field.name)} />
        ))}
        <div className="field">
          <label htmlFor="register-password" className="required">
            Password
          </label>
          <input
            id="register-password"
            type="password"
            autoComplete="new-password"
            aria-describedby="register-password-hint"
            aria-invalid={errors.password ? true : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <p id="register-password-hint" className={errors.password ? 'field-error' : 'muted'}>
            {errors.password ?? 'At least ' + PASSWORD_MIN_LENGTH + ' characters.'}
          </p>
        </div>
        {formError && (
          <p className="state state-error" role="alert">
            {formError}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating account…' : 'Create account'}
          </button>
        </div>
      </form>
      <p>
        Already registered? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
`;

/** User fields the register form asks for besides email and password. */
export function registerFields(model: FrontendModel): Field[] {
  const user = model.byName.get(USER_ENTITY);
  // (A field only some roles may set is no sign-up's: the API leaves it out of the register body.)
  const locked = new Set(fieldRoleRules(model.spec.rules).filter((r) => r.entity === USER_ENTITY && r.actions.includes('create')).flatMap((r) => r.fields));
  return (user?.entity.fields ?? []).filter((f) => !['email', 'password', 'role'].includes(f.name) && !locked.has(f.name));
}

/** Which buttons to show: mirrors the API's roleRequired and ownership checks (the API still decides). */
function permissionsTs(model: FrontendModel): string {
  if (model.spec.auth.kind !== 'emailPassword') {
    return `// Without sign-in every action is open to everyone; the API has no access rules either.
import type { Action, EntityMeta, FieldMeta } from '../forms/meta';
import { refusalFor } from '../forms/refusals';

export function useCan(): (meta: EntityMeta, action: Action, record?: Record<string, unknown>) => boolean {
  return () => true;
}

/** Every field is open to everyone. */
export function useLockedNote(): (field: FieldMeta, mode: 'create' | 'edit') => string | undefined {
  return () => undefined;
}

/** Why the record's own values close this action (a refuseWhen rule), or undefined when they do not. */
export function useRefusal(): (meta: EntityMeta, action: Action, record: Record<string, unknown>) => string | undefined {
  return (meta, action, record) => refusalFor(meta, action, record)?.message;
}
`;
  }
  const adminRole = model.spec.auth.adminRole;
  return `// Which actions to offer the signed-in user, mirroring the API's role and ownership rules so
// the UI does not show buttons that would only end in "forbidden". The API still decides.
import type { Action, EntityMeta, FieldMeta } from '../forms/meta';
import { refusalFor } from '../forms/refusals';
import { useOptionalAuth } from './AuthContext';

export const ADMIN_ROLE: string | null = ${adminRole ? str(adminRole) : 'null'};

export function useCan(): (meta: EntityMeta, action: Action, record?: Record<string, unknown>) => boolean {
  const user = useOptionalAuth()?.user ?? null;
  return (meta, action, record) => {
    // Until the user is known, offer everything and let the API answer.
    if (!user || user.role === ADMIN_ROLE) return true;
    const roles = meta.roles[action];
    if (roles && !roles.includes(user.role)) return false;
    if (record && meta.owner && meta.owner.actions.includes(action) && record[meta.owner.key] !== user.id && !meta.owner.managers?.[action]?.includes(user.role)) return false;
    return true;
  };
}

/**
 * Why the signed-in user may not give a field a value in a create or edit form (a role rule on the
 * field, "only managers can change prices"), or undefined when they may. The form shows the field
 * read-only with this note and does not send it; the API refuses such a change anyway.
 */
export function useLockedNote(): (field: FieldMeta, mode: 'create' | 'edit') => string | undefined {
  const user = useOptionalAuth()?.user ?? null;
  return (field, mode) => {
    const roles = field.roles?.[mode === 'create' ? 'create' : 'update'];
    if (!roles || !user || user.role === ADMIN_ROLE || roles.includes(user.role)) return undefined;
    return \`Only \${roles.join(' or ')} users may \${mode === 'create' ? 'set' : 'change'} this.\`;
  };
}

/**
 * Why the record's own values close this action to the signed-in user (a refuseWhen rule: "this order
 * is shipped"), or undefined. The rule's excepted roles pass, and with them the admin, as in the API.
 */
export function useRefusal(): (meta: EntityMeta, action: Action, record: Record<string, unknown>) => string | undefined {
  const user = useOptionalAuth()?.user ?? null;
  return (meta, action, record) => {
    // Until the user is known, let the API answer (as useCan does).
    if (!user) return undefined;
    return refusalFor(meta, action, record, user.role, user.role === ADMIN_ROLE)?.message;
  };
}
`;
}

/** Role and ownership rules: what the permissions module mirrors. */
const accessRules = (model: FrontendModel) => model.spec.rules.filter((r) => r.kind === 'roleRequired' || r.kind === 'ownership');
const hasAuth = (model: FrontendModel) => model.hasAuth;

export const AUTH_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/auth',
  serves: ['auth'],
  sources: (model) => authSources(model.spec),
  files: [
    {
      path: 'frontend/src/auth/permissions.ts',
      content: permissionsTs,
      explanation: (model) =>
        model.hasAuth
          ? 'Decides which create/edit/delete buttons the signed-in user sees, mirroring the role and ownership rules the API enforces.'
          : 'Without sign-in every action is allowed; the pages ask this module so they work the same with or without auth.',
      serves: (model) => (model.hasAuth ? ['auth', ...accessRules(model).map((r) => `rule:${r.kind}:${r.entity}`)] : ['frontend']),
      sources: (model) => (model.hasAuth ? [...authSources(model.spec), ...accessRules(model).flatMap((r) => r.sources)] : []),
    },
    {
      path: 'frontend/src/auth/AuthContext.tsx',
      content: authContext,
      when: hasAuth,
      explanation:
        'The auth context: keeps the token in localStorage, loads the signed-in user, logs out, sends the user to the login page on any 401, and guards the app routes.',
    },
    {
      path: 'frontend/src/pages/LoginPage.tsx',
      content: (model) => loginPage(model.selfSignup),
      when: hasAuth,
      explanation: 'The login page: posts email and password to /api/auth/login and returns to the page that required signing in.',
    },
    {
      path: 'frontend/src/pages/RegisterPage.tsx',
      content: (model) => registerPage(registerFields(model)),
      when: (model) => model.hasAuth && model.selfSignup,
      explanation: `The registration page: email, password (at least ${PASSWORD_MIN_LENGTH} characters) and the user's own fields, posted to /api/auth/register.`,
    },
  ],
};
