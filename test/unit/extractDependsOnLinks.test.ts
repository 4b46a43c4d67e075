// "depending on the case", "regardless of the ward": what an act depends on is no thing the act is done to or in, so the subject is not linked to it. Each test owns its text: sentences written
// for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extractor links past what an act depends on', () => {
  it("'the broker could, depending on the case, assess …', 'a nurse, regardless of the ward, visits patients', 'a courier collects parcels, depending on the route': no link of the subject to it", () => {
    const broker = pairs('A broker has a name. A case has a number. A customer has a name. The broker could, depending on the case, either visit the customer at home or call the customer.');
    assert.ok(!broker.includes('Broker->Case'), broker.join(', '));
    const nurse = pairs('A nurse has a name. A ward has a number. A patient has a name. A nurse visits patients at home regardless of the ward.');
    assert.ok(!nurse.includes('Nurse->Ward') && !nurse.includes('Patient->Ward'), nurse.join(', '));
    const courier = pairs('A courier has a name. A route has a code. A parcel has a weight. Each courier collects several parcels, depending on the route.');
    assert.ok(!courier.includes('Courier->Route') && !courier.includes('Parcel->Route'), courier.join(', '));
  });

  it("'a courier delivers parcels on a route', 'parcels are picked up according to the route', 'the broker visits the customer in an office': a place of the act is still linked", () => {
    const courier = pairs('A courier has a name. A route has a code. A parcel has a weight. The courier delivers parcels on a route.');
    assert.ok(courier.some((p) => /Route$/.test(p)), courier.join(', '));
    const parcels = pairs('A courier has a name. A route has a code. A parcel has a weight. The courier picks up parcels according to the route.');
    assert.ok(parcels.includes('Parcel->Route'), parcels.join(', '));
    const broker = pairs('A broker has a name. An office has an address. A customer has a name. The broker meets each customer in an office.');
    assert.ok(broker.includes('Broker->Office'), broker.join(', '));
  });
});
