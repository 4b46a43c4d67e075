import { VscodeButton } from '@vscode-elements/react-elements';
import { useEffect, useState } from 'react';
import { verificationOutcome, verificationText } from '../../../src/model/run/outcome';
import type { RunState } from '../../../src/model/run/runState';
import type { HostToWebview, Rating } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';
import { CodeViewer } from './CodeViewer';
import { DependenciesOffer } from './DependenciesOffer';
import { FileTree } from './FileTree';
import { RatingBox } from './RatingBox';

type FileContent = Extract<HostToWebview, { type: 'fileContent' }>;
type ZipExported = Extract<HostToWebview, { type: 'zipExported' }>;

/** What became of verification, by the one rule the sidebar and the CLI use too (model/run/outcome.ts). */
function Verification({ state }: { state: RunState }) {
  if (!state.stages['verification']) return null;
  const outcome = verificationOutcome(state);
  return (
    <p className={`verification ${outcome.kind}`} data-testid="verification-result" data-outcome={outcome.kind}>
      {verificationText(outcome)}
    </p>
  );
}

/** The selected file's content as the host read it, or why it could not. */
function useFileContent(bridge: Bridge, runId: string, selected: string | undefined) {
  const [file, setFile] = useState<FileContent>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    if (!selected) return;
    let current = true; // a reply for a file no longer selected is dropped
    setLoadError(undefined);
    bridge.readFile(runId, selected).then(
      (reply) => current && setFile(reply),
      (error: unknown) => current && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [bridge, runId, selected]);
  return { file, loadError };
}

function exportSummary(reply: ZipExported): string {
  if (reply.error) return `Export failed: ${reply.error}`;
  return reply.path ? `Saved ${reply.files} files (${Math.round(reply.bytes / 1024)} KB) to ${reply.path}` : 'Export cancelled.';
}

/** "Export as zip": one export at a time, and a note on how it went. */
function useZipExport(bridge: Bridge, runId: string) {
  const [exportNote, setExportNote] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const exportZip = async () => {
    setExporting(true);
    setExportNote(undefined);
    try {
      setExportNote(exportSummary(await bridge.exportZip(runId)));
    } catch (error) {
      setExportNote(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setExporting(false);
    }
  };
  return { exportNote, exporting, exportZip };
}

/** The selected file: its path, a button to open it in the editor, and its highlighted content once read. */
function SelectedFile({ bridge, runId, selected }: { bridge: Bridge; runId: string; selected: string | undefined }) {
  const { file, loadError } = useFileContent(bridge, runId, selected);
  return (
    <div className="result-file">
      {selected && (
        <div className="file-head">
          <code data-testid="selected-path">{selected}</code>
          <VscodeButton secondary onClick={() => bridge.openFile(runId, selected)} data-testid="open-in-editor">
            Open in editor
          </VscodeButton>
        </div>
      )}
      {loadError && <p className="form-error">{loadError}</p>}
      {file && file.path === selected && <CodeViewer file={file} />}
    </div>
  );
}

/** Step 4: the generated project: a file tree, the selected file with its explanation, actions. */
export function ResultView({ bridge, runId, state, rating }: { bridge: Bridge; runId: string; state: RunState; rating?: Rating }) {
  const paths = state.files.map((f) => f.path);
  const [selected, setSelected] = useState<string | undefined>(paths.includes('README.md') ? 'README.md' : paths[0]);
  const { exportNote, exporting, exportZip } = useZipExport(bridge, runId);
  return (
    <section className="result" aria-label="Generated project" data-testid="result-view">
      <div className="run-head">
        <h3>Generated files ({paths.length})</h3>
        <div className="buttons">
          {paths.includes('README.md') && (
            <VscodeButton secondary onClick={() => bridge.openFile(runId, 'README.md')} data-testid="open-readme">
              Open README
            </VscodeButton>
          )}
          <VscodeButton secondary onClick={() => bridge.askAboutRun(runId)} data-testid="ask-about-project">
            Ask about this project…
          </VscodeButton>
          <VscodeButton secondary onClick={exportZip} disabled={exporting} data-testid="export-zip">
            Export as zip
          </VscodeButton>
        </div>
      </div>
      <Verification state={state} />
      <DependenciesOffer bridge={bridge} runId={runId} />
      <RatingBox bridge={bridge} runId={runId} rating={rating} />
      {exportNote && (
        <p role="status" data-testid="export-note">
          {exportNote}
        </p>
      )}
      <div className="result-body">
        <nav className="result-tree">
          <FileTree paths={paths} selected={selected} onSelect={setSelected} />
        </nav>
        <SelectedFile bridge={bridge} runId={runId} selected={selected} />
      </div>
    </section>
  );
}
