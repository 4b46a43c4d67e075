import * as assert from 'node:assert/strict';
import { validateApiKey } from '../../src/core/apiKey';
import { DEFAULT_SETTINGS, outputFolderName, readSettings, TakossSettings } from '../../src/core/config';

describe('settings', () => {
  it('defaults to the offline provider', () => {
    assert.equal(DEFAULT_SETTINGS.provider, 'offline');
    assert.equal(DEFAULT_SETTINGS.outputFolderPattern, '${projectName}');
  });

  it('keeps valid values', () => {
    const { settings, warnings } = readSettings({
      provider: 'anthropic',
      model: 'claude-opus-4-1',
      maxConcurrentStages: 8,
      budgetPerRunUsd: 0.5,
      outputFolderPattern: '${projectName}-${date}',
    });
    assert.deepEqual(warnings, []);
    assert.equal(settings.provider, 'anthropic');
    assert.equal(settings.maxConcurrentStages, 8);
  });

  it('replaces each invalid value by its default and says which', () => {
    const { settings, warnings } = readSettings({
      provider: 'gpt',
      maxConcurrentStages: 99,
      budgetPerRunUsd: -1,
      outputFolderPattern: '../${projectName}',
      model: '',
    });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(warnings.length, 5);
    for (const key of ['provider', 'maxConcurrentStages', 'budgetPerRunUsd', 'outputFolderPattern', 'model']) {
      assert.ok(warnings.some((warning) => warning.startsWith(`takoss.${key}:`)), key);
    }
  });

  it('rejects folder patterns without ${projectName} or with path characters', () => {
    for (const pattern of ['out', 'a/${projectName}', '${projectName}\\x', 'C:${projectName}', '${projectName}\u0000']) {
      assert.equal(TakossSettings.shape.outputFolderPattern.safeParse(pattern).success, false, pattern);
    }
  });

  it('expands the folder pattern', () => {
    assert.equal(outputFolderName('${projectName}-${date}', 'blog', new Date('2026-11-26T10:00:00Z')), 'blog-2026-11-26');
  });
});

describe('API key validation', () => {
  it('accepts Anthropic keys and explains mistakes', () => {
    assert.equal(validateApiKey('sk-ant-api03-abcdefghijklmnopqrstuvwxyz'), undefined);
    assert.match(validateApiKey('') ?? '', /Enter/);
    assert.match(validateApiKey('sk-ant-abc def ghijklmnopqrst') ?? '', /spaces/);
    assert.match(validateApiKey('sk-proj-abcdefghijklmnopqrstuvwxyz') ?? '', /sk-ant-/);
    // A short key says what a whole one looks like and where to copy it from.
    assert.match(validateApiKey('sk-ant-abc') ?? '', /too short .* sk-ant-api03-… .* about 100 characters .* console\.anthropic\.com/);
  });
});
