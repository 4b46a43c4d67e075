// The spec a `takoss generate` run starts from: a reviewed spec file, or requirements text (given or
// read from a file) through the extractor, with what it found said on stderr.
import { readFile, writeFile } from 'node:fs/promises';
import { setOptions } from '../model/project/edit';
import { generationProblems } from '../model/project/generatable';
import { ProjectSpec } from '../model/project/projectSpec';
import type { GenerateDeps } from './generateDeps';
import type { GenerateFlags } from './generateOptions';
import { UsageError } from './generateOptions';
import type { CliIo } from './io';
import { understandingLines } from './understandingReport';

const MAX_REQUIREMENTS_BYTES = 2 * 1024 * 1024;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadSpec(file: string): Promise<ProjectSpec> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read spec ${file}: ${reason(error)}`);
  }
  const parsed = ProjectSpec.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 8).map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new UsageError(`spec ${file} is not valid:\n${issues.join('\n')}`);
  }
  const problems = generationProblems(parsed.data);
  if (problems.length) throw new UsageError(`spec ${file} cannot be generated:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.data;
}

async function readRequirements(file: string): Promise<string> {
  try {
    const buffer = await readFile(file);
    if (buffer.length > MAX_REQUIREMENTS_BYTES) throw new Error(`larger than ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB`);
    return buffer.toString('utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${reason(error)}`);
  }
}

async function specFromFlags(flags: GenerateFlags, deps: Pick<GenerateDeps, 'extractSpec'>, io: CliIo): Promise<ProjectSpec> {
  if (flags.spec) {
    const spec = await loadSpec(String(flags.spec));
    io.err(`spec: read ${flags.spec}`);
    return spec;
  }
  const text = flags['requirements-file'] ? await readRequirements(String(flags['requirements-file'])) : (flags.requirements as string | undefined);
  const spec = deps.extractSpec(text ?? '', { projectName: flags.name as string | undefined });
  io.err(`spec: ${spec.entities.length} entities, ${spec.relations.length} relations, ${spec.rules.length} rules, auth ${spec.auth.kind}`);
  for (const warning of spec.warnings) io.err(`  warning: ${warning}`);
  return spec;
}

/**
 * The spec to generate, with --no-tests/--no-docker applied; says what of the requirements will not be
 * in the project before anything is generated, and writes --spec-out. Throws UsageError.
 */
export async function specForRun(flags: GenerateFlags, deps: Pick<GenerateDeps, 'extractSpec'>, io: CliIo): Promise<ProjectSpec> {
  let spec = await specFromFlags(flags, deps, io);
  if (flags['no-tests'] || flags['no-docker']) {
    spec = setOptions(spec, { tests: flags['no-tests'] ? false : undefined, docker: flags['no-docker'] ? false : undefined });
  }
  for (const line of understandingLines(spec)) io.err(line);
  if (flags['spec-out']) {
    await writeFile(String(flags['spec-out']), JSON.stringify(spec, null, 2) + '\n');
    io.err(`spec: written to ${flags['spec-out']}`);
  }
  return spec;
}
