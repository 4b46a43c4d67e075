// A layer's files as a table: where each file goes in the generated project and what fills it.
// Files that are the same for every spec are templates: real source files under templates/,
// a tree that mirrors the generated project, imported as text (`?text`, see esbuild.mjs) and
// type-checked by templates/tsconfig.json. Code is left only for the parts that depend on the spec:
// a file's content (and explanation, serves, sources) may be a function of the layer's model, and
// one entry may stand for one file per entity (`{entity}` in its path).
import type { GeneratedFile } from './fileSet';

/** An entity of a layer's model: its route name (e.g. `posts`) names its files. */
interface NamedEntity {
  names: { route: string };
}

/** The entities of a model that has them (the backend and frontend models); never for the spec itself. */
export type EntityOf<Model> = Model extends { entities: readonly (infer E)[] } ? (E extends NamedEntity ? E : never) : never;

/** What the manifest says about a file, and when it is made; each may depend on the model (and the entity). */
interface FileFacts<Args extends unknown[]> {
  explanation: string | ((...args: Args) => string);
  /** Only for some specs (e.g. auth files when the spec has auth), or some entities. */
  when?: (...args: Args) => boolean;
  /** The generator layer named in the manifest, when not the table's. */
  layer?: string;
  /** The spec elements this file serves, when not the table's. */
  serves?: string[] | ((...args: Args) => string[]);
  /** The requirement sentences this file serves, when not the table's. */
  sources?: (...args: Args) => number[];
  /** A script to mark executable on disk. */
  executable?: boolean;
}

/** One file (for the specs `when` accepts). */
export interface SpecFile<Model> extends FileFacts<[model: Model]> {
  perEntity?: undefined;
  /** Where the file goes, relative to the project root. */
  path: string;
  /** A template's text, or a function of the layer's model for a spec-dependent file. */
  content: string | ((model: Model) => string);
}

/** One file per entity of the model (that `when` accepts). */
export interface EntityFile<Model> extends FileFacts<[model: Model, entity: EntityOf<Model>]> {
  perEntity: true;
  /** `{entity}` stands for the entity's route name, e.g. `backend/src/routes/{entity}.ts`. */
  path: `${string}{entity}${string}`;
  content: (model: Model, entity: EntityOf<Model>) => string;
}

export type LayerFile<Model> = SpecFile<Model> | EntityFile<Model>;

/** A layer: every file it can make, and what they share unless a file says otherwise. */
export interface LayerTable<Model> {
  /** The generator layer named in the manifest. */
  layer: string;
  /** The whole layer only for some specs (e.g. tests when the review step kept them). */
  when?: (model: Model) => boolean;
  /** What the files serve unless they say (none when every file says). */
  serves?: string[] | ((model: Model) => string[]);
  sources?: (model: Model) => number[];
  files: readonly LayerFile<Model>[];
}

type Add = (file: Omit<GeneratedFile, 'sources'> & { sources?: number[] }) => void;

const valueOf = <Args extends unknown[], T>(value: T | ((...args: Args) => T), args: Args): T =>
  typeof value === 'function' ? (value as (...args: Args) => T)(...args) : value;

/** The path of an entity's file from its table entry's pattern. */
export const entityPath = (pattern: `${string}{entity}${string}`, entity: NamedEntity): string => pattern.replace('{entity}', entity.names.route);

/** Whether a table entry names this project path (a per-entity entry: with a route name, e.g. `posts`, for `{entity}`). */
export function tablePathMatches(file: Pick<LayerFile<unknown>, 'path' | 'perEntity'>, path: string): boolean {
  if (!file.perEntity) return file.path === path;
  const [before, after] = file.path.split('{entity}') as [string, string];
  if (!path.startsWith(before) || !path.endsWith(after)) return false;
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(path.slice(before.length, path.length - after.length));
}

/** Adds the files of the table, in table order, that apply to this model. */
export function addLayerFiles<Model>(files: { add: Add }, model: Model, table: LayerTable<Model>): void {
  if (table.when && !table.when(model)) return;
  for (const file of table.files) {
    if (!file.perEntity) {
      addFile(files, table, file, [model], file.path);
      continue;
    }
    for (const entity of (model as { entities: readonly EntityOf<Model>[] }).entities) addFile(files, table, file, [model, entity], entityPath(file.path, entity));
  }
}

function addFile<Model, Args extends [Model, ...unknown[]]>(
  files: { add: Add },
  table: LayerTable<Model>,
  file: FileFacts<Args> & { content: string | ((...args: Args) => string) },
  args: Args,
  path: string,
): void {
  if (file.when && !file.when(...args)) return;
  const sources = file.sources ? file.sources(...args) : table.sources?.(args[0]);
  files.add({
    path,
    layer: file.layer ?? table.layer,
    explanation: valueOf(file.explanation, args),
    serves: file.serves ? valueOf(file.serves, args) : valueOf(table.serves ?? [], [args[0]]),
    ...(sources && { sources }),
    content: valueOf(file.content, args),
    ...(file.executable && { executable: true }),
  });
}
