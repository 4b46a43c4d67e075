// Builds the bundles: the extension (node/cjs, `vscode` external) as two, dist/extension.js loaded at
// activation and dist/host.js required on first use (src/vscode/lazy.ts), the extraction worker (dist/extractionWorker.js), the webview (browser), and
// the CLI (node). dist/extension.meta.json is esbuild's metafile of the eager bundle (what it holds;
// test/unit/lazyActivation.test.ts reads it). Flags: --production (minified), --watch, --tests (transpile src+test to out/
// for mocha), --typecheck (tsc --noEmit for every tsconfig, the generator's templates included).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const root = path.dirname(new URL(import.meta.url).pathname);
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Logs esbuild errors in the `file:line:col: error: text` form VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log(`[watch] build started (${build.initialOptions.outfile ?? build.initialOptions.outdir})`));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * `import text from './templates/x.ts?text'`: the file's text as a string. The generator's static
 * files live in src/core/generator/templates/ as real source files and are inlined this way.
 */
const textImportPlugin = {
  name: 'text-import',
  setup(build) {
    build.onResolve({ filter: /\?text$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?text'.length)), namespace: 'text' }));
    build.onLoad({ filter: /.*/, namespace: 'text' }, (args) => ({ contents: readFileSync(args.path), loader: 'text', watchFiles: [args.path] }));
  },
};

/** The file-by-file test build bundles only text imports; every other import stays a require of its own out/ file. */
const onlyTextImportsPlugin = {
  name: 'only-text-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' || args.path.endsWith('?text') ? undefined : { path: args.path, external: true }));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
  define: {
    'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
    TAKOSS_VERSION: JSON.stringify(version),
  },
  plugins: [textImportPlugin, ...(watch ? [problemMatcherPlugin] : [])],
};

/** The eager bundle requires the host bundle at run time (src/vscode/lazy.ts) instead of holding it. */
const hostOnDemandPlugin = {
  name: 'host-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/host$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'vscode', 'lazy.ts')) ? { path: './host.js', external: true } : undefined,
    );
  },
};

const EAGER_METAFILE = 'dist/extension.meta.json';

const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    metafile: true,
    plugins: [...common.plugins, hostOnDemandPlugin],
  },
  {
    ...common,
    entryPoints: ['src/vscode/host.ts'],
    outfile: 'dist/host.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // The review step's extraction runs in this worker thread (src/core/extract/worker/): WORKER_SCRIPT
    // expects it beside dist/host.js.
    ...common,
    entryPoints: ['src/core/extract/worker/extractionWorker.ts'],
    outfile: 'dist/extractionWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Loaded only for hybrid runs (syntax check of Claude's code), from node_modules when present.
    external: ['typescript'],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['webview-ui/src/main.tsx'],
    outfile: 'dist/webview/main.js',
    platform: 'browser',
    format: 'iife',
    target: ['chrome120'],
    jsx: 'automatic',
    loader: { '.svg': 'file', '.ttf': 'file', '.woff2': 'file' },
  },
];

function copyStatic() {
  mkdirSync('dist/webview', { recursive: true });
  cpSync('media/takoss-panel.svg', 'dist/webview/takoss-panel.svg');
}

function printWebviewSize() {
  for (const file of ['dist/webview/main.js', 'dist/webview/main.css']) {
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    console.log(`webview ${path.basename(file)}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
  }
}

/** The generator's templates are text for the generator, not modules of Takoss. */
const TEMPLATES = path.join('src', 'core', 'generator', 'templates');

function listTs(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(full === TEMPLATES ? [] : listTs(full)));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/** Tests run from out/, transpiled file by file so mocha sees the same module layout as src/. */
async function buildTests() {
  rmSync('out', { recursive: true, force: true });
  const entryPoints = [...listTs('src'), ...listTs('test'), ...listTs('webview-ui/src')];
  const options = {
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    jsx: 'automatic',
    logLevel: 'warning',
  };
  // Files with text imports are bundled (to inline the text) with every other import left external.
  const textImporters = entryPoints.filter((file) => readFileSync(file, 'utf8').includes("?text'"));
  await esbuild.build({ ...options, entryPoints: entryPoints.filter((file) => !textImporters.includes(file)), bundle: false });
  await esbuild.build({ ...options, entryPoints: textImporters, bundle: true, plugins: [onlyTextImportsPlugin, textImportPlugin] });
}

function run(command, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function typecheck() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const codes = await Promise.all([
    run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json']),
    run(process.execPath, [tsc, '--noEmit', '-p', 'webview-ui/tsconfig.json']),
    run(process.execPath, [tsc, '--noEmit', '-p', 'test/component/tsconfig.json']),
    run(process.execPath, [tsc, '--noEmit', '-p', 'src/core/generator/templates/tsconfig.json']),
  ]);
  if (codes.some((code) => code !== 0)) {
    console.error('typecheck failed');
    process.exit(1);
  }
  console.log('typecheck: all tsconfigs clean');
}

async function main() {
  process.chdir(root);
  if (args.has('--typecheck')) await typecheck();
  if (args.has('--tests')) {
    await buildTests();
    console.log('tests transpiled to out/');
    return;
  }
  if (args.has('--typecheck') && !args.has('--build')) return;
  if (watch) {
    copyStatic();
    const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('watching for changes…');
    return;
  }
  rmSync('dist', { recursive: true, force: true });
  const results = await Promise.all(targets.map((options) => esbuild.build(options)));
  writeFileSync(EAGER_METAFILE, JSON.stringify(results[0].metafile));
  copyStatic();
  const sizes = ['dist/extension.js', 'dist/host.js', 'dist/cli.js'].map((f) => `${f} ${(statSync(f).size / 1024).toFixed(1)} KB`);
  console.log(`built ${production ? '(production) ' : ''}${sizes.join(', ')}`);
  printWebviewSize();
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
