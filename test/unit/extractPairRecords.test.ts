// Values kept for a pair of records ("for each X done at a Y we record …") are a row of the pair's
// own, linked to both (pairRecords.ts); so is a value each X is given per Y ("each student gets a grade for every exam").
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extractor: a row kept per pair of records', () => {
  it('"for each exercise performed during a workout, the system records …" is a WorkoutExercise with those values', () => {
    const spec = extractSpec('A gym tracks workouts. Each exercise has a name and a muscle group. Each workout has a date. For each exercise performed during a workout, the system records the number of sets and the weight.');
    const row = spec.entities.find((e) => e.name === 'WorkoutExercise');
    assert.ok(row, spec.entities.map((e) => e.name).join(', '));
    assert.deepEqual(row.fields.map((f) => f.name).sort(), ['setCount', 'weight']);
    assert.ok(!spec.entities.find((e) => e.name === 'Workout')!.fields.some((f) => f.name === 'weight'));
    const links = spec.relations.map((r) => `${r.from}>${r.to}`);
    assert.ok(links.includes('WorkoutExercise>Workout') && links.includes('WorkoutExercise>Exercise'), links.join(', '));
    assert.ok(!links.includes('Workout>Exercise') && !links.includes('Exercise>Workout'), links.join(', '));
  });

  it('leaves a thing that is only placed in another ("each room located in a building")', () => {
    const spec = extractSpec('Each room has a number. Each building has an address. For each room located in a building we store the floor.');
    assert.ok(!spec.entities.some((e) => e.name === 'BuildingRoom'), spec.entities.map((e) => e.name).join(', '));
  });

  it('"each runner gets a time for every race": the value given per pair is the pair\'s row, linked to both', () => {
    const spec = extractSpec('Every runner gets a finishing time for each race. Races have a date and a distance.');
    const row = spec.entities.find((e) => e.name === 'RaceRunner');
    assert.ok(row, spec.entities.map((e) => e.name).join(', '));
    assert.deepEqual(row.fields.map((f) => f.name), ['finishingTime']);
    assert.ok(!spec.entities.find((e) => e.name === 'Runner')?.fields.some((f) => f.name === 'finishingTime'));
    const links = spec.relations.map((r) => `${r.from}>${r.to}`);
    assert.ok(links.includes('RaceRunner>Race') && links.includes('RaceRunner>Runner'), links.join(', '));
  });

  it('"for each relay heat": an occasion of two words is that record, not the one of its last word', () => {
    const spec = extractSpec('Swimmers have a name. Relay heats have a start time and a pool. Every swimmer gets a lane number for each relay heat.');
    const row = spec.entities.find((e) => e.name === 'RelayHeatSwimmer');
    assert.ok(row, spec.entities.map((e) => e.name).join(', '));
    assert.deepEqual(row.fields.map((f) => f.name), ['laneNumber']);
    const links = spec.relations.map((r) => `${r.from}>${r.to}`);
    assert.ok(links.includes('RelayHeatSwimmer>RelayHeat') && links.includes('RelayHeatSwimmer>Swimmer'), links.join(', '));
  });

  it('"for every race run": words after a one-word occasion are not its name', () => {
    const spec = extractSpec('Runners have a name. Races have a date. Each runner gets a time for every race run this season.');
    assert.ok(spec.entities.some((e) => e.name === 'RaceRunner'), spec.entities.map((e) => e.name).join(', '));
  });
});

