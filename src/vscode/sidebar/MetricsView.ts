import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import { computeMetrics } from '../../core/learning/metrics';
import type { GenerationHistory } from '../history/GenerationHistory';
import { createNonce } from '../panel/webviewHtml';
import { METRICS_CSS, renderMetricsBody } from './metricsHtml';

export const METRICS_VIEW_ID = 'takoss.metrics';

/** The page: no scripts at all, one stylesheet carrying the nonce, nothing loaded from anywhere. */
export function metricsPage(body: string, nonce = createNonce()): string {
  const csp = ["default-src 'none'", `style-src 'nonce-${nonce}'`, "script-src 'none'", "img-src 'none'", "form-action 'none'", "base-uri 'none'"].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Takoss metrics</title>
<style nonce="${nonce}">${METRICS_CSS}</style>
</head>
<body>${body}</body>
</html>`;
}

/**
 * The "Metrics" sidebar view: per stage and per prompt variant numbers, totals per day and week,
 * drawn from the history on the host (static HTML with small SVG charts; redrawn when it changes).
 */
export class MetricsViewProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;

  constructor(private readonly history: GenerationHistory) {
    super();
    this._register(history.onDidChange(() => void this.render()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: false, localResourceRoots: [] };
    view.onDidChangeVisibility(() => {
      if (view.visible) void this.render();
    });
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
    void this.render();
  }

  /** The HTML body for the current history (tests read it without a webview). */
  async body(): Promise<string> {
    return renderMetricsBody(computeMetrics(await this.history.runOutcomes()));
  }

  private async render(): Promise<void> {
    const view = this.view;
    if (!view?.visible) return;
    view.webview.html = metricsPage(await this.body());
  }
}
