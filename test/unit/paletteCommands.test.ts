// The command palette offers a command only where it can act (#17 item 7): commands that act on a
// history item need a generation, Change This Project… a project that remembers its model, and the
// internal ones are never offered.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const HAS_GENERATIONS = 'takoss.hasGenerations'; // src/vscode/commands/generationsContext.ts (imports vscode)
const root = path.resolve(__dirname, '..', '..', '..');
interface Manifest {
  contributes: { commands: { command: string }[]; menus: { commandPalette: { command: string; when?: string }[] } };
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const whenOf = (command: string) => manifest.contributes.menus.commandPalette.find((entry) => entry.command === command)?.when;

describe('package.json: what the command palette offers', () => {
  it('history-item commands only while the history holds a generation', () => {
    const itemCommands = manifest.contributes.commands.map((c) => c.command).filter((id) => id.startsWith('takoss.history.') && id !== 'takoss.history.refresh');
    assert.ok(itemCommands.length >= 5, itemCommands.join(', '));
    for (const id of itemCommands) assert.equal(whenOf(id), HAS_GENERATIONS, id);
  });

  it('Change This Project… only where a project remembers its model; internal commands never', () => {
    assert.equal(whenOf('takoss.changeProject'), 'takoss.hasRememberedProject');
    for (const id of ['takoss.revealStage', 'takoss.history.refresh']) assert.equal(whenOf(id), 'false', id);
  });
});
