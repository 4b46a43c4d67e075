// Issue #14 (9): records are named by their display field, chosen from the fields' meaning.
import * as assert from 'node:assert/strict';
import { chooseDisplay } from '../../src/core/generator/frontend/displayField';
import type { Entity, Field } from '../../src/model/project/projectSpec';

function field(name: string, type: Field['type'], required = false): Field {
  return { name, label: name, type, required, unique: false, sources: [] } as unknown as Field;
}

function entity(...fields: Field[]): Entity {
  return { name: 'Thing', label: 'Thing', pluralLabel: 'Things', fields, sources: [] } as unknown as Entity;
}

function chosen(...fields: Field[]): { fields: string[]; style: string } {
  const display = chooseDisplay(entity(...fields));
  return { fields: display.fields.map((f) => f.name), style: display.style };
}

describe('display field', () => {
  it('prefers a field named like a name over an earlier required string', () => {
    assert.deepEqual(chosen(field('isbn', 'string', true), field('title', 'string', true)), { fields: ['title'], style: 'name' });
    assert.deepEqual(chosen(field('specialty', 'string'), field('name', 'string', true)), { fields: ['name'], style: 'name' });
    assert.deepEqual(chosen(field('body', 'text', true), field('subject', 'string')), { fields: ['subject'], style: 'name' });
  });

  it('reads name words at the end of a field name (displayName, dogName, bookTitle)', () => {
    assert.deepEqual(chosen(field('email', 'email', true), field('displayName', 'string', true)).fields, ['displayName']);
    assert.deepEqual(chosen(field('visitDay', 'date', true), field('dogName', 'string', true)).fields, ['dogName']);
    assert.deepEqual(chosen(field('isbn', 'string', true), field('bookTitle', 'string')).fields, ['bookTitle']);
  });

  it('shows first and last names together', () => {
    assert.deepEqual(chosen(field('email', 'email', true), field('firstName', 'string', true), field('lastName', 'string', true)).fields, ['firstName', 'lastName']);
  });

  it('falls back to the first required string, then any string, then an email', () => {
    assert.deepEqual(chosen(field('phone', 'string'), field('number', 'string', true)).fields, ['number']);
    assert.deepEqual(chosen(field('count', 'integer', true), field('note', 'string')).fields, ['note']);
    assert.deepEqual(chosen(field('email', 'email', true), field('age', 'integer')).fields, ['email']);
  });

  it('names a record with only a long text by an excerpt of it (a comment is not "#6")', () => {
    assert.deepEqual(chosen(field('rating', 'integer'), field('body', 'text', true)), { fields: ['body'], style: 'excerpt' });
  });

  it('uses a required date before an optional text, and the entity and id only when nothing is left', () => {
    assert.deepEqual(chosen(field('note', 'text'), field('startsAt', 'datetime', true)), { fields: ['startsAt'], style: 'datetime' });
    assert.deepEqual(chosen(field('distance', 'decimal', true), field('date', 'date', true)), { fields: ['date'], style: 'date' });
    assert.deepEqual(chosen(field('note', 'text')), { fields: ['note'], style: 'excerpt' });
    assert.deepEqual(chosen(field('count', 'integer', true), field('paid', 'boolean')), { fields: [], style: 'name' });
  });
});
