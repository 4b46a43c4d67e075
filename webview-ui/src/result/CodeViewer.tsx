import { useMemo } from 'react';
import type { HostToWebview } from '../../../src/model/protocol';
import { ServedRequirements } from '../ServedRequirements';
import { highlightedHtml } from './highlight';

type FileContent = Extract<HostToWebview, { type: 'fileContent' }>;

/** Read-only view of one generated file, with its explanation and the requirements it serves. */
export function CodeViewer({ file }: { file: FileContent }) {
  const rendered = useMemo(() => (file.content === null ? undefined : highlightedHtml(file.path, file.content)), [file]);
  return (
    <div className="code-viewer" data-testid="code-viewer" data-path={file.path}>
      {file.explanation && (
        <div className="explanation" data-testid="file-explanation">
          <p>{file.explanation}</p>
          <ServedRequirements requirements={file.requirements} testId="file-requirements" />
        </div>
      )}
      {file.error && (
        <p className="form-error" role="alert">
          {file.error}
        </p>
      )}
      {rendered && (
        <pre className="code" tabIndex={0} aria-label={`Contents of ${file.path}`}>
          {/* highlight.js escapes the source text; see highlight.ts */}
          <code className={rendered.language ? `hljs language-${rendered.language}` : 'hljs'} dangerouslySetInnerHTML={{ __html: rendered.html }} />
        </pre>
      )}
      {file.truncated && <p className="muted">Showing the first 512 KB of {Math.round(file.bytes / 1024)} KB: open it in the editor for the rest.</p>}
    </div>
  );
}
