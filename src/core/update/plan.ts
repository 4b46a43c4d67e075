// What an update will do to each file, decided before anything is written (so it can be previewed):
// every path Takoss generated last time (the base) or generates now (theirs) is classified by
// comparing the base, the file on disk now (ours) and theirs. Files the user added that Takoss
// never generated are never read. applyUpdate (apply.ts) carries the plan out.
import { assertSafeRelativePath, type GeneratedFile } from '../generator/fileSet';
import { sha256, type Sink } from '../output/sink/sink';
import { inBaseEndings, inUserEndings, mergeText } from './merge';
import { BASE_PATH, baseFileContent } from './memory';

export type UpdateAction =
  /** Ours is already what the new generation makes (or nothing changed): nothing is written. */
  | 'unchanged'
  /** The user changed it and the generator's side did not: theirs stays. */
  | 'kept'
  /** The user did not touch it (disk == base) and the generator changed it: replaced. */
  | 'updated'
  /** Both changed, and the changes merged cleanly. */
  | 'merged'
  /** Both changed the same lines: written with conflict markers (or the user's file at a new generated path). */
  | 'conflict'
  /** New in this generation, nothing on disk: created. */
  | 'added'
  /** Generated before, deleted by the user: stays deleted. */
  | 'userDeleted'
  /** Not generated any more and untouched by the user: deleted. */
  | 'removed'
  /** Not generated any more, but the user changed it: stays, and is the user's from now on. */
  | 'keptNoLongerGenerated'
  /** Takoss's own files under .takoss/ (the manifest, the spec, the base): always the new generation's. */
  | 'memory';

export const UPDATE_ACTIONS: readonly UpdateAction[] = ['added', 'updated', 'merged', 'conflict', 'kept', 'userDeleted', 'removed', 'keptNoLongerGenerated', 'unchanged', 'memory'];

export type TheirsFile = Pick<GeneratedFile, 'path' | 'content' | 'layer' | 'executable'>;

export interface PlannedFile {
  path: string;
  action: UpdateAction;
  /** What will be written (absent when nothing is). */
  content?: string;
  /** The SHA-256 of the file as read from disk while planning (absent when there was none): applying replaces or deletes only that. */
  diskSha256?: string;
  /** The generator layer (for the size limit), and whether the file is executable. */
  layer: string;
  executable?: boolean;
  /** How many conflict regions `content` holds. */
  conflicts?: number;
  /** Said to the user beside the file, e.g. why it was kept. */
  note?: string;
}

export interface UpdatePlan {
  /** Every classified path, sorted; base.json is last (it is written last). */
  files: PlannedFile[];
  /** What Takoss generated last time, per path. */
  previousBase: ReadonlyMap<string, string>;
  /** The base after this update: what Takoss generates now, per path. */
  nextBase: ReadonlyMap<string, string>;
}

export interface PlanInput {
  sink: Sink;
  /** What Takoss generated last time (base.json). */
  base: ReadonlyMap<string, string>;
  /** The new generation. */
  theirs: readonly TheirsFile[];
}

type Disk = { kind: 'missing' } | { kind: 'notPlain' } | { kind: 'file'; sha256: string; text?: string };

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The file at `path` as it is now: its hash and its text (absent when it is not UTF-8). */
async function readDisk(sink: Sink, path: string): Promise<Disk> {
  if (!(await sink.isPlainFile(path))) return (await sink.port.kind(path).catch(() => undefined)) === undefined ? { kind: 'missing' } : { kind: 'notPlain' };
  const bytes = await sink.port.readFile(path);
  if (!bytes) return { kind: 'missing' };
  try {
    return { kind: 'file', sha256: sha256(bytes), text: fatalUtf8.decode(bytes) };
  } catch {
    return { kind: 'file', sha256: sha256(bytes) };
  }
}

type Classified = Pick<PlannedFile, 'action' | 'content' | 'conflicts' | 'note'>;

