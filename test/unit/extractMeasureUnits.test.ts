// A value given in a unit of measure ("a distance in kilometres", "an area in square metres") is a
// number of that unit, and the unit is kept in its label so the form and the API say what it counts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { inferType } from '../../src/core/extract/types';

function field(text: string, entity: string, name: string) {
  const found = extractSpec(text).entities.find((e) => e.name === entity)?.fields.find((f) => f.name === name);
  assert.ok(found, `${entity}.${name} in "${text}"`);
  return found;
}

describe('values measured in a unit', () => {
  it('are numbers of that unit, with the unit in the label', () => {
    const distance = field('Each flight has a flight number and a distance in kilometres.', 'Flight', 'distance');
    assert.deepEqual([distance.type, distance.label], ['decimal', 'Distance (kilometres)']);
    const gain = field('Hikes have a length in km and an elevation gain in meters.', 'Hike', 'elevationGain');
    assert.deepEqual([gain.type, gain.label], ['decimal', 'Elevation gain (meters)'], 'a value the words alone leave as text');
    const area = field('Rooms have an area in square metres and a floor.', 'Room', 'area');
    assert.deepEqual([area.type, area.label], ['decimal', 'Area (square metres)']);
    const capacity = field('Trucks have a plate and a capacity in tonnes.', 'Truck', 'capacity');
    assert.deepEqual([capacity.type, capacity.label], ['decimal', 'Capacity (tonnes)'], 'a measured capacity has fractions (7.5 tonnes)');
    const temperature = field('Tanks have a volume in litres and a temperature in degrees celsius.', 'Tank', 'temperature');
    assert.equal(temperature.label, 'Temperature (degrees celsius)');
  });

  it('only when the unit is said right after the value', () => {
    assert.deepEqual(inferType(['name'], 'members have a name in the system'), { type: 'string' });
    assert.deepEqual(inferType(['plate'], 'trucks have a plate and a capacity in tonnes'), { type: 'string' }, 'the unit is the capacity\'s');
    assert.equal(inferType(['number', 'of', 'seats'], 'the number of seats in m').type, 'integer', 'a count stays a whole number');
    assert.equal(inferType(['room'], 'a room in my house').unit, undefined);
  });

  it('leaves time units as they were read (a whole number of minutes)', () => {
    const duration = field('A movie has a title and a duration in minutes.', 'Movie', 'duration');
    assert.deepEqual([duration.type, duration.label], ['integer', 'Duration (minutes)']);
  });
});
