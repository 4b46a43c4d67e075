// Per rule of the spec: the rule refuses what it forbids and lets through what it allows.
import type { Rule } from '../../../../src/model/project/projectSpec';
import type { ProbeWorld } from '../world';
import { dateValue, meeting } from '../values';

const REFUSED = [400, 403, 409, 422];

export async function probeRule(world: ProbeWorld, rule: Rule): Promise<void> {
  switch (rule.kind) {
    case 'unique':
      return probeUnique(world, rule);
    case 'capacity':
      return probeCapacity(world, rule);
    case 'noOverlap':
      return probeOverlap(world, rule);
    case 'statusWorkflow':
      return probeWorkflow(world, rule);
    case 'refuseWhen':
      return probeRefusal(world, rule);
    case 'roleRequired':
      return probeRoles(world, rule);
    case 'ownership':
      return probeOwnership(world, rule.entity, rule.actions, `rule ownership ${rule.entity}`);
    case 'dateOrder':
      return; // probed with the bad input of its entity
  }
}

async function probeUnique(world: ProbeWorld, rule: Extract<Rule, { kind: 'unique' }>): Promise<void> {
  const area = `rule unique ${rule.entity}(${rule.fields.join(', ')})`;
  const first = await world.create(rule.entity);
  if (!world.report.status(area, 'a first row is accepted', first.reply, 201)) return;
  const same = Object.fromEntries(rule.fields.map((f) => [f, first.sent[f] ?? first.reply.body[f]]));
  world.report.status(area, 'a second row with the same values is refused (409)', (await world.create(rule.entity, first.actor, same)).reply, 409);
}

async function probeCapacity(world: ProbeWorld, rule: Extract<Rule, { kind: 'capacity' }>): Promise<void> {
  const area = `rule capacity ${rule.entity}${rule.relation ? ` per ${rule.relation}` : ''}`;
  const relation = world.spec.relations.find((r) => r.kind === 'belongsTo' && r.from === rule.entity && r.name === rule.relation);
  if (!relation) return world.report.skip(area, 'fill to the limit', 'a limit over the whole table depends on rows other checks made');
  const limit = rule.capacityField ? 2 : (rule.limit ?? 0);
  if (limit > 20) return world.report.skip(area, 'fill to the limit', `the limit (${limit}) is too large to fill in a probe`);
  const parent = relation.to === 'User' ? undefined : await world.create(relation.to, undefined, { ...world.parentAvoiding(relation), ...(rule.capacityField ? { [rule.capacityField]: limit } : {}) });
  if (parent && !world.report.status(area, `creates a ${relation.to}`, parent.reply, 201)) return;
  const shared: Record<string, unknown> = parent ? { [`${relation.name}Id`]: parent.reply.body.id } : {};
  if (rule.period) shared[rule.period.field] = dateValue(world.entity(rule.entity).fields.find((f) => f.name === rule.period?.field)?.type === 'date' ? 'date' : 'datetime', 200);
  if (rule.activeWhenNull) shared[rule.activeWhenNull] = null;
  const creator = relation.to === 'User' ? await world.newUser('capacity user') : undefined;
  for (let i = 0; i < limit; i++) {
    if (!world.report.status(area, `row ${i + 1} of ${limit} is accepted`, (await world.create(rule.entity, creator, shared)).reply, 201)) return;
  }
  world.report.status(area, 'one more is refused (409)', (await world.create(rule.entity, creator, shared)).reply, 409, 422);
}

async function probeOverlap(world: ProbeWorld, rule: Extract<Rule, { kind: 'noOverlap' }>): Promise<void> {
  const area = `rule noOverlap ${rule.entity} per ${rule.scope}`;
  const fields = world.entity(rule.entity).fields;
  const type = fields.find((f) => f.name === rule.start)?.type === 'date' ? 'date' : 'datetime';
  // A row from `start` (minutes after a day far from other rows) lasting `minutes`.
  const span = (start: number, minutes: number): Record<string, unknown> => {
    const at = (offset: number) => new Date(Date.parse(dateValue('datetime', 500)) + offset * 60_000).toISOString();
    const row: Record<string, unknown> = { [rule.start]: type === 'date' ? at(start).slice(0, 10) : at(start) };
    if (rule.end) row[rule.end] = type === 'date' ? at(start + minutes).slice(0, 10) : at(start + minutes);
    if (rule.durationMinutesField) row[rule.durationMinutesField] = minutes;
    return row;
  };
  // Days for date-only fields (a day is the smallest step), an hour otherwise.
  const length = type === 'date' ? 2 * 1440 : 60;
  const first = await world.create(rule.entity, undefined, span(0, length));
  if (!world.report.status(area, 'a first row is accepted', first.reply, 201)) return;
  const scope = { [`${rule.scope}Id`]: first.reply.body[`${rule.scope}Id`] };
  world.report.status(area, 'an overlapping row in the same scope is refused', (await world.create(rule.entity, first.actor, { ...scope, ...span(type === 'date' ? 0 : length / 2, length) })).reply, 409, 422);
  world.report.status(area, 'a later row in the same scope is accepted', (await world.create(rule.entity, first.actor, { ...scope, ...span(length * 3, length) })).reply, 201);
}

