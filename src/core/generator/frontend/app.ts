// The app shell: entry point, routes, layout with navigation, home page and the stylesheet.
import { jsxText } from '../emit';
import type { LayerTable } from '../layerFiles';
import styles from '../templates/frontend/src/styles.css?text';
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

const everything = (model: FrontendModel) => allSources(model.spec);
/** The first sentence: usually the title or the app's one-line description. */
const firstSentence = (model: FrontendModel) => everything(model).slice(0, 1);

export const APP_SHELL_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/app',
  serves: ['frontend'],
  sources: () => [],
  files: [
    {
      path: 'frontend/src/App.tsx',
      content: appTsx,
      explanation: (model) =>
        `The route table: home, and list/detail/create/edit pages for ${model.entities.map((e) => e.entity.pluralLabel.toLowerCase()).join(', ')}${model.hasAuth ? ', all behind login' : ''}.`,
      serves: (model) => ['frontend', ...model.entities.map((e) => `entity:${e.entity.name}`), ...(model.hasAuth ? ['auth'] : [])],
      sources: everything,
    },
    {
      path: 'frontend/src/main.tsx',
      content: mainTsx,
      explanation: (model) => 'The entry point Vite loads: mounts the app with browser routing' + (model.hasAuth ? ' and the auth context.' : '.'),
      sources: everything,
    },
    {
      path: 'frontend/src/components/Layout.tsx',
      content: layoutTsx,
      explanation: (model) => 'The page frame with the app name and navigation to every entity' + (model.hasAuth ? ', the signed-in user and a logout button.' : '.'),
      serves: (model) => ['frontend', ...(model.hasAuth ? ['auth'] : [])],
      sources: (model) => (model.hasAuth ? [...firstSentence(model), ...authSources(model.spec)] : firstSentence(model)),
    },
    {
      path: 'frontend/src/pages/HomePage.tsx',
      content: homeTsx,
      explanation: 'The home page: the app title and description and a link to each list.',
      sources: firstSentence,
    },
    {
      path: 'frontend/src/styles.css',
      content: styles,
      explanation: 'Plain CSS for the whole app: layout, tables, forms, error and empty states, visible keyboard focus.',
    },
  ],
};
