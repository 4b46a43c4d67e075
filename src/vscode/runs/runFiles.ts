import * as vscode from 'vscode';
import { assertSafeRelativePath } from '../../core/generator/fileSet';
import { MANIFEST_PATH, type ManifestFile, TakossManifest } from '../../core/generator/project/manifest';
import { errorText } from '../../core/log';

/** Larger files are shown cut, with a note and "Open in editor" for the whole. */
export const MAX_VIEWER_BYTES = 512 * 1024;

export interface RunFileView {
  path: string;
  content: string | null;
  truncated: boolean;
  bytes: number;
  error?: string;
  explanation?: string;
  layer?: string;
  serves: string[];
  requirements: string[];
}

/** Resolves a run-relative path inside the run's folder (never outside it). */
export function fileUri(target: vscode.Uri, relativePath: string): vscode.Uri {
  assertSafeRelativePath(relativePath);
  return vscode.Uri.joinPath(target, ...relativePath.split('/'));
}

/** The project's manifest, or undefined when it is missing or not valid (the viewer still works). */
export async function readManifest(target: vscode.Uri): Promise<TakossManifest | undefined> {
  try {
    const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(target, MANIFEST_PATH)));
    const parsed = TakossManifest.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A generated file for the result view: its text (cut at MAX_VIEWER_BYTES) and its explanation. */
export async function readRunFile(target: vscode.Uri, relativePath: string, manifest: TakossManifest | undefined): Promise<RunFileView> {
  const entry: ManifestFile | undefined = manifest?.files.find((file) => file.path === relativePath);
  const explained = {
    explanation: entry?.explanation.slice(0, 4000),
    layer: entry?.layer,
    serves: entry?.serves.slice(0, 200) ?? [],
    requirements: entry?.requirements.slice(0, 200).map((text) => text.slice(0, 2000)) ?? [],
  };
  try {
    const bytes = await vscode.workspace.fs.readFile(fileUri(target, relativePath));
    const truncated = bytes.byteLength > MAX_VIEWER_BYTES;
    const content = new TextDecoder('utf-8', { fatal: false }).decode(truncated ? bytes.subarray(0, MAX_VIEWER_BYTES) : bytes);
    return { path: relativePath, content, truncated, bytes: bytes.byteLength, ...explained };
  } catch (error) {
    return { path: relativePath, content: null, truncated: false, bytes: 0, error: `Cannot read ${relativePath}: ${errorText(error)}`.slice(0, 2000), ...explained };
  }
}
