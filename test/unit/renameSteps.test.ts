import * as assert from 'node:assert/strict';
import { addField, renameEntity, renameField } from '../../src/model/project/edit';
import { renameStepOf } from '../../src/model/project/renameSteps';
import { loadFixtureSpec } from '../shared/claudeModels';

describe('renameStepOf: a review edit read back as a rename', () => {
  const studio = loadFixtureSpec('studio');
  const member = studio.entities.find((e) => e.name === 'Member')!;
  const field = member.fields[0].name;

  it('an entity renamed in place', () => {
    assert.deepEqual(renameStepOf(studio, renameEntity(studio, 'Member', 'Client')), { entities: [{ from: 'Member', to: 'Client' }] });
  });

  it('a field renamed in place', () => {
    assert.deepEqual(renameStepOf(studio, renameField(studio, 'Member', field, 'fullName')), { fields: [{ entity: 'Member', from: field, to: 'fullName' }] });
  });

  it('anything else is no rename: an added field, the same spec, another project', () => {
    assert.equal(renameStepOf(studio, addField(studio, 'Member', 'phone')), undefined);
    assert.equal(renameStepOf(studio, studio), undefined);
    assert.equal(renameStepOf(studio, loadFixtureSpec('events')), undefined);
  });
});
