// backend/test/*: vitest API tests generated from the spec. Each file opens a database of its own
// (in-memory PGlite, or a schema on DATABASE_URL's server) and calls app.request() (no port): CRUD
// per entity, has-many endpoints, sign-in and every business rule.
import type { FileSink } from '../util';
import openapiContract from '../../templates/backend/test/openapi.ts?text';
import type { BackendModel } from '../model';
import { relationId, ruleId } from '../model';
import { helpersFile } from './helpersFile';
import { crudTestFile } from './crudFile';
import { authTestFile } from './authFile';
import { accessTestFile } from './accessFile';
import { adminTestFile, secretsTestFile, TEST_FILES_HELPER } from './secretsFile';
import { ruleTest, rulesTestFile } from './rules/rulesFile';

export function addTests(model: BackendModel, files: FileSink): void {
  if (!model.spec.options.tests) return; // turned off in the review step
  addSharedFiles(model, files);
  addEntityTests(model, files);
  if (model.auth) addAuthTests(model, files);
  addAdminTest(model, files);
  addAccessTest(model, files);
  addRulesTest(model, files);
}

/** The helpers every test file imports, and the OpenAPI check of every response. */
function addSharedFiles(model: BackendModel, files: FileSink): void {
  files.add({
    path: 'backend/test/helpers.ts',
    layer: 'backend/tests',
    explanation: 'Test helpers: a fresh app on an in-memory database for each test file, a request helper, and factories that create valid example rows.',
    serves: ['api', ...model.entities.map((e) => `entity:${e.entity.name}`)],
    content: helpersFile(model),
  });
  files.add({
    path: 'backend/test/openapi.ts',
    layer: 'backend/tests',
    explanation: 'Checks every response the tests receive against openapi.json (status documented for the endpoint, body matching its schema), so the API document cannot drift from the server.',
    serves: ['api'],
    content: openapiContract,
  });
}

function addEntityTests(model: BackendModel, files: FileSink): void {
  for (const entity of model.entities) {
    files.add({
      path: `backend/test/${entity.names.route}.test.ts`,
      layer: 'backend/tests',
      explanation: `Checks the ${entity.entity.pluralLabel.toLowerCase()} API end to end: create, read, list with paging/filter/search, update, delete, not-found and invalid input${entity.children.length ? ', and its has-many lists' : ''}.`,
      serves: ['api', `entity:${entity.entity.name}`, ...entity.children.map(relationId)],
      sources: entity.sources,
      content: crudTestFile(entity, model),
    });
  }
}

/** Sign-in, and the signing secret with the file helpers its tests use. */
function addAuthTests(model: BackendModel, files: FileSink): void {
  files.add({
    path: 'backend/test/auth.test.ts',
    layer: 'backend/tests',
    explanation: 'Checks sign-up, sign-in, the current-user endpoint and that requests without a valid token are refused.',
    serves: ['auth'],
    sources: model.spec.auth.sources,
    content: authTestFile(model),
  });
  files.add({
    path: 'backend/test/secrets.test.ts',
    layer: 'backend/tests',
    explanation: 'Checks the signing secret: required and checked in production, placeholders and short secrets refused (including the one in .env.example), a new random one per test run, and the development one kept in a file only its owner can read.',
    serves: ['auth'],
    sources: model.spec.auth.sources,
    content: secretsTestFile(),
  });
  files.add({
    path: 'backend/test/files.ts',
    layer: 'backend/tests',
    explanation: 'File-system helpers for the secret tests (the root .env.example, temporary files, file permissions), so the test files themselves stay free of Node built-ins.',
    serves: ['auth'],
    sources: model.spec.auth.sources,
    content: TEST_FILES_HELPER,
  });
}

function addAdminTest(model: BackendModel, files: FileSink): void {
  const adminTest = adminTestFile(model);
  if (adminTest) {
    files.add({
      path: 'backend/test/admin.test.ts',
      layer: 'backend/tests',
      explanation: 'Checks the first admin from ADMIN_EMAIL / ADMIN_PASSWORD: created once and able to sign in, not duplicated on the next start, weak passwords refused, existing accounts never promoted.',
      serves: ['auth', 'entity:User'],
      sources: model.spec.auth.sources,
      content: adminTest,
    });
  }
}

function addAccessTest(model: BackendModel, files: FileSink): void {
  const access = accessTestFile(model);
  if (access) {
    files.add({
      path: 'backend/test/access.test.ts',
      layer: 'backend/tests',
      explanation: "Checks who may see and change what: only a row's owner (or an admin) may change or delete it, and a user's email is shown only to themselves and admins.",
      serves: ['auth', ...model.spec.rules.filter((r) => r.kind === 'ownership').map(ruleId)],
      sources: [...model.spec.auth.sources, ...model.spec.rules.filter((r) => r.kind === 'ownership').flatMap((r) => r.sources)],
      content: access,
    });
  }
}

function addRulesTest(model: BackendModel, files: FileSink): void {
  const rules = model.spec.rules.map((rule) => ({ rule, test: ruleTest(rule, model) })).filter((r) => r.test);
  if (rules.length) {
    files.add({
      path: 'backend/test/rules.test.ts',
      layer: 'backend/tests',
      explanation: 'Tries every business rule of the spec: the allowed case succeeds and the forbidden one is refused with a clear error.',
      serves: rules.map((r) => ruleId(r.rule)),
      sources: rules.flatMap((r) => r.rule.sources),
      content: rulesTestFile(rules.map((r) => r.test!)),
    });
  }
}