async function probeWorkflow(world: ProbeWorld, rule: Extract<Rule, { kind: 'statusWorkflow' }>): Promise<void> {
  const area = `rule workflow ${rule.entity}.${rule.field}`;
  const values = world.entity(rule.entity).fields.find((f) => f.name === rule.field)?.enumValues ?? [];
  const allowed = rule.transitions.filter((t) => t.from === rule.initial).map((t) => t.to);
  const forbidden = values.find((v) => v !== rule.initial && !allowed.includes(v));
  const created = await world.create(rule.entity);
  if (!world.report.status(area, `a row starts as ${rule.initial}`, created.reply, 201)) return;
  const updater = (await world.allowed(rule.entity, 'update', created.actor ?? world.member)) ?? created.actor;
  const patch = (to: string) => world.client.call('PATCH', world.path(rule.entity, created.reply.body.id), { body: { [rule.field]: to }, token: updater?.token });
  if (forbidden) world.report.status(area, `${rule.initial} -> ${forbidden} is refused`, await patch(forbidden), ...REFUSED);
  if (allowed[0]) world.report.status(area, `${rule.initial} -> ${allowed[0]} is accepted`, await patch(allowed[0]), 200);
}

async function probeRefusal(world: ProbeWorld, rule: Extract<Rule, { kind: 'refuseWhen' }>): Promise<void> {
  const { condition } = rule;
  const area = `rule refuseWhen ${rule.entity} ${condition.relation ? `${condition.relation}.` : ''}${condition.field} ${condition.op}`;
  const holder = condition.relation ? world.spec.relations.find((r) => r.from === rule.entity && r.name === condition.relation)?.to : rule.entity;
  const field = holder ? world.entity(holder).fields.find((f) => f.name === condition.field) : undefined;
  if (!holder || !field) return world.report.skip(area, 'meet the condition', 'the condition names no field the probe can set');
  const value = meeting(condition, field, undefined);
  if (condition.relation) {
    const parent = await world.create(holder, undefined, { [field.name]: value });
    if (!world.report.status(area, `creates a ${holder} where the condition holds`, parent.reply, 201)) return;
    if (rule.actions.includes('create')) {
      world.report.status(area, 'creating under it is refused', (await world.create(rule.entity, undefined, { [`${condition.relation}Id`]: parent.reply.body.id })).reply, ...REFUSED);
    } else world.report.skip(area, 'update/delete under a parent', 'needs a row made before the parent met the condition');
    return;
  }
  if (rule.actions.includes('create')) world.report.status(area, 'creating a row where it holds is refused', (await world.create(rule.entity, undefined, { [field.name]: value })).reply, ...REFUSED);
  const others = rule.actions.filter((a) => a !== 'create');
  if (others.length === 0) return;
  const created = await world.create(rule.entity);
  if (!world.report.status(area, 'a row where it does not hold is accepted', created.reply, 201)) return;
  const path = world.path(rule.entity, created.reply.body.id);
  const token = (await world.allowed(rule.entity, 'update', created.actor ?? world.member))?.token;
  if (world.report.status(area, 'the row can be changed so that it holds', await world.client.call('PATCH', path, { body: { [field.name]: value }, token }), 200)) {
    if (others.includes('delete')) world.report.status(area, 'deleting it is then refused', await world.client.call('DELETE', path, { token }), ...REFUSED);
  }
}

