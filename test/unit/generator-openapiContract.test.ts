// The generated OpenAPI document as a contract: every fixture's document compiles with Ajv as
// JSON Schema 2020-12 (what OpenAPI 3.1 uses), it documents the statuses the server answers
// (401 on every signed-in operation, 403 where a role or ownership check can refuse), and the
// generated test helpers check every response against it.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { generateBackend } from '../../src/core/generator/backend';
import { BACKEND_DEV_DEPENDENCIES } from '../../src/core/generator/backend';
import { FileSet } from '../../src/core/generator/fileSet';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const specsDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const SPECS = readdirSync(specsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''));

type Json = Record<string, any>;

function generate(name: string): FileSet {
  const files = new FileSet();
  generateBackend(ProjectSpec.parse(JSON.parse(readFileSync(path.join(specsDir, `${name}.json`), 'utf8'))), files);
  return files;
}

function content(files: FileSet, filePath: string): string {
  const file = files.get(filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
}

/** The keywords the generated checker tells Ajv about, read from the generated file itself. */
function openapiKeywords(checker: string): string[] {
  const list = /const OPENAPI_KEYWORDS = (\[[^\]]*\]);/.exec(checker);
  assert.ok(list, 'the checker lists the OpenAPI keywords');
  return JSON.parse(list[1].replace(/'/g, '"')) as string[];
}

/** Compiles every documented response body the way backend/test/openapi.ts does; returns the validators by "METHOD path status". */
function compileResponses(doc: Json, keywords: string[]): Map<string, (body: unknown) => boolean> {
  // Formats are ajv-formats' job in the generated project (not installed here): known, not checked.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, formats: { email: true, uri: true, date: true, 'date-time': true } });
  ajv.addVocabulary(keywords);
  ajv.addSchema(doc, 'openapi.json');
  const validators = new Map<string, (body: unknown) => boolean>();
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (method === 'parameters') continue;
      for (const [status, response] of Object.entries((operation as Json).responses as Json)) {
        if (!response.content) continue;
        const pointer = ['paths', template, method, 'responses', status, 'content', 'application/json', 'schema'].map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1')));
        const validate = ajv.compile({ $ref: `openapi.json#/${pointer.join('/')}` });
        validators.set(`${method.toUpperCase()} ${template} ${status}`, (body) => validate(body) as boolean);
      }
    }
  }
  return validators;
}

