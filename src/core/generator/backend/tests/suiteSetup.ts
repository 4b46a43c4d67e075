// The opening every generated backend test file shares: one fresh in-memory database for the file,
// closed when its tests are done.
import { lines } from '../util';

export const SUITE_SETUP = lines(
  `let t: TestContext;`,
  `beforeAll(async () => {`,
  `  t = await setup();`,
  `});`,
  `afterAll(async () => {`,
  `  await t.database.close();`,
  `});`,
);
