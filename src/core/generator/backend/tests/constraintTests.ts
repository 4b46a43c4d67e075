// Generated tests of the value checks every entity gets: required text that is only spaces is
// refused by the API, and the database's CHECK constraints refuse what the API refuses (answered
// as 400 naming the field when something writes past the API).
import { mustHaveText } from '../../fieldMeaning';
import { checkConstraints, type CheckConstraint } from '../checkConstraints';
import type { Column, EntityModel } from '../model';
import { inputColumns } from '../model';
import { lines, str } from '../util';

const detailPaths = (reply: string) => `${reply}.body.error.details.map((d: { path: string }) => d.path)`;

/** Required text of spaces only is refused on create and update (400 naming the field). */
export function blankTextTest(entity: EntityModel, create: string, tokenOf: string, imports: Set<string>): string[] {
  const required = inputColumns(entity).filter((c) => c.field && mustHaveText(c.field));
  if (!required.length) return [];
  const { camel, route } = entity.names;
  if (!entity.isAuthUser) imports.add(`${camel}Body`);
  const checks = required.flatMap((column) => {
    const prop = column.prop[0].toUpperCase() + column.prop.slice(1);
    return [
      entity.isAuthUser
        ? null
        : lines(
            `    const create${prop} = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${column.prop}: '   ' }), token: t.token });`,
            `    expect(create${prop}.status).toBe(400);`,
            `    expect(${detailPaths(`create${prop}`)}).toContain(${str(column.prop)});`,
          ),
      `    const update${prop} = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${column.prop}: ' \\n\\t ' }, token: ${tokenOf} });`,
      `    expect(update${prop}.status).toBe(400);`,
      `    expect(${detailPaths(`update${prop}`)}).toContain(${str(column.prop)});`,
    ];
  });
  return [
    `  it('refuses ${required.map((c) => c.prop).join(', ')} made of spaces only on create and update', async () => {`,
    `    const created = await ${create};`,
    ...checks.filter((line): line is string => line !== null),
    `  });`,
    ``,
  ];
}

/** A value that breaks a number range, as Drizzle takes it (numeric columns take strings). */
function outsideRange(column: Column): string {
  const value = column.min !== undefined ? column.min - 1 : column.max! + 1;
  return column.type === 'integer' ? String(value) : str(String(value));
}

/** Values that break a time order: the later column a day before the earlier one. */
function outOfOrder(earlier: Column, later: Column, imports: Set<string>): string {
  imports.add('day');
  const at = (n: number) => (earlier.type === 'date' ? `day(${n})` : `new Date(\`\${day(${n})}T10:00:00.000Z\`)`);
  return `{ ${earlier.prop}: ${at(2)}, ${later.prop}: ${at(1)} }`;
}

/** The row change each CHECK constraint refuses, as a Drizzle `set()` object. */
function violations(entity: EntityModel, imports: Set<string>): { changes: string; path: string }[] {
  const columnOf = (prop: string | undefined) => entity.columns.find((c) => c.prop === prop);
  const changesFor = (check: CheckConstraint, column: Column): string | undefined => {
    switch (check.kind) {
      case 'enum':
        return `{ ${column.prop}: 'not_a_value' }`;
      case 'range':
        return `{ ${column.prop}: ${outsideRange(column)} }`;
      case 'notBlank':
        return `{ ${column.prop}: '   ' }`;
      case 'dateOrder': {
        const earlier = columnOf(check.earlier);
        return earlier && outOfOrder(earlier, column, imports);
      }
    }
  };
  return checkConstraints(entity).flatMap((check) => {
    const column = columnOf(check.path);
    const changes = column && changesFor(check, column);
    return changes ? [{ changes, path: check.path }] : [];
  });
}

/** The database's CHECK constraints hold when a write goes past the API, and read as a 400 naming the field. */
export function databaseChecksTest(entity: EntityModel, create: string, imports: Set<string>): { code: string[]; importLines: string[] } {
  const found = violations(entity, imports);
  if (!found.length) return { code: [], importLines: [] };
  const { pascal, camelPlural: table } = entity.names;
  return {
    importLines: [
      `import { eq } from 'drizzle-orm';`,
      `import { ${table}, type New${pascal}Row } from '../src/db/schema.js';`,
      `import { toApiError } from '../src/http/errors.js';`,
    ],
    code: [
      `  it('has the database refuse what the API refuses (CHECK constraints, answered as 400)', async () => {`,
      `    const created = await ${create};`,
      `    const refusal = (changes: Partial<New${pascal}Row>) =>`,
      `      t.database.db.update(${table}).set(changes).where(eq(${table}.id, created.id)).then(() => undefined, toApiError);`,
      ...found.map(({ changes, path }) => `    expect(await refusal(${changes})).toMatchObject({ status: 400, details: [{ path: ${str(path)} }] });`),
      `  });`,
      ``,
    ],
  };
}
