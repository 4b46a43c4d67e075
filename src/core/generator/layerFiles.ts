// A layer's files as a table: where each file goes in the generated project and what fills it.
// Files that are the same for every spec are templates: real source files under templates/,
// a tree that mirrors the generated project, imported as text (`?text`, see esbuild.mjs) and
// type-checked by templates/tsconfig.json. Code is left only for the parts that depend on the spec.
import type { FileSet } from './fileSet';

export interface LayerFile<Model> {
  /** Where the file goes, relative to the project root. */
  path: string;
  /** A template's text, or a function of the layer's model for a spec-dependent file. */
  content: string | ((model: Model) => string);
  explanation: string;
  /** Only for some specs (e.g. auth files when the spec has auth). */
  when?: (model: Model) => boolean;
}

/** What every file of a layer shares: the layer that made it and the spec elements it serves. */
export interface LayerCommon {
  layer: string;
  serves: string[];
  sources: number[];
}

/** Adds the table's files, in table order, that apply to this model. */
export function addLayerFiles<Model>(files: Pick<FileSet, 'add'>, model: Model, table: readonly LayerFile<Model>[], common: LayerCommon): void {
  for (const file of table) {
    if (file.when && !file.when(model)) continue;
    const content = typeof file.content === 'string' ? file.content : file.content(model);
    files.add({ ...common, path: file.path, content, explanation: file.explanation });
  }
}
