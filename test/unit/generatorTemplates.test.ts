// The generator's templates (src/core/generator/templates/) are the generated project's static
// files, mirrored path for path and imported as text. These checks keep the tree honest: every
// text import names a template, every template is used, and what the generator writes is the
// template byte for byte, at the path the tree says.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const root = path.resolve(__dirname, '..', '..', '..');
const generatorDir = path.join(root, 'src', 'core', 'generator');
const templatesDir = path.join(generatorDir, 'templates');
/** Files of the tree that configure checking it, not templates. */
const NOT_TEMPLATES = new Set(['tsconfig.json', 'generated.d.ts']);
/** Dotfiles are stored without their dot so they do not act on this repository. */
const DOTFILES = new Set(['gitignore', 'nvmrc']);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function templates(): string[] {
  return walk(templatesDir)
    .map((file) => path.relative(templatesDir, file).split(path.sep).join('/'))
    .filter((file) => !NOT_TEMPLATES.has(file))
    .sort();
}

/** The project path a template is written to. */
function projectPath(template: string): string {
  const name = path.posix.basename(template);
  return DOTFILES.has(name) ? path.posix.join(path.posix.dirname(template), '.' + name).replace(/^\.\//, '') : template;
}

/** Every `?text` import in the generator's code, as a path under templates/. */
function textImports(): { from: string; template: string }[] {
  const sources = walk(generatorDir).filter((file) => !file.startsWith(templatesDir + path.sep) && /(?<!\.d)\.ts$/.test(file));
  return sources.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '([^']+)\?text'/g)].map((match) => ({
      from: path.relative(root, file),
      template: path.relative(templatesDir, path.resolve(path.dirname(file), match[1])).split(path.sep).join('/'),
    })),
  );
}

describe('Generator templates', () => {
  it('every text import names a file of the templates tree', () => {
    const known = new Set(templates());
    const imports = textImports();
    assert.ok(imports.length > 20, `expected the generator's template imports, found ${imports.length}`);
    assert.deepEqual(
      imports.filter((i) => !known.has(i.template)).map((i) => `${i.from} imports ${i.template}`),
      [],
    );
  });

  it('every template is used by the generator', () => {
    const used = new Set(textImports().map((i) => i.template));
    assert.deepEqual(
      templates().filter((template) => !used.has(template)),
      [],
    );
  });

  it('a project with auth and tests holds every template, byte for byte, at its mirrored path', () => {
    const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'specs', 'library.json'), 'utf8')));
    assert.equal(spec.auth.kind, 'emailPassword');
    const files = generateProject(spec);
    for (const template of templates()) {
      const written = files.get(projectPath(template));
      assert.ok(written, `${template}: no generated ${projectPath(template)}`);
      assert.equal(written.content, readFileSync(path.join(templatesDir, template), 'utf8'), `${projectPath(template)} differs from its template`);
    }
  });
});
