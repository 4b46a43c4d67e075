// Per entity: requests a client could get wrong, each of which must be a documented 4xx, never
// a 5xx or a silently stored row: wrong types, blank text, negative amounts, an end before its
// start, a parent that does not exist, malformed JSON, bad ids and bad list parameters.
import type { Entity } from '../../../../src/model/project/projectSpec';
import type { ProbeWorld } from '../world';
import { dateValue, END_NAME, isNumber, NON_NEGATIVE, START_NAME, wrongType } from '../values';

const BAD_REQUEST = [400, 422];

export async function probeBadInput(world: ProbeWorld, entity: Entity): Promise<void> {
  const area = `bad input ${entity.name}`;
  const creator = await world.creatorOf(entity.name);
  const blocked = await world.cannotCreate(entity.name);
  if (blocked) return world.report.skip(area, 'all', blocked);
  const token = creator?.token;
  const post = async (name: string, change: (row: Record<string, unknown>) => void, expected = BAD_REQUEST) => {
    const row = await world.rowOf(entity.name, creator);
    change(row);
    world.report.status(area, name, await world.client.call('POST', world.path(entity.name), { body: row, token }), ...expected);
  };
  if (needsBody(world, entity)) world.report.status(area, 'an empty body is refused (400)', await world.client.call('POST', world.path(entity.name), { body: {}, token }), 400);
  world.report.status(area, 'malformed JSON is refused (400)', await world.client.call('POST', world.path(entity.name), { rawBody: '{"oops":', token }), 400);
  for (const field of entity.fields) {
    await post(`${field.name}: a value of the wrong type is refused`, (row) => (row[field.name] = wrongType(field)));
    if (field.required && (field.type === 'string' || field.type === 'text')) await post(`${field.name}: blank text is refused`, (row) => (row[field.name] = '   '));
    if (isNumber(field) && NON_NEGATIVE.test(field.name) && (field.min === undefined || field.min >= 0)) await post(`${field.name}: a negative value is refused`, (row) => (row[field.name] = field.type === 'integer' ? -1 : '-1.00'));
  }
  await probeDateOrder(world, entity, post);
  for (const relation of world.spec.relations) {
    if (relation.kind !== 'belongsTo' || relation.from !== entity.name || relation.to === 'User' || entity.ownerRelation === relation.name) continue;
    await post(`${relation.name}Id: a parent that does not exist is refused`, (row) => (row[`${relation.name}Id`] = 999_999), [400, 404, 409, 422]);
  }
  await probeBadAddresses(world, entity, token);
}

/** Whether an empty body lacks something: a required field without a default, or a parent the client picks. */
function needsBody(world: ProbeWorld, entity: Entity): boolean {
  const managed = new Set(world.spec.rules.flatMap((r) => (r.kind === 'statusWorkflow' && r.entity === entity.name ? [r.field] : [])));
  if (entity.fields.some((f) => f.required && f.default === undefined && !managed.has(f.name))) return true;
  return world.spec.relations.some((r) => r.kind === 'belongsTo' && r.from === entity.name && r.required && r.name !== entity.ownerRelation);
}

/** An end before its start is refused, whether or not the spec states the rule. */
async function probeDateOrder(world: ProbeWorld, entity: Entity, post: (name: string, change: (row: Record<string, unknown>) => void) => Promise<void>): Promise<void> {
  const dates = entity.fields.filter((f) => f.type === 'date' || f.type === 'datetime');
  const stated = world.spec.rules.filter((r) => r.kind === 'dateOrder' && r.entity === entity.name);
  const pairs = stated.map((r) => (r.kind === 'dateOrder' ? [r.earlier, r.later] : []));
  const start = dates.find((f) => START_NAME.test(f.name));
  const end = dates.find((f) => END_NAME.test(f.name) && f.type === start?.type);
  if (start && end && !pairs.some(([a, b]) => a === start.name && b === end.name)) pairs.push([start.name, end.name]);
  for (const [earlier, later] of pairs) {
    const type = dates.find((f) => f.name === later)?.type === 'date' ? 'date' : 'datetime';
    await post(`${later} before ${earlier} is refused`, (row) => {
      row[earlier] = dateValue(type, 300);
      row[later] = dateValue(type, 299);
    });
  }
}

/** Ids that name no row, and list parameters out of range. */
async function probeBadAddresses(world: ProbeWorld, entity: Entity, token?: string): Promise<void> {
  const area = `bad input ${entity.name}`;
  const call = (method: string, path: string, body?: unknown) => world.client.call(method, path, { token, body });
  world.report.status(area, 'GET of a non-numeric id is 404', await call('GET', world.path(entity.name, 'abc')), 404);
  world.report.status(area, 'GET of an unknown id is 404', await call('GET', world.path(entity.name, 999_999)), 404);
  world.report.status(area, 'PATCH of an unknown id is 404', await call('PATCH', world.path(entity.name, 999_999), {}), 404, 403);
  world.report.status(area, 'DELETE of an unknown id is 404', await call('DELETE', world.path(entity.name, 999_999)), 404, 403);
  for (const query of ['pageSize=1000', 'page=0', 'sort=no_such_field', 'order=sideways']) {
    world.report.status(area, `list with ${query} is refused (400)`, await call('GET', `${world.path(entity.name)}?${query}`), 400);
  }
}
