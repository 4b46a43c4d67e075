// A layer's files as a table: where each file goes in the generated project and what fills it.
// Files that are the same for every spec are templates: real source files under templates/,
// a tree that mirrors the generated project, imported as text (`?text`, see esbuild.mjs) and
// type-checked by templates/tsconfig.json. Code is left only for the parts that depend on the spec.
import type { GeneratedFile } from './fileSet';

export interface LayerFile<Model> {
  /** Where the file goes, relative to the project root. */
  path: string;
  /** A template's text, or a function of the layer's model for a spec-dependent file. */
  content: string | ((model: Model) => string);
  explanation: string | ((model: Model) => string);
  /** Only for some specs (e.g. auth files when the spec has auth). */
  when?: (model: Model) => boolean;
  /** The generator layer named in the manifest, when not the table's. */
  layer?: string;
  /** The spec elements this file serves, when not the table's. */
  serves?: string[] | ((model: Model) => string[]);
  /** The requirement sentences this file serves, when not the table's. */
  sources?: (model: Model) => number[];
  /** A script to mark executable on disk. */
  executable?: boolean;
}

/** What every file of a table shares unless the file says otherwise. */
export interface LayerCommon {
  layer: string;
  serves: string[];
  sources?: number[];
}

type Add = (file: Omit<GeneratedFile, 'sources'> & { sources?: number[] }) => void;

const valueOf = <Model, T>(value: T | ((model: Model) => T), model: Model): T =>
  typeof value === 'function' ? (value as (model: Model) => T)(model) : value;

/** Adds the table's files, in table order, that apply to this model. */
export function addLayerFiles<Model>(files: { add: Add }, model: Model, table: readonly LayerFile<Model>[], common: LayerCommon): void {
  for (const file of table) {
    if (file.when && !file.when(model)) continue;
    const sources = file.sources ? file.sources(model) : common.sources;
    files.add({
      path: file.path,
      layer: file.layer ?? common.layer,
      explanation: valueOf(file.explanation, model),
      serves: file.serves ? valueOf(file.serves, model) : common.serves,
      ...(sources && { sources }),
      content: valueOf(file.content, model),
      ...(file.executable && { executable: true }),
    });
  }
}
