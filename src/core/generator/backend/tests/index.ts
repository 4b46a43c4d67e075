// backend/test/*: vitest API tests generated from the spec. Each file opens a database of its own
// (in-memory PGlite, or a schema on DATABASE_URL's server) and calls app.request() (no port): CRUD
// per entity, has-many endpoints, sign-in and every business rule.
import type { LayerTable } from '../../layerFiles';
import openapiContract from '../../templates/backend/test/openapi.ts?text';
import type { BackendModel } from '../model';
import { relationId, ruleId } from '../model';
import { helpersFile } from './helpersFile';
import { crudTestFile } from './crudFile';
import { authTestFile } from './authFile';
import { accessTestFile } from './accessFile';
import { adminTestFile, secretsTestFile, TEST_FILES_HELPER } from './secretsFile';
import { ruleTest, rulesTestFile } from './rules/rulesFile';

/** One value per model, so a file's `when` and its content share one computation. */
function perModel<T>(compute: (model: BackendModel) => T): (model: BackendModel) => T {
  const computed = new WeakMap<BackendModel, T>();
  return (model) => {
    if (!computed.has(model)) computed.set(model, compute(model));
    return computed.get(model)!;
  };
}

// These tests exist only for some specs, which is decided by building them.
const adminTest = perModel(adminTestFile);
const accessTest = perModel(accessTestFile);
const ruleTests = perModel((model) => model.spec.rules.map((rule) => ({ rule, test: ruleTest(rule, model) })).filter((r) => r.test));
const ownershipRules = (model: BackendModel) => model.spec.rules.filter((r) => r.kind === 'ownership');
const hasAuth = (model: BackendModel) => Boolean(model.auth);
const authSources = (model: BackendModel) => model.spec.auth.sources;

export const BACKEND_TESTS_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/tests',
  when: (model) => model.spec.options.tests, // turned off in the review step
  files: [
    {
      path: 'backend/test/helpers.ts',
      content: helpersFile,
      explanation: 'Test helpers: a fresh app on an in-memory database for each test file, a request helper, and factories that create valid example rows.',
      serves: (model) => ['api', ...model.entities.map((e) => `entity:${e.entity.name}`)],
    },
    {
      path: 'backend/test/openapi.ts',
      content: openapiContract,
      explanation: 'Checks every response the tests receive against openapi.json (status documented for the endpoint, body matching its schema), so the API document cannot drift from the server.',
      serves: ['api'],
    },
    {
      perEntity: true,
      path: 'backend/test/{entity}.test.ts',
      content: (model, entity) => crudTestFile(entity, model),
      explanation: (_model, entity) =>
        `Checks the ${entity.entity.pluralLabel.toLowerCase()} API end to end: create, read, list with paging/filter/search, update, delete, not-found and invalid input${entity.children.length ? ', and its has-many lists' : ''}.`,
      serves: (_model, entity) => ['api', `entity:${entity.entity.name}`, ...entity.children.map(relationId)],
      sources: (_model, entity) => entity.sources,
    },
    {
      path: 'backend/test/auth.test.ts',
      content: authTestFile,
      when: hasAuth,
      explanation: 'Checks sign-up, sign-in, the current-user endpoint and that requests without a valid token are refused.',
      serves: ['auth'],
      sources: authSources,
    },
    {
      path: 'backend/test/secrets.test.ts',
      content: secretsTestFile,
      when: hasAuth,
      explanation: 'Checks the signing secret: required and checked in production, placeholders and short secrets refused (including the one in .env.example), a new random one per test run, and the development one kept in a file only its owner can read.',
      serves: ['auth'],
      sources: authSources,
    },
    {
      path: 'backend/test/files.ts',
      content: TEST_FILES_HELPER,
      when: hasAuth,
      explanation: 'File-system helpers for the secret tests (the root .env.example, temporary files, file permissions), so the test files themselves stay free of Node built-ins.',
      serves: ['auth'],
      sources: authSources,
    },
    {
      path: 'backend/test/admin.test.ts',
      content: (model) => adminTest(model)!,
      when: (model) => adminTest(model) !== undefined,
      explanation: 'Checks the first admin from ADMIN_EMAIL / ADMIN_PASSWORD: created once and able to sign in, not duplicated on the next start, weak passwords refused, existing accounts never promoted.',
      serves: ['auth', 'entity:User'],
      sources: authSources,
    },
    {
      path: 'backend/test/access.test.ts',
      content: (model) => accessTest(model)!,
      when: (model) => accessTest(model) !== undefined,
      explanation: "Checks who may see and change what: only a row's owner (or an admin) may change or delete it, and a user's email is shown only to themselves and admins.",
      serves: (model) => ['auth', ...ownershipRules(model).map(ruleId)],
      sources: (model) => [...model.spec.auth.sources, ...ownershipRules(model).flatMap((r) => r.sources)],
    },
    {
      path: 'backend/test/rules.test.ts',
      content: (model) => rulesTestFile(ruleTests(model).map((r) => r.test!)),
      when: (model) => ruleTests(model).length > 0,
      explanation: 'Tries every business rule of the spec: the allowed case succeeds and the forbidden one is refused with a clear error.',
      serves: (model) => ruleTests(model).map((r) => ruleId(r.rule)),
      sources: (model) => ruleTests(model).flatMap((r) => r.rule.sources),
    },
  ],
};
