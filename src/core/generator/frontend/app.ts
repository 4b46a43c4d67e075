// The app shell: entry point, routes, layout with navigation, home page and the stylesheet.
import type { FileSet } from '../fileSet';
import { jsxText } from '../emit';
import { allSources, authSources, str, type FrontendModel } from './model';
import { pageComponents } from './pages';

function appTsx(model: FrontendModel): string {
  const imports: string[] = [];
  const routes: string[] = [];
  for (const entity of model.entities) {
    const pages = pageComponents(entity);
    const names = [pages.list, pages.detail, pages.create, pages.edit].filter((n): n is string => Boolean(n)).sort();
    imports.push(`import { ${names.join(', ')} } from './pages/${entity.names.route}';`);
    routes.push(`        <Route path=${str(entity.route)} element={<${pages.list} />} />`);
    if (pages.create) routes.push(`        <Route path=${str(entity.route + '/new')} element={<${pages.create} />} />`);
    routes.push(`        <Route path=${str(entity.route + '/:id')} element={<${pages.detail} />} />`);
    if (pages.edit) routes.push(`        <Route path=${str(entity.route + '/:id/edit')} element={<${pages.edit} />} />`);
  }
  if (model.hasAuth) {
    imports.push("import { RequireAuth } from './auth/AuthContext';", "import { LoginPage } from './pages/LoginPage';");
    if (model.selfSignup) imports.push("import { RegisterPage } from './pages/RegisterPage';");
  }
  const appRoutes = [`        <Route index element={<HomePage />} />`, ...routes];
  const body = model.hasAuth
    ? `        <Route path="/login" element={<LoginPage />} />
${model.selfSignup ? '        <Route path="/register" element={<RegisterPage />} />\n' : ''}        <Route element={<RequireAuth />}>
${appRoutes.map((line) => '  ' + line).join('\n')}
        </Route>`
    : appRoutes.map((line) => line.slice(2)).join('\n');
  return `// Every page of the app and its URL.${model.hasAuth ? ' Everything but login/register needs a signed-in user.' : ''}
import { Link, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
${imports.sort().join('\n')}

function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
${body}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
`;
}

function mainTsx(model: FrontendModel): string {
  const app = model.hasAuth ? '<AuthProvider>\n          <App />\n        </AuthProvider>' : '<App />';
  return `// Mounts the app: browser routing${model.hasAuth ? ' and the auth context' : ''} around the routes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
${model.hasAuth ? "import { AuthProvider } from './auth/AuthContext';\n" : ''}import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      ${app}
    </BrowserRouter>
  </StrictMode>,
);
`;
}

function layoutTsx(model: FrontendModel): string {
  const links = model.entities
    .map((e) => `          <NavLink to=${str(e.route)}>${jsxText(e.entity.pluralLabel)}</NavLink>`)
    .join('\n');
  const userArea = model.hasAuth
    ? `
        <div className="user-area">
          {token ? (
            <>
              {user && (
                <span className="muted">
                  {user.email} ({user.role})
                </span>
              )}
              <button type="button" onClick={logout}>
                Log out
              </button>
            </>
          ) : (
            <>
              <NavLink to="/login">Log in</NavLink>
${model.selfSignup ? '              <NavLink to="/register">Register</NavLink>\n' : ''}            </>
          )}
        </div>`
    : '';
  return `// The frame around every page: app name, navigation${model.hasAuth ? ', the signed-in user and logout' : ''}.
import { Link, NavLink, Outlet } from 'react-router';
${model.hasAuth ? "import { useAuth } from '../auth/AuthContext';\n" : ''}
export function Layout() {
${model.hasAuth ? '  const { token, user, logout } = useAuth();\n' : ''}  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand">
          ${jsxText(model.spec.title)}
        </Link>
${model.hasAuth ? '        {token && (\n  ' : ''}        <nav aria-label="Main">
${model.hasAuth ? links.split('\n').map((l) => '  ' + l).join('\n') : links}
${model.hasAuth ? '  ' : ''}        </nav>
${model.hasAuth ? '        )}\n' : ''}${userArea}
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
`.replace(/\n\n\n+/g, '\n\n');
}

function homeTsx(model: FrontendModel): string {
  const cards = model.entities
    .map(
      (e) => `        <li>
          <Link to=${str(e.route)}>${jsxText(e.entity.pluralLabel)}</Link>
        </li>`,
    )
    .join('\n');
  return `// The start page: what the app is for and where to go.
import { Link } from 'react-router';

export function HomePage() {
  return (
    <section>
      <h1>${jsxText(model.spec.title)}</h1>
${model.spec.description ? `      <p>${jsxText(model.spec.description)}</p>\n` : ''}      <ul className="cards">
${cards}
      </ul>
    </section>
  );
}
`;
}

