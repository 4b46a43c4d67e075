import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TakossSettings } from '../../src/core/config';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('is named takoss and targets the code-server VS Code', () => {
    assert.equal(manifest.name, 'takoss');
    assert.equal(manifest.displayName, 'Takoss');
    assert.match(manifest.engines.vscode, /^\^1\.100\./);
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('contributes the generate command in the Takoss category', () => {
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'takoss.generateProject');
    assert.ok(command);
    assert.equal(`${command.category}: ${command.title}`, 'Takoss: Generate Project');
  });

  it('activates only through its contributions', () => {
    const events: string[] = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*'));
    assert.ok(!events.includes('onStartupFinished'));
  });

  it('has an activity-bar container with the history view', () => {
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, 'takoss');
    assert.equal(manifest.contributes.views.takoss[0].id, 'takoss.history');
  });

  it('declares every setting that the settings schema reads, with the same defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    const declared = Object.keys(properties).map((key) => key.replace(/^takoss\./, '')).sort();
    assert.deepEqual(declared, Object.keys(TakossSettings.shape).sort());
    const defaults = TakossSettings.parse({});
    for (const [key, value] of Object.entries(defaults)) {
      assert.deepEqual(properties[`takoss.${key}`].default, value, key);
    }
    assert.deepEqual(properties['takoss.provider'].enum, ['offline', 'anthropic']);
  });

  it('declares limited untrusted-workspace support with a description', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.description.length > 20);
  });
});