/** A path generated last time and now, with the user's file on disk: the three-way decision. */
function classifyBoth(base: string, ours: string, theirs: string): Classified {
  if (ours === theirs) return { action: 'unchanged' };
  const user = inBaseEndings(ours, base);
  if (user.text === base) {
    const content = inUserEndings(theirs, user.crlf);
    return theirs === base || content === ours ? { action: 'unchanged' } : { action: 'updated', content };
  }
  if (theirs === base) return { action: 'kept' };
  const merged = mergeText(base, ours, theirs);
  if (merged.clean) return merged.content === ours ? { action: 'kept' } : { action: 'merged', content: merged.content };
  return { action: 'conflict', content: merged.content, conflicts: merged.conflicts };
}

/**
 * The user's file at a path Takoss generates for the first time. Keeping it silently would leave
 * the new generation without a file its other files import (the broken project of issue #15), so
 * it is a conflict against an empty base: both versions are shown, the user chooses.
 */
function classifyNew(ours: string, theirs: string): Classified {
  if (ours === theirs) return { action: 'unchanged' };
  const merged = mergeText('', ours, theirs);
  const note = 'your own file is at a path this generation also writes: both versions are in the file';
  return merged.clean ? { action: 'merged', content: merged.content, note } : { action: 'conflict', content: merged.content, conflicts: merged.conflicts, note };
}

function classify(path: string, base: string | undefined, theirs: TheirsFile | undefined, disk: Disk): Classified | undefined {
  if (path.startsWith('.takoss/') && theirs) {
    return disk.kind === 'file' && disk.text === theirs.content ? { action: 'unchanged' } : { action: 'memory', content: theirs.content };
  }
  if (disk.kind === 'notPlain') {
    return theirs && theirs.content !== base ? { action: 'kept', note: 'not a plain file (a symbolic link or a folder): Takoss leaves it, without the new generation\'s changes' } : undefined;
  }
  if (!theirs) {
    if (disk.kind === 'missing' || base === undefined) return undefined;
    if (disk.text !== undefined && inBaseEndings(disk.text, base).text === base) return { action: 'removed' };
    return { action: 'keptNoLongerGenerated', note: 'Takoss no longer generates it; you changed it, so it stays (yours from now on)' };
  }
  if (disk.kind === 'missing') return base === undefined ? { action: 'added', content: theirs.content } : { action: 'userDeleted', note: 'you deleted it: it stays deleted' };
  if (disk.text === undefined) {
    return theirs.content === base ? { action: 'kept' } : { action: 'kept', note: 'not UTF-8 text, so Takoss cannot merge into it: yours stays, without the new generation\'s changes' };
  }
  return base === undefined ? classifyNew(disk.text, theirs.content) : classifyBoth(base, disk.text, theirs.content);
}

/** Classifies every path of base ∪ theirs against the disk; nothing is written. */
export async function planUpdate(input: PlanInput): Promise<UpdatePlan> {
  const theirs = new Map(input.theirs.filter((file) => file.path !== BASE_PATH).map((file) => [file.path, file]));
  const paths = [...new Set([...input.base.keys(), ...theirs.keys()])].filter((path) => path !== BASE_PATH).sort();
  const files: PlannedFile[] = [];
  for (const path of paths) {
    assertSafeRelativePath(path);
    const generated = theirs.get(path);
    const disk = await readDisk(input.sink, path);
    const decided = classify(path, input.base.get(path), generated, disk);
    if (!decided) continue;
    const diskSha256 = disk.kind === 'file' ? disk.sha256 : undefined;
    files.push({ path, ...decided, diskSha256, layer: generated?.layer ?? 'base', executable: generated?.executable });
  }
  const nextBase = new Map([...theirs.values()].map((file) => [file.path, file.content]));
  const baseDisk = await readDisk(input.sink, BASE_PATH);
  files.push({
    path: BASE_PATH,
    action: 'memory',
    content: baseFileContent(nextBase),
    diskSha256: baseDisk.kind === 'file' ? baseDisk.sha256 : undefined,
    layer: 'explanations',
  });
  return { files, previousBase: input.base, nextBase };
}
