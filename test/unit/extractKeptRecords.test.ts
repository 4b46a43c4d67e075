// "Owners register their dogs", "members keep their bikes": a verb of entering or keeping records,
// with "their", gives the records an owner, as a verb of making does ("users post photos"). A verb of
// looking ("students see their grades") does not: owning a grade would let its student change it.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const owners = (text: string) => extractSpec(text).relations.filter((r) => r.to === 'User').map((r) => `${r.from}.${r.name}`);

describe('extract relations: records someone keeps with "their" are theirs', () => {
  it('"register their dogs" and "keep their bikes" make the signed-in person the owner', () => {
    assert.deepEqual(owners('Owners sign in and register their dogs with a name and a breed.'), ['Dog.owner']);
    assert.deepEqual(owners('Members sign in and keep their bikes in the shed. A bike has a frame number.'), ['Bike.owner']);
  });

  it('a verb of looking does not ("see their grades")', () => {
    assert.deepEqual(owners('Students sign in and see their grades. A grade has a score and a subject.'), []);
  });

  it('without "their" the verb alone says nothing of whose the records are ("staff register parcels")', () => {
    assert.deepEqual(owners('Staff sign in and register parcels with a weight and a code.'), []);
  });
});
