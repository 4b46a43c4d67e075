// frontend/src/test/auth.test.tsx: login, the 401 redirect, registration, and buttons that follow
// the ownership and role rules.
import { withArticle } from '../../../../model/project/naming';
import { TOKEN_STORAGE_SUFFIX } from '../api';
import { PASSWORD_MIN_LENGTH, registerFields } from '../auth';
import { type FrontendModel, str } from '../model';
import { singleQuotedText } from '../../emit';
import { pageComponents } from '../pages';
import { DATES_IMPORT, expectedPayloadValue, sampleInput, sampleRecord, withDatesImport } from './sampleValues';
import { recordTitleCode } from './recordNames';
import { ownerOnlyActions } from '../../ownership';
import { fieldRoleRules, recordRoleRules } from '../../../../model/project/roleRules';
import { refusalCase, refusalImports, refusalTests } from './refusalTests';

/** Named imports from the same module merged into one statement (two tests may import the same page). */
function mergeImports(imports: readonly string[]): string[] {
  const byModule = new Map<string, Set<string>>();
  const others: string[] = [];
  for (const line of imports) {
    const named = /^import \{ ([^}]+) \} from '([^']+)';$/.exec(line);
    if (!named) {
      others.push(line);
      continue;
    }
    const names = byModule.get(named[2]) ?? new Set<string>();
    for (const name of named[1].split(',')) names.add(name.trim());
    byModule.set(named[2], names);
  }
  return [...[...byModule].map(([module, names]) => `import { ${[...names].sort().join(', ')} } from '${module}';`), ...others];
}

/** Tests that buttons follow the ownership and role rules (the first entity with each rule). */
function permissionTests(model: FrontendModel): { imports: string[]; tests: string } {
  if (model.spec.auth.kind !== 'emailPassword') return { imports: [], tests: '' };
  const { roles, adminRole, defaultRole } = model.spec.auth;
  const imports: string[] = [];
  let tests = '';
  const owned = model.entities.find((e) => !e.readOnly && ownerOnlyActions(model.spec, e.entity.name).includes('delete'));
  const plainRole = defaultRole !== adminRole ? defaultRole : roles.find((r) => r !== adminRole);
  if (owned && plainRole) {
    const pages = pageComponents(owned);
    imports.push(`import { ${pages.detail} } from '../pages/${owned.names.route}';`);
    tests += `
  it('hides delete on ${withArticle(singleQuotedText(owned.entity.label.toLowerCase()))} the user does not own', async () => {
    localStorage.setItem(TOKEN_KEY, 'token');
    mockFetch((call) => {
      if (call.url === '/api/auth/me') return { body: { user: { ...USER, id: 2, role: ${str(plainRole)} } } };
      if (call.url === ${str(`${owned.apiPath}/1`)}) return { body: ${sampleRecord(owned)} };
      return undefined;
    });
    renderWithAuth(${str(`${owned.route}/1`)}, ${str(`${owned.route}/:id`)}, <${pages.detail} />);
    expect(await screen.findByRole('heading', { name: ${recordTitleCode(owned)} })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull());
  });
`;
  }
  for (const entity of model.entities) {
    if (entity.readOnly) continue;
    const rule = recordRoleRules(model.index.rulesFor(entity.entity.name)).find((r) => r.actions.includes('create'));
    if (!rule) continue;
    const outsider = roles.find((r) => r !== adminRole && !rule.roles.includes(r));
    if (!outsider) continue;
    const pages = pageComponents(entity);
    imports.push(`import { ${pages.list} } from '../pages/${entity.names.route}';`);
    tests += `
  it('hides "New ${singleQuotedText(entity.entity.label.toLowerCase())}" from ${outsider} users', async () => {
    localStorage.setItem(TOKEN_KEY, 'token');
    mockFetch((call) => (call.url === '/api/auth/me' ? { body: { user: { ...USER, role: ${str(outsider)} } } } : undefined));
    renderWithAuth(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByText(${str(`No ${entity.entity.pluralLabel.toLowerCase()} yet.`)})).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: ${str(`New ${entity.entity.label.toLowerCase()}`)} })).toBeNull());
  });
`;
    break;
  }
  tests += lockedFieldTest(model, imports);
  const refusal = refusalCase(model);
  if (refusal?.role) {
    imports.push(...refusalImports(refusal));
    tests += refusalTests(refusal, {
      render: (url, path, page) => `renderWithAuth(${str(url)}, ${str(path)}, ${page});`,
      setup: `    localStorage.setItem(TOKEN_KEY, 'token');\n`,
      mock: `      if (call.url === '/api/auth/me') return { body: { user: { ...USER, role: ${str(refusal.role)} } } };\n`,
      record: sampleRecord(refusal.entity),
    });
  }
  return { imports: mergeImports(imports), tests: tests ? `\ndescribe('permissions', () => {${tests}});\n` : '' };
}

