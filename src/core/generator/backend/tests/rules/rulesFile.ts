// backend/test/rules.test.ts: every business rule of the spec, each tried both ways.
import type { Rule } from '../../../../../model/project/projectSpec';
import type { BackendModel } from '../../model';
import { lines } from '../../util';
import type { RuleTest } from './ruleTest';
import { dateOrderTest, noOverlapTest } from './dates';
import { refuseWhenTest } from './refuseWhen';
import { capacityTest } from './capacity';
import { roleRequiredTest } from './access';
import { fieldRoleTest } from './fieldAccess';
import { uniqueTest } from './unique';
import { statusWorkflowTest } from './statusWorkflow';
import { SUITE_SETUP } from '../suiteSetup';

/** The test of one rule, or undefined when it cannot be tried through the API (e.g. rules on the sign-in user). */
export function ruleTest(rule: Rule, model: BackendModel): RuleTest | undefined {
  const entity = model.entity(rule.entity);
  if (entity.isAuthUser) return undefined;
  switch (rule.kind) {
    case 'capacity':
      return capacityTest(rule, entity, model);
    case 'unique':
      return uniqueTest(rule, entity);
    case 'noOverlap':
      return noOverlapTest(rule, entity, model);
    case 'statusWorkflow':
      return statusWorkflowTest(rule, entity);
    case 'dateOrder':
      return dateOrderTest(rule, entity);
    case 'refuseWhen':
      return refuseWhenTest(rule, entity, model);
    case 'ownership':
      return undefined; // tried in access.test.ts with the ownership every owned entity gets by default
    case 'roleRequired':
      return rule.fields ? fieldRoleTest({ ...rule, fields: rule.fields }, entity, model) : roleRequiredTest(rule, entity, model);
  }
}

export function rulesTestFile(tests: RuleTest[]): string {
  const imports = [...new Set(['setup', 'type TestContext', ...tests.flatMap((t) => t.imports)])].sort((a, b) =>
    a.replace('type ', '').localeCompare(b.replace('type ', '')),
  );
  const tables = [...new Set(tests.flatMap((t) => t.tables ?? []))].sort();
  return lines(
    `// The business rules of the spec, each tried both ways.`,
    tables.length ? `import { eq } from 'drizzle-orm';` : null,
    `import { afterAll, beforeAll, describe, expect, it } from 'vitest';`,
    tables.length ? `import { ${tables.join(', ')} } from '../src/db/schema.js';` : null,
    `import { ${imports.join(', ')} } from './helpers.js';`,
    ``,
    SUITE_SETUP,
    ``,
    `describe('business rules', () => {`,
    tests.map((test) => test.code).join('\n\n'),
    `});`,
  );
}
