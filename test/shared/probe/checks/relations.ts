// Per belongsTo relation: what deleting the parent of a row does, as the spec says (restrict:
// 409 and both kept; cascade: the child goes too; set null: the child stays, unlinked).
import type { Relation } from '../../../../src/model/project/projectSpec';
import type { ProbeWorld } from '../world';

export async function probeDeleteParent(world: ProbeWorld, relation: Relation): Promise<void> {
  const area = `relation ${relation.from}.${relation.name}`;
  if (relation.to === relation.from) return world.report.skip(area, 'deleting a parent', 'a relation of an entity to itself');
  const parentActor = relation.to === 'User' ? await world.newUser('parent user') : await world.creatorOf(relation.to);
  const parent = relation.to === 'User' ? { reply: { status: 201, body: { id: parentActor?.id } } } : await world.create(relation.to, parentActor, world.parentAvoiding(relation));
  if (!world.report.status(area, `creates a ${relation.to} to refer to`, parent.reply, 201)) return;
  const childActor = relation.to === 'User' ? parentActor : undefined;
  const isOwner = world.entity(relation.from).ownerRelation === relation.name;
  const child = await world.create(relation.from, childActor, isOwner ? {} : { [`${relation.name}Id`]: parent.reply.body.id });
  if (!world.report.status(area, `creates a ${relation.from} that refers to it`, child.reply, 201)) return;
  const deleter = relation.to === 'User' ? world.admin : await world.allowed(relation.to, 'delete', parentActor ?? world.member);
  if (relation.to === 'User' && !deleter) return world.report.skip(area, 'deleting a referenced user', 'no admin to delete users');
  const removed = await world.client.call('DELETE', world.path(relation.to, parent.reply.body.id), { token: deleter?.token });
  const readChild = () => world.client.call('GET', world.path(relation.from, child.reply.body.id), { token: world.admin?.token ?? child.actor?.token });
  if (relation.onDelete === 'restrict') {
    world.report.check(area, 'deleting the parent is refused with 409 conflict', removed.status === 409 && removed.body?.error?.code === 'conflict', removed);
    world.report.status(area, 'the child is kept', await readChild(), 200);
  } else {
    world.report.status(area, 'deleting the parent succeeds (204)', removed, 204);
    const read = await readChild();
    if (relation.onDelete === 'cascade') world.report.status(area, 'the child is deleted with it', read, 404);
    else world.report.check(area, 'the child is kept, unlinked', read.status === 200 && read.body?.[`${relation.name}Id`] === null, read);
  }
}
