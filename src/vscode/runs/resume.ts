import type * as vscode from 'vscode';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { Sink } from '../../core/output/sink/sink';
import { planResume, type ResumePlan, resumeWriter } from '../../core/pipeline/resumePlan';
import type { RunEvent } from '../../model/run/events';
import { workspacePort } from '../generation/workspaceSink';

export interface PreparedResume {
  plan: ResumePlan;
  /** The resumed run's writer into its folder (see resumeWriter): `warn` tells the run of a file it kept. */
  writeFile(file: GeneratedFile, warn: (message: string) => void): Promise<void>;
}

/** Reads the interrupted run's journal against its folder (core's planResume), with the writer that honours the plan. */
export async function prepareResume(target: vscode.Uri, events: readonly RunEvent[]): Promise<PreparedResume> {
  const port = workspacePort(target);
  const plan = await planResume(port, events);
  return { plan, writeFile: resumeWriter(plan, new Sink(port)) };
}