const STYLES_CSS = `/* Plain CSS: readable defaults, visible focus, and states that do not rely on colour alone. */
:root {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2933;
  background: #f7f8fa;
  line-height: 1.5;
  --accent: #2563eb;
  --danger: #b91c1c;
  --border: #d5dae1;
}

* {
  box-sizing: border-box;
}

body {
  margin: 0;
}

a {
  color: var(--accent);
}

:focus-visible {
  outline: 3px solid #93c5fd;
  outline-offset: 2px;
}

.app-header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 1rem;
  padding: 0.75rem 1.5rem;
  background: #fff;
  border-bottom: 1px solid var(--border);
}

.brand {
  font-weight: 700;
  text-decoration: none;
  color: inherit;
}

.app-header nav {
  display: flex;
  gap: 0.75rem;
  flex: 1;
}

.app-header nav a.active {
  font-weight: 600;
  text-decoration: underline;
}

.user-area {
  display: flex;
  gap: 0.75rem;
  align-items: center;
}

main {
  max-width: 960px;
  margin: 0 auto;
  padding: 1.5rem;
}

.page-header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 1rem;
}

.toolbar {
  display: flex;
  flex-wrap: wrap;
  gap: 1rem;
  align-items: flex-end;
  margin-bottom: 1rem;
}

table {
  width: 100%;
  border-collapse: collapse;
  background: #fff;
}

th,
td {
  text-align: left;
  padding: 0.5rem;
  border-bottom: 1px solid var(--border);
}

.field {
  display: flex;
  flex-direction: column;
  gap: 0.25rem;
  margin-bottom: 1rem;
}

.field-inline {
  flex-direction: row;
  align-items: center;
  gap: 0.5rem;
  margin-bottom: 0;
}

.field-checkbox {
  flex-direction: row-reverse;
  justify-content: flex-end;
  align-items: center;
  gap: 0.5rem;
}

label.required::after {
  content: ' *';
  color: var(--danger);
}

input,
select,
textarea,
button,
.button {
  font: inherit;
  padding: 0.4rem 0.6rem;
  border: 1px solid var(--border);
  border-radius: 4px;
  background: #fff;
}

button,
.button {
  cursor: pointer;
  text-decoration: none;
  color: inherit;
  display: inline-block;
}

.primary {
  background: var(--accent);
  border-color: var(--accent);
  color: #fff;
}

.danger {
  border-color: var(--danger);
  color: var(--danger);
}

button.sort {
  border: none;
  background: none;
  padding: 0;
  font-weight: 600;
}

button:disabled {
  opacity: 0.6;
  cursor: default;
}

[aria-invalid='true'] {
  border-color: var(--danger);
}

.field-error {
  color: var(--danger);
  margin: 0;
}

.field-error::before {
  content: '⚠ ';
}

.actions {
  display: flex;
  gap: 0.5rem;
}

.state {
  padding: 0.75rem 1rem;
  border-radius: 4px;
  background: #fff;
  border: 1px solid var(--border);
}

.state-error {
  border-color: var(--danger);
  color: var(--danger);
}

.muted {
  color: #616e7c;
}

.details div {
  display: grid;
  grid-template-columns: 12rem 1fr;
  gap: 1rem;
  padding: 0.25rem 0;
}

.details dd {
  margin: 0;
}

.tag {
  margin-right: 0.5rem;
}

.pagination {
  display: flex;
  gap: 1rem;
  align-items: center;
  margin-top: 1rem;
}

.cards {
  list-style: none;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
  gap: 1rem;
}

.cards a {
  display: block;
  padding: 1rem;
  background: #fff;
  border: 1px solid var(--border);
  border-radius: 6px;
}

.auth-page {
  max-width: 24rem;
}
`;

export function generateAppShell(model: FrontendModel, files: FileSet): void {
  const { spec } = model;
  const everything = allSources(spec);
  files.add({
    path: 'frontend/src/App.tsx',
    content: appTsx(model),
    layer: 'frontend/app',
    explanation: `The route table: home, and list/detail/create/edit pages for ${model.entities.map((e) => e.entity.pluralLabel.toLowerCase()).join(', ')}${
      model.hasAuth ? ', all behind login' : ''
    }.`,
    serves: ['frontend', ...model.entities.map((e) => `entity:${e.entity.name}`), ...(model.hasAuth ? ['auth'] : [])],
    sources: everything,
  });
  files.add({
    path: 'frontend/src/main.tsx',
    content: mainTsx(model),
    layer: 'frontend/app',
    explanation: 'The entry point Vite loads: mounts the app with browser routing' + (model.hasAuth ? ' and the auth context.' : '.'),
    serves: ['frontend'],
    sources: everything,
  });
  files.add({
    path: 'frontend/src/components/Layout.tsx',
    content: layoutTsx(model),
    layer: 'frontend/app',
    explanation: 'The page frame with the app name and navigation to every entity' + (model.hasAuth ? ', the signed-in user and a logout button.' : '.'),
    serves: ['frontend', ...(model.hasAuth ? ['auth'] : [])],
    sources: model.hasAuth ? [...everything.slice(0, 1), ...authSources(spec)] : everything.slice(0, 1),
  });
  files.add({
    path: 'frontend/src/pages/HomePage.tsx',
    content: homeTsx(model),
    layer: 'frontend/app',
    explanation: 'The home page: the app title and description and a link to each list.',
    serves: ['frontend'],
    sources: everything.slice(0, 1),
  });
  files.add({
    path: 'frontend/src/styles.css',
    content: STYLES_CSS,
    layer: 'frontend/app',
    explanation: 'Plain CSS for the whole app: layout, tables, forms, error and empty states, visible keyboard focus.',
    serves: ['frontend'],
    sources: [],
  });
}