async function probeRoles(world: ProbeWorld, rule: Extract<Rule, { kind: 'roleRequired' }>): Promise<void> {
  if (rule.fields) return probeFieldRoles(world, { ...rule, fields: rule.fields });
  const area = `rule roles ${rule.entity} ${rule.actions.join('/')}: ${rule.roles.join(', ')}`;
  if (!world.auth) return;
  const outsider = world.member;
  if (!outsider.token || rule.roles.includes(outsider.role ?? '')) return world.report.skip(area, 'an outsider is refused', 'no signed-in user without the role');
  const insider = await world.withRole(rule.roles);
  if (!world.report.check(area, `someone with the role can be signed in (${rule.roles.join(' or ')})`, Boolean(insider), 'no admin to give the role, and sign-up gives only the default role')) return;
  if (rule.actions.includes('create')) {
    world.report.status(area, 'a member without the role cannot create', (await world.create(rule.entity, outsider)).reply, 403);
    world.report.status(area, 'someone with the role can create', (await world.create(rule.entity, insider)).reply, 201);
  }
  const row = await world.create(rule.entity, insider);
  if (row.reply.status !== 201) return;
  const path = world.path(rule.entity, row.reply.body.id);
  if (rule.actions.includes('update')) world.report.status(area, 'a member without the role cannot update', await world.client.call('PATCH', path, { body: {}, token: outsider.token }), 403);
  if (rule.actions.includes('delete')) world.report.status(area, 'a member without the role cannot delete', await world.client.call('DELETE', path, { token: outsider.token }), 403);
}

/** A role rule on fields: a member without the role may change the row, but not give the field a new value. */
async function probeFieldRoles(world: ProbeWorld, rule: Extract<Rule, { kind: 'roleRequired' }> & { fields: string[] }): Promise<void> {
  const area = `rule roles ${rule.entity}.${rule.fields.join('+')} ${rule.actions.join('/')}: ${rule.roles.join(', ')}`;
  if (!world.auth || !rule.actions.includes('update')) return;
  const outsider = world.member;
  if (!outsider.token || rule.roles.includes(outsider.role ?? '')) return world.report.skip(area, 'an outsider is refused', 'no signed-in user without the role');
  const closed = world.spec.rules.some((r) => r.kind === 'roleRequired' && !r.fields && r.entity === rule.entity && r.actions.includes('update') && !r.roles.includes(outsider.role ?? ''));
  if (closed) return world.report.skip(area, 'an outsider changes the value', 'a role rule keeps them from changing the row at all');
  const row = await world.create(rule.entity, outsider);
  if (row.reply.status !== 201) return world.report.skip(area, 'an outsider changes the value', 'a member without the role cannot create the row');
  const field = rule.fields[0];
  const other = (await world.rowOf(rule.entity, outsider))[field];
  if (other === undefined || other === row.reply.body[field]) return world.report.skip(area, 'an outsider changes the value', 'no second valid value');
  const path = world.path(rule.entity, row.reply.body.id);
  world.report.status(area, 'a member without the role cannot give it a new value', await world.client.call('PATCH', path, { body: { [field]: other }, token: outsider.token }), 403);
  world.report.status(area, 'but may still send the row back unchanged', await world.client.call('PATCH', path, { body: { [field]: row.reply.body[field] }, token: outsider.token }), 200, 409);
}

/** Another member can neither change nor delete (nor, when reading is owned, read) someone's row. */
export async function probeOwnership(world: ProbeWorld, entity: string, actions: readonly string[], area: string): Promise<void> {
  if (!world.other.token || !world.member.token) return world.report.skip(area, 'another member is refused', 'two members could not be signed in');
  const created = await world.create(entity, world.member);
  if (!world.report.status(area, 'a member creates a row', created.reply, 201)) return;
  const path = world.path(entity, created.reply.body.id);
  const other = world.other.token;
  if (actions.includes('read')) world.report.status(area, 'another member cannot read it', await world.client.call('GET', path, { token: other }), 403, 404);
  if (actions.includes('update')) world.report.status(area, 'another member cannot change it', await world.client.call('PATCH', path, { body: {}, token: other }), 403, 404);
  if (actions.includes('delete')) world.report.status(area, 'another member cannot delete it', await world.client.call('DELETE', path, { token: other }), 403, 404);
  if (actions.includes('delete')) world.report.status(area, 'its owner can delete it', await world.client.call('DELETE', path, { token: world.member.token }), 204);
}
