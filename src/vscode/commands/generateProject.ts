import * as vscode from 'vscode';
import { errorText, type Logger } from '../../core/log';
import { EXAMPLES, type Example, exampleById } from '../../model/examples';
import type { PanelManager } from '../panel/PanelManager';
import type { TakossPanel } from '../panel/TakossPanel';
import type { CommandRegistry } from './commandTable';

export const GENERATE_PROJECT_COMMAND = 'takoss.generateProject';
export const GENERATE_FROM_EXAMPLE_COMMAND = 'takoss.generateFromExample';

/** "Takoss: Generate Project" opens (or reveals) the panel; returns it for callers such as tests. */
export function registerGenerateProjectCommand(panels: PanelManager, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  return commands.registerCommand(GENERATE_PROJECT_COMMAND, (): TakossPanel => panels.open());
}

/** Without an id (the palette) the user picks one; an unknown id (a stale link) says which exist. */
async function chooseExample(exampleId: unknown): Promise<Example | undefined> {
  if (exampleId === undefined) {
    const picked = await vscode.window.showQuickPick(
      EXAMPLES.map((example) => ({ label: example.name, detail: example.text, example })),
      { placeHolder: 'Which example should the panel start from?', matchOnDetail: true },
    );
    return picked?.example;
  }
  const example = typeof exampleId === 'string' ? exampleById(exampleId) : undefined;
  if (!example) throw new Error(`There is no example called ${JSON.stringify(exampleId)}; the examples are ${EXAMPLES.map((e) => e.id).join(', ')}.`);
  return example;
}

/**
 * "Takoss: Generate from an Example…" (the walkthrough's sample links pass the example's id): the
 * panel's describe step with the example's text filled in, as its "Start from an example" does.
 */
export function registerGenerateFromExampleCommand(panels: PanelManager, log: Logger, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  return commands.registerCommand(GENERATE_FROM_EXAMPLE_COMMAND, async (exampleId?: unknown): Promise<TakossPanel | undefined> => {
    try {
      const example = await chooseExample(exampleId);
      if (!example) return undefined;
      const panel = panels.open();
      await panel.whenReady();
      if (!(await panel.post({ type: 'startFrom', requirements: example.text }))) throw new Error('The panel did not take the example.');
      log.info(`Opened the panel on the ${example.name} example`);
      return panel;
    } catch (error) {
      log.error(`${GENERATE_FROM_EXAMPLE_COMMAND} failed: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`Takoss: ${errorText(error)}`);
      return undefined;
    }
  });
}
