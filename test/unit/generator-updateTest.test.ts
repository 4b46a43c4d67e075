import * as assert from 'node:assert/strict';
import { buildModel } from '../../src/core/generator/backend/model';
import { updateTest } from '../../src/core/generator/backend/tests/updateTest';
import { ProjectSpec, type FieldType, type ProjectSpecInput } from '../../src/model/project/projectSpec';

const field = (name: string, type: FieldType, extra: Record<string, unknown> = {}) => ({ name, label: name, type, required: true, ...extra });

function spec(entities: ProjectSpecInput['entities'], relations: ProjectSpecInput['relations'] = [], rules: ProjectSpecInput['rules'] = []): ProjectSpec {
  return ProjectSpec.parse({ name: 'app', title: 'App', requirements: { text: '', sentences: [] }, entities, relations, rules, auth: { kind: 'none' } });
}

function testOf(project: ProjectSpec, entityName: string): { code: string; imports: string[] } {
  const model = buildModel(project);
  const entity = model.entity(entityName);
  const imports = new Set<string>();
  const code = updateTest(entity, model, `create${entityName}(t)`, entityName.toLowerCase(), 't.token', imports);
  return { code, imports: [...imports].sort() };
}

const entity = (name: string, fields: ReturnType<typeof field>[]) => ({ name, label: name, pluralLabel: name + 's', fields });

describe('generated update test', () => {
  it('changes a free text field, checks the change is real and reads it back', () => {
    const { code, imports } = testOf(spec([entity('Note', [field('body', 'text')])]), 'Note');
    assert.match(code, /const changes = \{ body: `Changed \$\{next\(\)\}` \};/);
    assert.match(code, /expect\(created\)\.not\.toMatchObject\(changes\);/);
    assert.match(code, /expect\(reply\.body\)\.toMatchObject\(changes\);/);
    assert.match(code, /const read = await t\.call\('GET', `\/api\/notes\/\$\{created\.id\}`/);
    assert.match(code, /expect\(read\.body\)\.toMatchObject\(changes\);/);
    assert.deepEqual(imports, ['next']);
  });

  it('moves a row whose only editable field is a relation to a new parent', () => {
    const project = spec(
      [entity('Room', [field('name', 'string')]), entity('Stay', [field('from', 'date'), field('until', 'date')])],
      [{ kind: 'belongsTo', from: 'Stay', to: 'Room', name: 'room', inverseName: 'stays' }],
      [{ kind: 'dateOrder', entity: 'Stay', earlier: 'from', later: 'until' }],
    );
    const { code, imports } = testOf(project, 'Stay');
    assert.match(code, /const otherParent = await createRoom\(t\);/);
    assert.match(code, /const changes = \{ roomId: otherParent\.id \};/);
    assert.doesNotMatch(code, /changes = \{\}/);
    assert.deepEqual(imports, ['createRoom']);
  });

  it('changes numbers, booleans, enums and dates to another valid value', () => {
    const bounded = testOf(spec([entity('Dial', [field('level', 'integer', { min: 3, max: 9 })])]), 'Dial').code;
    assert.match(bounded, /const changes = \{ level: created\.level === 3 \? 4 : 3 \};/);
    const money = testOf(spec([entity('Fee', [field('amount', 'money', { min: 0 })])]), 'Fee').code;
    assert.match(money, /amount: created\.amount === "0\.00" \? "1\.00" : "0\.00"/);
    const flag = testOf(spec([entity('Flag', [field('on', 'boolean')])]), 'Flag').code;
    assert.match(flag, /const changes = \{ on: !created\.on \};/);
    const status = testOf(spec([entity('Job', [field('state', 'enum', { enumValues: ['open', 'done'] })])]), 'Job').code;
    assert.match(status, /state: created\.state === "open" \? "done" : "open"/);
    const day = testOf(spec([entity('Trip', [field('on', 'date')])]), 'Trip');
    assert.match(day.code, /const changes = \{ on: shift\(created\.on \?\? day\(0\), 1, "date"\) \};/);
    assert.deepEqual(day.imports, ['day', 'shift']);
  });

  it('leaves fields out that a rule controls, and a number fixed by min = max', () => {
    const project = spec(
      [entity('Task', [field('state', 'enum', { enumValues: ['open', 'done'] }), field('size', 'integer', { min: 2, max: 2 })])],
      [],
      [{ kind: 'statusWorkflow', entity: 'Task', field: 'state', initial: 'open', transitions: [{ from: 'open', to: 'done' }] }],
    );
    const { code } = testOf(project, 'Task');
    assert.match(code, /it\('keeps a task as it is on an empty update'/);
    assert.match(code, /expect\(read\.body\)\.toEqual\(\{ \.\.\.created, updatedAt: read\.body\.updatedAt \}\);/);
  });
});