/** A role rule on a field (the first): its owner without the role sees it read-only on the edit form, with why. */
function lockedFieldTest(model: FrontendModel, imports: string[]): string {
  if (model.spec.auth.kind !== 'emailPassword') return '';
  const { roles, adminRole } = model.spec.auth;
  for (const entity of model.entities) {
    const pages = pageComponents(entity);
    const rule = fieldRoleRules(model.index.rulesFor(entity.entity.name)).find((r) => r.actions.includes('update'));
    const field = rule && entity.entity.fields.find((f) => f.name === rule.fields[0]);
    const outsider = rule && roles.find((r) => r !== adminRole && !rule.roles.includes(r));
    if (!pages.edit || !rule || !field || !outsider) continue;
    imports.push(`import { ${pages.edit} } from '../pages/${entity.names.route}';`);
    return `
  it('shows ${singleQuotedText(field.label)} read-only to ${outsider} users on the edit form, and says why', async () => {
    localStorage.setItem(TOKEN_KEY, 'token');
    mockFetch((call) => {
      if (call.url === '/api/auth/me') return { body: { user: { ...USER, role: ${str(outsider)} } } };
      if (call.url === ${str(`${entity.apiPath}/1`)}) return { body: ${sampleRecord(entity)} };
      return undefined;
    });
    renderWithAuth(${str(`${entity.route}/1/edit`)}, ${str(`${entity.route}/:id/edit`)}, <${pages.edit} />);
    const input = await screen.findByLabelText(${str(field.label)});
    await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(true));
    expect(screen.getByText(${str(`Only ${rule.roles.join(' or ')} users may change this.`)})).toBeTruthy();
  });
`;
  }
  return '';
}

/** With self sign-up: a short password is refused before any call, and registering signs in. */
function registrationTests(model: FrontendModel): string {
  const extra = registerFields(model);
  return model.selfSignup
    ? `
describe('registration', () => {
  it('rejects a short password without calling the API', async () => {
    const calls = mockFetch(() => undefined);
    renderWithAuth('/register');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Password must be at least ${PASSWORD_MIN_LENGTH} characters')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('registers and signs in', async () => {
    const calls = mockFetch((call) => (call.url === '/api/auth/register' ? { status: 201, body: { token: 'new-token', user: USER } } : undefined));
    renderWithAuth('/register');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
${extra
  .map((f) =>
    f.type === 'boolean'
      ? `    fireEvent.click(screen.getByLabelText(${str(f.label)}));`
      : `    fireEvent.change(screen.getByLabelText(${str(f.label)}), { target: { value: ${sampleInput(f)} } });`,
  )
  .join('\n')}
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Home page')).toBeTruthy();
    expect(calls[0].body).toEqual({ email: 'ada@example.com', password: 'correct horse'${extra.map((f) => `, ${f.name}: ${expectedPayloadValue(f)}`).join('')} });
    expect(localStorage.getItem(TOKEN_KEY)).toBe('new-token');
  });
});
`
    : '';
}

/** renderWithAuth: the app's auth routes (with the register page under self sign-up) around one page. */
function renderWithAuthHelper(model: FrontendModel): string {
  return `/** The login flow's routes, plus optionally one app page at \`path\`. */
function renderWithAuth(url: string, path?: string, page?: ReactElement) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <AuthProvider>
        <Routes>
          {path && <Route path={path} element={page} />}
          <Route path="/login" element={<LoginPage />} />
${model.selfSignup ? '          <Route path="/register" element={<RegisterPage />} />\n' : ''}          <Route element={<RequireAuth />}>
            <Route path="/" element={<p>Home page</p>} />
          </Route>
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}`;
}

/** Signed-out redirect, login success and failure, and the 401 answer that signs out. */
const LOGIN_TESTS = `describe('login', () => {
  it('sends signed-out visitors to the login page', async () => {
    mockFetch(() => undefined);
    renderWithAuth('/');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
  });

  it('logs in, stores the token and opens the app', async () => {
    const calls = mockFetch((call) => (call.url === '/api/auth/login' ? { status: 200, body: { token: 'test-token', user: USER } } : undefined));
    renderWithAuth('/login');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Home page')).toBeTruthy();
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/auth/login', body: { email: 'ada@example.com', password: 'correct horse' } });
    expect(localStorage.getItem(TOKEN_KEY)).toBe('test-token');
  });

  it('says when the password is wrong', async () => {
    mockFetch(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Invalid credentials' } } }));
    renderWithAuth('/login');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Wrong email or password.')).toBeTruthy();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('sends the bearer token and returns to login when the API answers 401', async () => {
    localStorage.setItem(TOKEN_KEY, 'expired-token');
    const calls = mockFetch(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Token expired' } } }));
    renderWithAuth('/');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(calls[0].headers.Authorization).toBe('Bearer expired-token');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});
`;

export function authTest(model: FrontendModel): string {
  const tokenKey = model.spec.name + TOKEN_STORAGE_SUFFIX;
  const permissions = permissionTests(model);
  const registerTests = registrationTests(model);
  return withDatesImport(`// Login, the route guard and the 401 redirect${model.selfSignup ? ', and registration' : ''}, against a mocked API.
import { fireEvent, render, screen${permissions.tests.includes('waitFor(') ? ', waitFor' : ''} } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AuthProvider, RequireAuth } from '../auth/AuthContext';
import { LoginPage } from '../pages/LoginPage';
${model.selfSignup ? "import { RegisterPage } from '../pages/RegisterPage';\n" : ''}${permissions.imports.join('\n')}${permissions.imports.length ? '\n' : ''}${DATES_IMPORT}import { mockFetch } from './fetchMock';

const TOKEN_KEY = ${str(tokenKey)};
const USER = { id: 1, email: 'ada@example.com', role: 'member', createdAt: sampleIsoDateTime(), updatedAt: sampleIsoDateTime() };

${renderWithAuthHelper(model)}

${LOGIN_TESTS}${registerTests}${permissions.tests}`);
}
