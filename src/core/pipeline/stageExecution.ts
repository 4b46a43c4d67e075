// What running one stage of a generation means: a stage kept from an interrupted run is replayed;
// the repair stage after a failed verification asks Claude for fixes; any other stage makes its
// deterministic result, which Claude may refine; then its spec and files go to the run.
import { FileSet, type GeneratedFile } from '../generator/fileSet';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { AcceptedModel, RunEventStream } from '../../model/run/events';
import { describeModelChanges, hasModelChanges, modelChanges } from '../../model/run/modelChanges';
import type { Verify } from '../verify/verifier';
import { type ClaudeOptions, ClaudeRefinement, reuseAcceptedModel } from './claudeRefinement';
import { replayKeptStage, type ResumeState } from './resumeReplay';
import type { StageContext } from './scheduler';
import { LayerCache } from './stages/layers';
import type { OfflineContext, StageInstance, StageOutput } from './stages/types';
import { reportedVerify } from './verificationEvents';
import { BASE_PATH, rebasedContent } from '../update/memory';

type Context = StageContext<StageOutput>;

export interface StageExecutionOptions {
  stream: RunEventStream;
  spec: ProjectSpec;
  requirementsText: string;
  claude?: ClaudeOptions;
  /** How long one Claude call may take (shorter than the stage's timeout). */
  callTimeoutMs: number;
  verify?: Verify;
  onFile?: (file: GeneratedFile) => void | Promise<void>;
  resume?: ResumeState;
  acceptedModel?: AcceptedModel;
}

export class StageExecution {
  readonly files = new FileSet();
  /** The spec stages generate from: after the domain model, its (possibly Claude-refined) one. */
  spec: ProjectSpec;
  private layers: LayerCache | undefined;
  private readonly claude: ClaudeRefinement | undefined;

  constructor(private readonly options: StageExecutionOptions) {
    this.spec = options.spec;
    this.claude = options.claude && new ClaudeRefinement(options.claude, options.stream, options.callTimeoutMs);
  }

  async execute(stage: StageInstance, context: Context): Promise<StageOutput> {
    const attemptStarted = Date.now();
    const { resume, onFile } = this.options;
    // Verification's steps are told on the stream as this stage's (verification, or a repair round).
    const verify = this.options.verify && reportedVerify(this.options.verify, this.options.stream, stage.id, context);
    const offlineContext = this.offlineContext(stage, context, verify);
    if (resume?.finished.has(stage.id)) {
      return replayKeptStage(stage, resume, offlineContext, context, { keepFile: (file) => this.files.add(file), specChanged: (id, spec) => this.specChanged(id, spec) });
    }
    const verification = [...offlineContext.inputs.values()].find((output) => output.verification && !output.verification.ok)?.verification;
    if (stage.kind === 'repair' && this.claude && verify && verification) {
      return this.claude.repair(context, { files: this.files, spec: this.spec, verification, verify, write: (file) => this.writeRepaired(file, context) });
    }
    const output = await this.generate(stage, context, offlineContext, attemptStarted);
    if (output.spec) this.specChanged(stage.id, output.spec);
    for (const file of output.files) {
      context.signal.throwIfAborted();
      this.files.add(file);
      await onFile?.(file);
      context.fileProduced(file.path, file.content);
    }
    context.output(output.summary);
    return output;
  }

  /** The stage's deterministic result, refined by Claude when the run has Claude and the stage asks it. */
  private async generate(stage: StageInstance, context: Context, offlineContext: OfflineContext, attemptStarted: number): Promise<StageOutput> {
    const output = await stage.definition.offline(offlineContext);
    const refine = stage.definition.claude;
    if (!this.claude || !refine) return output;
    const accepted = this.options.acceptedModel;
    if (accepted && stage.definition.finalizesModel) return reuseAcceptedModel(this.options.stream, stage, output, accepted);
    return this.claude.refine(stage, refine, context, offlineContext, output, attemptStarted);
  }

  private offlineContext(stage: StageInstance, context: Context, verify: Verify | undefined): OfflineContext {
    const inputs = new Map<string, StageOutput>();
    for (const id of stage.dependsOn) {
      const output = context.inputs.get(id);
      if (output) inputs.set(id, output);
    }
    // One cache for the run, made when a stage first needs it.
    const layers = () => (this.layers ??= new LayerCache(this.spec));
    return {
      spec: this.spec,
      requirementsText: this.options.requirementsText,
      get layers() {
        return layers();
      },
      entity: stage.entity,
      signal: context.signal,
      inputs,
      verify,
    };
  }

  /** Writes a file a repair round fixed, and records it in the project's base (what Takoss generated). */
  private async writeRepaired(file: GeneratedFile, context: Context): Promise<void> {
    await this.options.onFile?.(file);
    const base = this.files.get(BASE_PATH);
    if (!base) return;
    const rebased = this.files.replace(BASE_PATH, rebasedContent(base.content, [file]), '');
    await this.options.onFile?.(rebased);
    context.fileProduced(rebased.path, rebased.content);
  }

  /** Tells the run that a stage changed the spec the later stages generate from. */
  private specChanged(stageId: string, next: ProjectSpec): void {
    if (next === this.spec) return;
    const changes = modelChanges(this.spec, next);
    const lines = hasModelChanges(changes) ? describeModelChanges(changes) : [];
    if (next.modelImplemented.length !== this.spec.modelImplemented.length) lines.push(`requirements implemented by Claude: ${next.modelImplemented.length}`);
    this.options.stream.emit({ type: 'specUpdated', stageId, spec: next, changes: lines });
    this.spec = next;
  }
}
