import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateTakoss, EXTENSION_ID } from './helpers';

describe('Takoss extension', () => {
  it('is not active before anything asks for it (no * activation)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const events: string[] = extension.packageJSON.activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `activation events: ${events.join(', ')}`);
  });

  it('activates and returns its API', async () => {
    const api = await activateTakoss();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    assert.equal(api.version, extension?.packageJSON.version);
    assert.ok(api.recentLog().some((entry) => entry.message.includes('activated')), 'activation is logged');
  });

  it('registers its commands', async () => {
    await activateTakoss();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['takoss.generateProject', 'takoss.showLog', 'takoss.setApiKey', 'takoss.clearApiKey']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('contributes its settings with the documented defaults', () => {
    const config = vscode.workspace.getConfiguration('takoss');
    assert.equal(config.get('provider'), 'offline');
    assert.equal(config.get('maxConcurrentStages'), 4);
    assert.equal(config.get('budgetPerRunUsd'), 2);
    assert.equal(config.get('outputFolderPattern'), '${projectName}');
    assert.equal(typeof config.get('model'), 'string');
  });

  it('declares limited support for untrusted workspaces', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.packageJSON.capabilities?.untrustedWorkspaces?.supported, 'limited');
  });

  it('keeps the API key in Secret Storage, refuses malformed keys, and clears it', async () => {
    const api = await activateTakoss();
    assert.equal(await vscode.commands.executeCommand('takoss.setApiKey', 'not a key'), false);
    assert.equal(await api.hasApiKey(), false);
    const key = 'sk-ant-test-0123456789abcdefghij';
    assert.equal(await vscode.commands.executeCommand('takoss.setApiKey', key), true);
    assert.equal(await api.hasApiKey(), true);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('takoss'));
    assert.ok(!settings.includes(key), 'the key is not in settings');
    assert.ok(!api.recentLog().some((entry) => entry.message.includes(key)), 'the key is not logged');
    assert.equal(await vscode.commands.executeCommand('takoss.clearApiKey'), true, 'removed, and the user is told so');
    assert.equal(await api.hasApiKey(), false);
    assert.equal(await vscode.commands.executeCommand('takoss.clearApiKey'), false, 'nothing to remove: the user is told that instead');
  });

  it('shows the Takoss log on request without failing', async () => {
    await activateTakoss();
    await vscode.commands.executeCommand('takoss.showLog');
  });
});
