import { VscodeButton } from '@vscode-elements/react-elements';
import { useEffect, useState } from 'react';
import type { RunState } from '../../../src/model/run/runState';
import type { HostToWebview } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';
import { CodeViewer } from './CodeViewer';
import { FileTree } from './FileTree';
import { RatingBox } from './RatingBox';
import type { Rating } from '../../../src/model/protocol';

type FileContent = Extract<HostToWebview, { type: 'fileContent' }>;

function Verification({ state }: { state: RunState }) {
  const stage = state.stages['verification'];
  if (!stage) return null;
  const text =
    stage.status === 'succeeded'
      ? `Verified: ${stage.outputSummary ?? 'install, build and tests passed'}`
      : stage.status === 'failed'
        ? `Verification failed: ${stage.error ?? ''}`
        : stage.status === 'skipped'
          ? `Not verified: ${stage.skipReason ?? ''}`
          : `Verification ${stage.status}`;
  return (
    <p className={`verification ${stage.status}`} data-testid="verification-result">
      {text}
    </p>
  );
}

/** Step 4: the generated project: a file tree, the selected file with its explanation, actions. */
export function ResultView({ bridge, runId, state, rating }: { bridge: Bridge; runId: string; state: RunState; rating?: Rating }) {
  const paths = state.files.map((f) => f.path);
  const [selected, setSelected] = useState<string | undefined>(paths.includes('README.md') ? 'README.md' : paths[0]);
  const [file, setFile] = useState<FileContent>();
  const [loadError, setLoadError] = useState<string>();
  const [exportNote, setExportNote] = useState<string>();
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!selected) return;
    let current = true;
    setLoadError(undefined);
    bridge.readFile(runId, selected).then(
      (reply) => current && setFile(reply),
      (error: unknown) => current && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [bridge, runId, selected]);

  const exportZip = async () => {
    setExporting(true);
    setExportNote(undefined);
    try {
      const reply = await bridge.exportZip(runId);
      setExportNote(
        reply.error
          ? `Export failed: ${reply.error}`
          : reply.path
            ? `Saved ${reply.files} files (${Math.round(reply.bytes / 1024)} KB) to ${reply.path}`
            : 'Export cancelled.',
      );
    } catch (error) {
      setExportNote(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setExporting(false);
    }
  };

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
          <VscodeButton secondary onClick={exportZip} disabled={exporting} data-testid="export-zip">
            Export as zip
          </VscodeButton>
        </div>
      </div>
      <Verification state={state} />
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
      </div>
    </section>
  );
}
