// "A parcel is stored at a depot, not a locker": a phrase set off by ", not" names what the verb is not
// about, so no link is made to it; "not only in a gallery" still includes the gallery.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string): string[] => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extract links: a place ruled out with ", not"', () => {
  it('", not X": X is no place of the record', () => {
    const parcels = links('Each parcel has a weight. Each depot has a city. Each locker has a code. A parcel is stored at a depot, not a locker.');
    assert.ok(parcels.includes('Parcel->Depot') && !parcels.includes('Parcel->Locker'));
    const boats = links('Each boat has a name. Each berth has a number. Each trailer has a plate. A boat is kept in a berth, not a trailer.');
    assert.ok(boats.includes('Boat->Berth') && !boats.includes('Boat->Trailer'));
    const trailers = links('Each trailer has a plate. Each truck has a plate. Each yard has a name. A trailer is parked in a yard, not a truck.');
    assert.ok(trailers.includes('Trailer->Yard') && !trailers.includes('Trailer->Truck'));
  });

  it('"not only …", or a place with no ", not", is still read', () => {
    assert.ok(links('Each exhibit has a name. Each museum has a city. Each gallery has a name. An exhibit is shown in a museum, not only in a gallery.').includes('Exhibit->Gallery'));
    assert.ok(links('Each parcel has a weight. Each depot has a city. Each locker has a code. A parcel is stored at a depot or a locker.').includes('Parcel->Depot'));
  });
});
