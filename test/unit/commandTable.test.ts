import * as assert from 'node:assert/strict';
import { CommandTable } from '../../src/vscode/commands/commandTable';

describe('CommandTable (the handlers behind activation\'s command stubs)', () => {
  it('runs a registered handler with the arguments and returns what it returns', () => {
    const table = new CommandTable();
    table.registerCommand('takoss.sum', (a: number, b: number) => a + b);
    assert.equal(table.has('takoss.sum'), true);
    assert.equal(table.run('takoss.sum', [2, 3]), 5);
    assert.deepEqual(table.ids(), ['takoss.sum']);
  });

  it('refuses a second handler for the same command, as vscode.commands does', () => {
    const table = new CommandTable();
    table.registerCommand('takoss.once', () => 1);
    assert.throws(() => table.registerCommand('takoss.once', () => 2), /'takoss.once' already exists/);
  });

  it('forgets a disposed handler, and names a command without one', () => {
    const table = new CommandTable();
    table.registerCommand('takoss.gone', () => 1).dispose();
    assert.equal(table.has('takoss.gone'), false);
    assert.throws(() => table.run('takoss.gone', []), /'takoss.gone' has no handler/);
  });
});
