// Component tests for the generated app (Vitest + jsdom + Testing Library) against a mocked
// fetch: per entity, the list renders rows and sends the contract's query, the form rejects
// missing required fields and posts the right JSON, server field errors show, delete confirms;
// with auth, login, the 401 redirect and registration.
import type { LayerTable } from '../../layerFiles';
import datesTs from '../../templates/frontend/src/test/dates.ts?text';
import renderTsx from '../../templates/frontend/src/test/render.tsx?text';
import setupTs from '../../templates/frontend/src/test/setup.ts?text';
import { authSources, type FrontendModel } from '../model';
import { FETCH_MOCK_TS } from './fetchMock';
import { entityTest } from './entityTest';
import { authTest } from './authTest';

/** What every component test uses (setup, a recording fetch, rendering at a URL, sample dates), then the tests. */
export const FRONTEND_TESTS_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/tests',
  when: (model) => model.spec.options.tests, // turned off in the review step
  serves: ['frontend'],
  sources: () => [],
  files: [
    { path: 'frontend/src/test/setup.ts', content: setupTs, explanation: 'Vitest setup: cleans the DOM, the fetch mock and localStorage after each test.' },
    {
      path: 'frontend/src/test/fetchMock.ts',
      content: FETCH_MOCK_TS,
      explanation: 'A recording fake fetch for component tests, so they assert the exact requests the app sends.',
    },
    { path: 'frontend/src/test/render.tsx', content: renderTsx, explanation: 'Renders one page inside a router at a given URL for tests.' },
    {
      path: 'frontend/src/test/dates.ts',
      content: datesTs,
      explanation:
        'Sample dates for the tests, counted from the day they run (30 days from today and later), so no sample is in the past and the tests keep passing as time goes on.',
    },
    {
      perEntity: true,
      path: 'frontend/src/test/{entity}.test.tsx',
      content: (model, entity) => entityTest(entity, model),
      explanation: (_model, entity) =>
        `Component tests for the ${entity.entity.pluralLabel.toLowerCase()} pages: the list shows rows from the API and sends the contract's query${
          entity.readOnly ? '' : ', the form rejects missing required fields, posts the right JSON and shows server field errors, delete asks first'
        }.`,
      serves: (_model, entity) => entity.serves,
      sources: (_model, entity) => entity.sources,
    },
    {
      path: 'frontend/src/test/auth.test.tsx',
      content: authTest,
      when: (model) => model.hasAuth,
      explanation: (model) => 'Component tests for login (token stored, wrong password), the route guard, the 401 redirect' + (model.selfSignup ? ' and registration.' : '.'),
      serves: ['auth'],
      sources: (model) => authSources(model.spec),
    },
  ],
};
