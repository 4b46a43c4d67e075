import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_USAGE, runCli } from '../../src/core/cli/runCli';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-'));

  it('prints usage with no command and for help', async () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) {
      const result = await cli(...argv);
      assert.equal(result.code, 0);
      assert.equal(result.out, CLI_USAGE);
    }
  });

  it('prints a version', async () => {
    const result = await cli('--version');
    assert.equal(result.code, 0);
    assert.match(result.out, /^\d+\.\d+\.\d+/);
  });

  it('fails with usage on an unknown command', async () => {
    const result = await cli('frobnicate');
    assert.equal(result.code, 2);
    assert.match(result.err, /unknown command "frobnicate"/);
  });

  it('checks a settings file and reports invalid values', async () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ 'takoss.provider': 'anthropic', 'editor.fontSize': 14 }));
    const ok = await cli('check-settings', good);
    assert.equal(ok.code, 0);
    assert.equal(JSON.parse(ok.out).provider, 'anthropic');

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'takoss.maxConcurrentStages': 0 }));
    const warned = await cli('check-settings', bad);
    assert.equal(warned.code, 1);
    assert.match(warned.err, /takoss\.maxConcurrentStages/);
  });

  it('explains unreadable or non-object settings files', async () => {
    assert.equal((await cli('check-settings')).code, 2);
    const missing = await cli('check-settings', path.join(dir, 'missing.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read/);
    const list = path.join(dir, 'list.json');
    writeFileSync(list, '[1,2]');
    assert.match((await cli('check-settings', list)).err, /JSON object/);
  });
});
