// The CLI's writer: a generated file set into a folder on disk, through the sink's rules (sink/sink.ts)
// over node:fs. A non-empty target is refused unless forced (then every file may replace what is there).
import type { GeneratedFile } from '../generator/fileSet';
import { nodeFileSystemPort } from './sink/nodePort';
import { runWriter, Sink } from './sink/sink';

export class TargetNotEmptyError extends Error {
  constructor(readonly target: string) {
    super(`${target} is not empty; choose another folder or pass --force to write into it`);
    this.name = 'TargetNotEmptyError';
  }
}

export interface WriteOptions {
  force?: boolean;
  onFile?: (file: GeneratedFile, absolutePath: string) => void;
}

/** Prepares the target (refusing a non-empty one unless forced) and returns a writer for its files. */
export async function createDiskWriter(target: string, options: { force?: boolean } = {}): Promise<(file: GeneratedFile) => Promise<string>> {
  const sink = new Sink(nodeFileSystemPort(target));
  if (!options.force && (await sink.hasContent())) throw new TargetNotEmptyError(target);
  await sink.createFolder();
  return runWriter(sink, { replaceable: options.force ? 'all' : undefined });
}

export async function writeFilesToDisk(target: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<number> {
  const write = await createDiskWriter(target, options);
  let written = 0;
  for (const file of files) {
    const absolute = await write(file);
    written += 1;
    options.onFile?.(file, absolute);
  }
  return written;
}
