// The entity lookups the relation and rule passes share (entityIndex.ts) answer as a scan of the
// draft's entities does, and follow the draft as entities are added, renamed and removed.
import * as assert from 'node:assert/strict';
import { addEntity, newDraft } from '../../src/core/extract/draft';
import { entityIndex } from '../../src/core/extract/entityIndex';

describe('extract: entity index', () => {
  it('finds entities by key (first and last of a key), and by the last word of the key', () => {
    const draft = newDraft();
    addEntity(draft, 'meeting room');
    addEntity(draft, 'room');
    addEntity(draft, 'booking');
    const index = entityIndex(draft);
    assert.equal(index.first.get('meeting room')?.key, 'meeting room');
    assert.deepEqual(index.byHead.get('room')?.map((e) => e.key), ['meeting room', 'room']);
    assert.deepEqual(index.compoundsByHead.get('room')?.map((e) => e.key), ['meeting room']);
    assert.equal(index.compoundsByHead.get('booking'), undefined);
    assert.equal(index.first.get('meeting'), undefined);
  });

  it('is rebuilt when an entity is added, renamed or removed', () => {
    const draft = newDraft();
    addEntity(draft, 'class');
    assert.equal(entityIndex(draft).first.get('class')?.key, 'class');
    addEntity(draft, 'fitness class');
    assert.deepEqual(entityIndex(draft).byHead.get('class')?.map((e) => e.key), ['class', 'fitness class']);
    draft.entities[0].key = 'session';
    assert.equal(entityIndex(draft).first.get('class'), undefined);
    assert.equal(entityIndex(draft).first.get('session')?.key, 'session');
    draft.entities.splice(1, 1);
    assert.equal(entityIndex(draft).byHead.get('class'), undefined);
  });

  it('reads keys through a key form of its own (hyphens as spaces) without mixing it with the plain one', () => {
    const draft = newDraft();
    addEntity(draft, 'e-mail address');
    const spaced = (key: string) => key.replace(/-/g, ' ');
    assert.equal(entityIndex(draft, spaced).first.get('e mail address')?.key, 'e-mail address');
    assert.equal(entityIndex(draft).first.get('e mail address'), undefined);
    assert.equal(entityIndex(draft).first.get('e-mail address')?.key, 'e-mail address');
  });
});
