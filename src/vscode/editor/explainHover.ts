import * as vscode from 'vscode';
import { escapeMarkdown, explainFile } from '../../core/explain/explain';
import type { ManifestIndex } from './manifestIndex';

export const EXPLAIN_FILE_COMMAND = 'takoss.explainFile';
export const REVEAL_STAGE_COMMAND = 'takoss.revealStage';

function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * Hovering the first line of a generated file shows why it exists: its explanation, the stage
 * that wrote it, the requirement sentences it serves, and links to the panel. Only the first line,
 * so the hover does not crowd the language's own hovers everywhere else in the file.
 */
export function createExplainHoverProvider(index: ManifestIndex): vscode.HoverProvider {
  return {
    async provideHover(document, position, token) {
      if (position.line !== 0) return undefined;
      const info = await index.lookup(document.uri);
      if (!info || token.isCancellationRequested) return undefined;
      const explained = explainFile(info.manifest, info.relativePath);
      if (!explained) return undefined;
      const markdown = new vscode.MarkdownString(undefined, true);
      // Only our two commands may run from this hover's links; nothing else in it is trusted.
      markdown.isTrusted = { enabledCommands: [EXPLAIN_FILE_COMMAND, REVEAL_STAGE_COMMAND] };
      markdown.supportHtml = false;
      markdown.appendMarkdown(`**Takoss** · ${escapeMarkdown(explained.project)} · ${escapeMarkdown(explained.layer)}`);
      if (explained.stage) markdown.appendMarkdown(` · stage \`${explained.stage.replace(/`/g, '')}\``);
      markdown.appendMarkdown('\n\n');
      markdown.appendMarkdown(escapeMarkdown(explained.explanation));
      markdown.appendMarkdown('\n\n');
      if (explained.requirements.length) {
        markdown.appendMarkdown('Serves these requirements:\n\n');
        for (const text of explained.requirements.slice(0, 8)) markdown.appendMarkdown(`- *${escapeMarkdown(text)}*\n`);
        if (explained.requirements.length > 8) markdown.appendMarkdown(`- …and ${explained.requirements.length - 8} more\n`);
      } else {
        markdown.appendMarkdown('*Project infrastructure: not traced to a single requirement sentence.*\n');
      }
      const links = [`[Explain in the Takoss panel](${commandLink(EXPLAIN_FILE_COMMAND, [document.uri.toString()])})`];
      if (explained.stage) links.push(`[Show the stage in the execution tree](${commandLink(REVEAL_STAGE_COMMAND, [document.uri.toString()])})`);
      markdown.appendMarkdown(`\n${links.join(' · ')}`);
      return new vscode.Hover(markdown, document.lineAt(0).range);
    },
  };
}
