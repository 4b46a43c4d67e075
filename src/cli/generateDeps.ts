// What `takoss generate` needs from the rest of Takoss, injected so tests can drive it with fakes.
import type { ClaudeOptions, GenerationRequest, GenerationResult } from '../core/pipeline/orchestrator';
import type { VerifyOptions, VerifyResult } from '../core/verify/verifier';
import type { ProjectSpec } from '../model/project/projectSpec';

export interface GenerateDeps {
  /** TypeScript syntax check for Claude-written code (hybrid runs). */
  checkSyntax?: (path: string, content: string) => string[];
  /** Builds the Claude provider for `--provider anthropic`. */
  createClaudeProvider?(apiKey: string): ClaudeOptions['provider'];
  env?: Record<string, string | undefined>;
  extractSpec(text: string, options?: { projectName?: string }): ProjectSpec;
  runGeneration(request: GenerationRequest): Promise<GenerationResult>;
  verifyProject(dir: string, options?: VerifyOptions): Promise<VerifyResult>;
  /** Cancels the run (Ctrl+C in the terminal). */
  signal?: AbortSignal;
}
