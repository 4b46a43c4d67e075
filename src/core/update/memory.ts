// The project's memory, so it can be changed later without losing an edit (issue #15): every
// generation writes `.takoss/spec.json` (the spec the run generated from in the end) and
// `.takoss/base.json` (what Takoss generated this time for every file it wrote, path -> content:
// the base of the three-way merge an update makes). Read back with readProjectMemory.
import { assertSafeRelativePath, type GeneratedFile } from '../generator/fileSet';
import { MANIFEST_PATH } from '../generator/project/manifest';
import { ProjectSpec } from '../../model/project/projectSpec';
import type { Sink } from '../output/sink/sink';

export const SPEC_PATH = '.takoss/spec.json';
export const BASE_PATH = '.takoss/base.json';
export const BASE_VERSION = 1;

/** What a generated project remembers: its spec and, per generated file, what Takoss wrote. */
export interface ProjectMemory {
  spec: ProjectSpec;
  base: ReadonlyMap<string, string>;
}

export type ProjectMemoryProblem = 'notTakoss' | 'noBase' | 'invalid';

export class ProjectMemoryError extends Error {
  constructor(
    readonly problem: ProjectMemoryProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ProjectMemoryError';
  }
}

const MEMORY_SERVES = ['project'];

export function specFileContent(spec: ProjectSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}

/** base.json: one path per line (sorted), so a project kept in git shows which bases moved. */
export function baseFileContent(base: ReadonlyMap<string, string>): string {
  const files = Object.fromEntries([...base.entries()].filter(([path]) => path !== BASE_PATH).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ baseVersion: BASE_VERSION, files }, null, 1) + '\n';
}

export function specFile(spec: ProjectSpec): GeneratedFile {
  return {
    path: SPEC_PATH,
    content: specFileContent(spec),
    layer: 'explanations',
    explanation: 'The data model this project was generated from, as reviewed. Takoss reads it to change the project later (Change this project…, takoss update).',
    serves: MEMORY_SERVES,
    sources: [],
  };
}

export function baseFile(base: ReadonlyMap<string, string>): GeneratedFile {
  return {
    path: BASE_PATH,
    content: baseFileContent(base),
    layer: 'explanations',
    explanation:
      'What Takoss generated last time for every file: the common base when the project is updated, so an update merges the new generation into your edits instead of replacing them.',
    serves: MEMORY_SERVES,
    sources: [],
  };
}

/** The memory files as the manifest lists them (it reads no content, and is itself in the base). */
export function memoryManifestEntries(spec: ProjectSpec): GeneratedFile[] {
  return [specFile(spec), { ...baseFile(new Map()), content: '' }];
}

/**
 * The memory files of a generation: spec.json, then base.json recording every other file of
 * `files` (spec.json included) as it is written.
 */
export function projectMemoryFiles(spec: ProjectSpec, files: readonly Pick<GeneratedFile, 'path' | 'content'>[]): GeneratedFile[] {
  const remembered = specFile(spec);
  const base = new Map(files.filter((file) => file.path !== SPEC_PATH && file.path !== BASE_PATH).map((file) => [file.path, file.content] as const));
  base.set(SPEC_PATH, remembered.content);
  return [remembered, baseFile(base)];
}

/** base.json's content with the bases of `changed` files replaced (a repair round rewrote them). */
export function rebasedContent(baseContent: string, changed: readonly Pick<GeneratedFile, 'path' | 'content'>[]): string {
  const base = parseBase(baseContent);
  for (const file of changed) base.set(file.path, file.content);
  return baseFileContent(base);
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProjectMemoryError('invalid', `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}); restore it from version control, or generate the project again`);
  }
}

/** The remembered spec from the text of .takoss/spec.json; throws ProjectMemoryError saying what is wrong. */
export function parseRememberedSpec(text: string): ProjectSpec {
  const parsed = ProjectSpec.safeParse(parseJson(text, SPEC_PATH));
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ProjectMemoryError('invalid', `${SPEC_PATH} is not a valid spec (${issues.join('; ')}); restore it from version control`);
}

export function parseBase(text: string): Map<string, string> {
  const raw = parseJson(text, BASE_PATH) as { baseVersion?: unknown; files?: unknown };
  if (!raw || typeof raw !== 'object' || raw.baseVersion !== BASE_VERSION || !raw.files || typeof raw.files !== 'object' || Array.isArray(raw.files)) {
    throw new ProjectMemoryError('invalid', `${BASE_PATH} is not a base this Takoss reads (expected {"baseVersion": ${BASE_VERSION}, "files": {path: content}}); restore it from version control`);
  }
  const base = new Map<string, string>();
  for (const [path, content] of Object.entries(raw.files as Record<string, unknown>)) {
    try {
      assertSafeRelativePath(path);
    } catch (error) {
      throw new ProjectMemoryError('invalid', `${BASE_PATH}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof content !== 'string') throw new ProjectMemoryError('invalid', `${BASE_PATH}: the base of ${JSON.stringify(path)} is not text`);
    base.set(path, content);
  }
  return base;
}

/**
 * The spec and the base of the project the sink is over. Throws ProjectMemoryError saying what is
 * missing: not a Takoss project, one generated before Takoss kept a base, or a damaged file.
 */
export async function readProjectMemory(sink: Sink): Promise<ProjectMemory> {
  const [specText, baseText] = [await sink.readText(SPEC_PATH), await sink.readText(BASE_PATH)];
  if (specText === undefined && baseText === undefined) {
    if (!(await sink.isPlainFile(MANIFEST_PATH))) {
      throw new ProjectMemoryError('notTakoss', `${sink.port.locate('')} was not generated by Takoss (it has no ${MANIFEST_PATH})`);
    }
  }
  if (specText === undefined || baseText === undefined) {
    throw new ProjectMemoryError(
      'noBase',
      `${sink.port.locate('')} was generated by an older Takoss without ${BASE_PATH}${specText === undefined ? ` and ${SPEC_PATH}` : ''}: ` +
        'Takoss cannot tell your edits from what it generated, so it cannot merge. Generate the project again into a new folder ' +
        '(takoss generate --spec SPEC --out NEW_FOLDER) and carry your edits over; from then on, updates keep them.',
    );
  }
  return { spec: parseRememberedSpec(specText), base: parseBase(baseText) };
}
