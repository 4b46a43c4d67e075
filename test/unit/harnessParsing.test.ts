import * as assert from 'node:assert/strict';
import { parseExtensionHostExit } from '../harness/codeServerSession';

describe('code-server log parsing', () => {
  it('reads the extension host exit code', () => {
    assert.deepEqual(
      parseExtensionHostExit('[12:00:00] [127.0.0.1][x][ExtensionHostConnection] <1> Extension Host Process exited with code: 0, signal: null.'),
      { code: 0, signal: undefined },
    );
    assert.deepEqual(parseExtensionHostExit('Extension Host Process exited with code: 1'), { code: 1, signal: undefined });
  });

  it('reads a crash by signal', () => {
    assert.deepEqual(parseExtensionHostExit('<11450> Extension Host Process exited with code: null, signal: SIGKILL.'), {
      code: null,
      signal: 'SIGKILL',
    });
  });

  it('ignores other lines', () => {
    assert.equal(parseExtensionHostExit('Launched Extension Host Process.'), undefined);
  });
});
