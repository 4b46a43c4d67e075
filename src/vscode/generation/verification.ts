import * as vscode from 'vscode';
import type { GenerationRequest } from '../../core/pipeline/orchestrator';
import { verifyProject } from '../../core/verify/verifier';

/**
 * Whether a run may run the generated project's npm install, build and tests, and how: only when
 * the user asked for it, the workspace is trusted, and the folder is on this machine's disk.
 * Otherwise the verification stage is skipped with the reason (and how to change it).
 */
export function verificationFor(requested: boolean, target: vscode.Uri): Pick<GenerationRequest, 'verify' | 'verificationSkippedBecause'> {
  if (!vscode.workspace.isTrusted) {
    return {
      verificationSkippedBecause:
        'Restricted Mode: Takoss never runs generated code (npm install, builds, tests) in an untrusted workspace. To verify, trust the workspace (Manage Workspace Trust) and generate again.',
    };
  }
  if (!requested) return { verificationSkippedBecause: 'Verification (npm install, build and tests) was not requested for this run' };
  if (target.scheme !== 'file') return { verificationSkippedBecause: 'Verification needs a folder on this machine; this workspace is remote or virtual.' };
  return { verify: (signal) => verifyProject(target.fsPath, { signal }) };
}
