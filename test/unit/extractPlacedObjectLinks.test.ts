// Links of a verb of placing: "the designer places the tiles on the board" puts the tiles there; the board is the
// tiles' place, not the designer's. Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extractor links of what a verb of placing puts somewhere', () => {
  it("'a nurse stores samples in a fridge', 'a technician installs sensors in a room', 'the curator hangs paintings in a hall': the place is the object's", () => {
    const samples = pairs('A nurse has a name. A sample has a code. A fridge has a number. Each nurse stores samples in a fridge.');
    assert.ok(samples.includes('Sample->Fridge'), samples.join(', '));
    assert.ok(!samples.includes('Nurse->Fridge'), samples.join(', '));
    const sensors = pairs('A technician has a name. A sensor has a type. A room has a number. The technician installs sensors in a room.');
    assert.ok(sensors.includes('Sensor->Room'), sensors.join(', '));
    assert.ok(!sensors.includes('Technician->Room'), sensors.join(', '));
    const paintings = pairs('A curator has a name. A painting has a title. A hall has a floor. The curator places paintings in a hall.');
    assert.ok(paintings.includes('Painting->Hall'), paintings.join(', '));
    assert.ok(!paintings.includes('Curator->Hall'), paintings.join(', '));
  });

  it("'a doctor treats patients in a clinic', 'a mechanic repairs cars in a workshop': other verbs still say where the subject acts", () => {
    const doctor = pairs('A doctor has a name. A patient has a name. A clinic has an address. A doctor treats patients in a clinic.');
    assert.ok(doctor.includes('Doctor->Clinic'), doctor.join(', '));
    const mechanic = pairs('A mechanic has a name. A car has a plate. A workshop has an address. A mechanic repairs cars in a workshop.');
    assert.ok(mechanic.includes('Mechanic->Workshop'), mechanic.join(', '));
    assert.ok(!mechanic.includes('Car->Workshop'), mechanic.join(', '));
  });
});
