// Per entity: create, read back, list, search, update, delete; every answer in the documented shape.
import type { Entity } from '../../../../src/model/project/projectSpec';
import type { ProbeWorld } from '../world';
import { formatNumber, isNumber, sameValue, validValue } from '../values';

export async function probeCrud(world: ProbeWorld, entity: Entity): Promise<void> {
  const area = `crud ${entity.name}`;
  const { report, client } = world;
  const created = await world.create(entity.name);
  if (!report.status(area, 'creates a valid row (201)', created.reply, 201)) return;
  const row = created.reply.body;
  const token = created.actor?.token;
  const read = await client.call('GET', world.path(entity.name, row.id), { token });
  report.status(area, 'reads it back (200)', read, 200);
  const differs = entity.fields.filter((f) => f.name in created.sent && !sameValue(f, created.sent[f.name], read.body?.[f.name]));
  report.check(area, 'stores every field as sent', read.status === 200 && differs.length === 0, `differs: ${differs.map((f) => `${f.name} sent ${JSON.stringify(created.sent[f.name])} read ${JSON.stringify(read.body?.[f.name])}`).join('; ')}`);

  const list = await client.call('GET', `${world.path(entity.name)}?pageSize=100&sort=id&order=desc`, { token });
  report.check(area, 'lists it (200, items/total/page/pageSize)', list.status === 200 && Array.isArray(list.body?.items) && typeof list.body?.total === 'number' && list.body.items.some((item: { id: number }) => item.id === row.id), list);
  await probeSearch(world, entity, row, token);
  await probeUpdate(world, entity, row, token);

  const deleter = (await world.allowed(entity.name, 'delete', created.actor ?? world.member)) ?? created.actor;
  const removed = await client.call('DELETE', world.path(entity.name, row.id), { token: deleter?.token });
  report.status(area, 'deletes it (204)', removed, 204);
  report.status(area, 'a deleted row reads as 404', await client.call('GET', world.path(entity.name, row.id), { token }), 404);
}

/** q finds the row by a text value, and a text found nowhere returns none of the rows. */
async function probeSearch(world: ProbeWorld, entity: Entity, row: Record<string, any>, token?: string): Promise<void> {
  const area = `crud ${entity.name}`;
  const text = entity.fields.find((f) => (f.type === 'string' || f.type === 'text') && typeof row[f.name] === 'string');
  // Text search is offered where there is text to search (text-like fields or values of a list).
  if (!entity.fields.some((f) => ['string', 'text', 'email', 'url', 'enum'].includes(f.type))) return;
  const nowhere = await world.client.call('GET', `${world.path(entity.name)}?q=${encodeURIComponent(`zz-nothing-${Date.now()}`)}`, { token });
  world.report.check(area, 'q that matches nothing returns no rows (q is honoured)', nowhere.status === 200 ? nowhere.body?.total === 0 : nowhere.status === 400, nowhere);
  if (!text) return;
  const found = await world.client.call('GET', `${world.path(entity.name)}?q=${encodeURIComponent(String(row[text.name]).split('\n')[0])}`, { token });
  world.report.check(area, `q finds it by ${text.name}`, found.status === 200 && found.body?.items?.some((item: { id: number }) => item.id === row.id), found);
}

/** Changes one plain field (or a parent) and reads the change back. */
async function probeUpdate(world: ProbeWorld, entity: Entity, row: Record<string, any>, token?: string): Promise<void> {
  const area = `crud ${entity.name}`;
  const updater = (await world.allowed(entity.name, 'update', { label: 'creator', token })) ?? { label: 'creator', token };
  const field = entity.fields.find((f) => ['string', 'text', 'integer', 'decimal', 'money', 'email', 'url'].includes(f.type) && !world.spec.rules.some((r) => r.kind === 'refuseWhen' && r.entity === entity.name && r.actions.includes('update')));
  if (!field) {
    world.report.skip(area, 'updates a field', 'no plain field to change, or updates are refused by a rule');
    return;
  }
  const numeric = isNumber(field);
  const current = Number(row[field.name]);
  const value = numeric ? formatNumber(field, current + 1 <= (field.max ?? Infinity) ? current + 1 : current - 1) : validValue(field, world.next() + 1000);
  const changed = await world.client.call('PATCH', world.path(entity.name, row.id), { body: { [field.name]: value }, token: updater.token });
  world.report.status(area, `updates ${field.name} (200)`, changed, 200);
  const read = await world.client.call('GET', world.path(entity.name, row.id), { token });
  world.report.check(area, `reads the new ${field.name} back`, numeric ? Number(read.body?.[field.name]) === Number(value) : read.body?.[field.name] === value, read);
}
