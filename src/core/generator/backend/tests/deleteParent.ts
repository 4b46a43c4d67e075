// The generated test of what deleting a parent does to the rows that refer to it: refused with a
// 409 naming them (ON DELETE RESTRICT), the children removed (CASCADE) or unlinked (SET NULL).
// PGlite and PostgreSQL report the refusal with different SQLSTATEs, so this test is what keeps
// both databases answering the documented 409 instead of a 500.
import { withArticle } from '../../../../model/project/naming';
import { foreignKeyProperty } from '../../contract';
import type { BackendModel, EntityModel } from '../model';
import { lines } from '../util';
import { singleQuotedText } from '../../emit';

type ChildRelation = EntityModel['children'][number];

/** Relations this test can set up with the plain factories: neither side is the sign-in user. */
function testable(relation: ChildRelation, parent: EntityModel, model: BackendModel): boolean {
  const child = model.entity(relation.from);
  return !parent.isAuthUser && !child.isAuthUser && relation.from !== relation.to && relation !== child.owner;
}

function outcome(relation: ChildRelation, child: EntityModel, fk: string): string[] {
  const { route } = child.names;
  switch (relation.onDelete) {
    case 'restrict':
      return [
        `    expect(reply.status).toBe(409);`,
        `    expect(reply.body.error.code).toBe('conflict');`,
        `    expect(reply.body.error.details.referencedBy).toBe('${singleQuotedText(child.entity.pluralLabel.toLowerCase())}');`,
        `    expect((await t.call('GET', \`/api/\${parentRoute}/\${parent.id}\`, { token: t.token })).status).toBe(200);`,
        `    expect((await t.call('GET', \`/api/${route}/\${child.id}\`, { token: t.token })).status).toBe(200);`,
      ];
    case 'cascade':
      return [`    expect(reply.status).toBe(204);`, `    expect((await t.call('GET', \`/api/${route}/\${child.id}\`, { token: t.token })).status).toBe(404);`];
    case 'setNull':
      return [
        `    expect(reply.status).toBe(204);`,
        `    const kept = await t.call('GET', \`/api/${route}/\${child.id}\`, { token: t.token });`,
        `    expect(kept.status).toBe(200);`,
        `    expect(kept.body.${fk}).toBeNull();`,
      ];
  }
}

function deleteParentTest(relation: ChildRelation, parent: EntityModel, model: BackendModel, imports: Set<string>): string {
  const child = model.entity(relation.from);
  const fk = foreignKeyProperty(relation.name);
  imports.add(`create${parent.names.pascal}`).add(`create${child.names.pascal}`);
  const verb = relation.onDelete === 'restrict' ? 'refuses to delete' : relation.onDelete === 'cascade' ? 'deletes with its children' : 'unlinks the children of';
  const label = singleQuotedText(parent.entity.label.toLowerCase());
  return lines(
    ``,
    `  it('${verb} ${withArticle(label)} that ${singleQuotedText(child.entity.pluralLabel.toLowerCase())} refer to (${relation.from}.${relation.name}, ON DELETE ${relation.onDelete})', async () => {`,
    `    const parentRoute = '${parent.names.route}';`,
    `    const parent = await create${parent.names.pascal}(t);`,
    `    const child = await create${child.names.pascal}(t, { ${fk}: parent.id });`,
    `    const reply = await t.call('DELETE', \`/api/\${parentRoute}/\${parent.id}\`, { token: t.token });`,
    ...outcome(relation, child, fk),
    `  });`,
  );
}

/** One test per relation that points at this entity. */
export function deleteParentTests(parent: EntityModel, model: BackendModel, imports: Set<string>): string[] {
  return parent.children.filter((relation) => testable(relation, parent, model)).map((relation) => deleteParentTest(relation, parent, model, imports));
}
