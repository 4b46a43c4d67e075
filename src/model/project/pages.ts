// Pages: home, sign-in pages when there is auth, and list/detail/create/edit per entity.
import { entityNames } from './naming';
import type { Page, ProjectSpec } from './projectSpec';

export function buildPages(spec: Pick<ProjectSpec, 'entities' | 'auth'>): Page[] {
  const pages: Page[] = [{ kind: 'home', path: '/', title: 'Home', sources: [] }];
  if (spec.auth.kind === 'emailPassword') {
    pages.push({ kind: 'login', path: '/login', title: 'Sign in', sources: spec.auth.sources });
    if (spec.auth.selfSignup) pages.push({ kind: 'register', path: '/register', title: 'Create an account', sources: spec.auth.sources });
  }
  for (const entity of spec.entities) {
    if (entity.name === 'User') continue;
    const route = entityNames(entity.name).route;
    const sources = entity.sources;
    pages.push(
      { kind: 'list', entity: entity.name, path: `/${route}`, title: entity.pluralLabel.slice(0, 100), sources },
      { kind: 'create', entity: entity.name, path: `/${route}/new`, title: `New ${entity.label.toLowerCase()}`.slice(0, 100), sources },
      { kind: 'detail', entity: entity.name, path: `/${route}/:id`, title: entity.label.slice(0, 100), sources },
      { kind: 'edit', entity: entity.name, path: `/${route}/:id/edit`, title: `Edit ${entity.label.toLowerCase()}`.slice(0, 100), sources },
    );
  }
  return pages;
}