function operations(doc: Json): { key: string; operation: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([template, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => method !== 'parameters')
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${template}`, operation: operation as Json })),
  );
}

describe('generated OpenAPI document as the tests\' contract', () => {
  it('has fixture specs to check', () => assert.ok(SPECS.length >= 5, SPECS.join(', ')));

  for (const name of SPECS) {
    it(`${name}: every response schema compiles with Ajv (JSON Schema 2020-12, strict)`, () => {
      const files = generate(name);
      const doc = JSON.parse(content(files, 'backend/openapi.json')) as Json;
      assert.equal(doc.openapi, '3.1.0');
      const validators = compileResponses(doc, openapiKeywords(content(files, 'backend/test/openapi.ts')));
      assert.ok(validators.size > 5, `${validators.size} response schemas`);
      const error = validators.get('GET /api/health 200');
      assert.ok(error, 'the health check documents its body');
      assert.equal(error({ status: 'ok' }), true);
      assert.equal(error({}), false);
    });

    it(`${name}: operations that need sign-in document 401; without sign-in none documents 401 or 403`, () => {
      const doc = JSON.parse(content(generate(name), 'backend/openapi.json')) as Json;
      for (const { key, operation } of operations(doc)) {
        if (operation.security) assert.ok(operation.responses['401'], `${key} documents 401`);
        // Login answers 401 for a wrong password and register 403 when sign-up is closed: no token involved.
        else if (!key.startsWith('POST /api/auth/')) assert.deepEqual(['401', '403'].filter((status) => operation.responses[status]), [], `${key} needs no sign-in`);
      }
    });
  }

  it('documents 403 where the server can refuse: ownership and role checks, accounts, not plain reads', () => {
    const library = JSON.parse(content(generate('library'), 'backend/openapi.json')) as Json;
    assert.ok(library.paths['/api/loans/{id}'].get.responses['403'], 'a loan is read by its borrower only');
    assert.ok(library.paths['/api/loans/{id}'].patch.responses['403']);
    assert.ok(library.paths['/api/users'].post.responses['403'], 'only an admin creates accounts');
    assert.equal(library.paths['/api/loans'].get.responses['403'], undefined, 'ownership narrows the list instead');
    assert.equal(library.paths['/api/genres/{id}'].get.responses['403'], undefined);
    assert.ok(library.paths['/api/auth/login'].post.responses['400'], 'a login body that is not valid');
    assert.ok(library.paths['/api/books/{id}/loans'].get.responses['400'], 'a has-many list validates its query');
    const studio = JSON.parse(content(generate('studio'), 'backend/openapi.json')) as Json;
    for (const { key, operation } of operations(studio)) assert.equal(operation.responses['403'], undefined, key);
  });

  it('validates record bodies: nullable fields, decimals as strings, the error shape', () => {
    const files = generate('library');
    const doc = JSON.parse(content(files, 'backend/openapi.json')) as Json;
    const validators = compileResponses(doc, openapiKeywords(content(files, 'backend/test/openapi.ts')));
    const notFound = validators.get('GET /api/books/{id} 404')!;
    assert.equal(notFound({ error: { code: 'not_found', message: 'Book 7 was not found.' } }), true);
    assert.equal(notFound({ message: 'Book 7 was not found.' }), false);
    const loan = validators.get('GET /api/loans/{id} 200')!;
    const record = { id: 1, dueDate: '2090-01-02', returnedAt: null, bookId: 2, borrowerId: 3, createdAt: '2090-01-01T00:00:00.000Z', updatedAt: '2090-01-01T00:00:00.000Z' };
    assert.equal(loan(record), true, 'returnedAt may be null');
    assert.equal(loan({ ...record, bookId: '2' }), false, 'ids are integers');
    const { borrowerId: _dropped, ...missing } = record;
    assert.equal(loan(missing), false, 'every field is present');
    const events = JSON.parse(content(generate('events'), 'backend/openapi.json')) as Json;
    const price = new Ajv2020().compile(events.components.schemas.Event.properties.ticketPrice);
    assert.equal(price('12.50'), true, 'numeric columns come back as strings (exact)');
    assert.equal(price(12.5), false);
  });

  it('generates helpers whose call() checks every response against openapi.json, with ajv pinned', () => {
    for (const name of ['studio', 'library']) {
      const files = generate(name);
      const helpers = content(files, 'backend/test/helpers.ts');
      assert.match(helpers, /import \{ expectDocumented \} from '\.\/openapi\.js';/);
      assert.match(helpers, /const reply: Reply = \{ status: response\.status, body: text \? JSON\.parse\(text\) : undefined \};\n\s+expectDocumented\(\{ method, path, status: reply\.status, contentType: response\.headers\.get\('content-type'\), body: reply\.body \}\);\n\s+return reply;/);
      const checker = content(files, 'backend/test/openapi.ts');
      assert.match(checker, /import Ajv2020, \{ type ValidateFunction \} from 'ajv\/dist\/2020\.js';/);
      assert.match(checker, /new Ajv2020\(\{ allErrors: true, allowUnionTypes: true \}\);\n\s+addFormats\(ajv\);/);
      assert.match(checker, /status \$\{response\.status\} is not documented/);
      assert.match(checker, /the body does not match the documented schema/);
      // Compiled once per test file: at module load, not per request.
      assert.match(checker, /^const operations = loadContract\(\);$/m);
    }
    assert.match(BACKEND_DEV_DEPENDENCIES.ajv, /^\d+\.\d+\.\d+$/);
    assert.match(BACKEND_DEV_DEPENDENCIES['ajv-formats'], /^\d+\.\d+\.\d+$/);
  });
});
