// How large a file a sink writes. A file a model may write (the layers Claude's refining stages
// own, their new tests, and the test files a repair round may edit) keeps the 2 MB cap: no answer
// needs more, so anything larger is runaway output. Every other file is the deterministic
// generator's and grows with the spec (a 500-entity spec has a 5-70 MB openapi.json): it gets a
// cap that fits every spec the schema accepts and still stops a runaway generator. The project's
// base (.takoss/base.json) holds all of them: it has a limit of its own.
import { assertSafeSize, type GeneratedFile, MAX_FILE_BYTES, MAX_GENERATED_FILE_BYTES } from '../generator/fileSet';
import { isTestFile, STAGE_WRITES } from '../pipeline/writePolicy';
import { BASE_PATH } from '../update/memory';

/** Whether a model may have written the file (by the write policy; the layer is ours, never the model's). */
export function mayHoldModelOutput(file: Pick<GeneratedFile, 'path' | 'layer'>): boolean {
  if (isTestFile(file.path)) return true;
  return Object.values(STAGE_WRITES).some((writes) => writes.layer === file.layer || writes.newFiles?.test(file.path) === true);
}

/**
 * base.json holds every other generated file (the base of an update's merge), so it is as large as
 * the whole project, however large that is. Its only honest bound is what it must be built as: one
 * JavaScript string, which V8 caps at 2^29 - 24 characters (about 512 MiB of JSON).
 */
export const MAX_BASE_BYTES = 512 * 1024 * 1024;

export function fileSizeLimit(file: Pick<GeneratedFile, 'path' | 'layer'>): number {
  if (file.path === BASE_PATH) return MAX_BASE_BYTES;
  return mayHoldModelOutput(file) ? MAX_FILE_BYTES : MAX_GENERATED_FILE_BYTES;
}

/** Throws when the file is over the limit for its kind. */
export function assertFileSize(file: Pick<GeneratedFile, 'path' | 'layer' | 'content'>): void {
  assertSafeSize(file.path, file.content, fileSizeLimit(file));
}
