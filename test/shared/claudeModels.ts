// Data models "Claude" answers with in tests of the hybrid pipeline (through the fake Messages API).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { type FakeResponse, type RecordedRequest, toolMessage } from '../fake-anthropic/server';

/** A spec from test/fixtures/specs (works from test/ and from the transpiled out/test/). */
export function loadFixtureSpec(name: string): ProjectSpec {
  const fixtures = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []), 'test', 'fixtures', 'specs');
  return ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));
}

/**
 * The events fixture plus the Organizer entity the deterministic extraction missed ("organizers
 * create events"): a new entity with fields citing sentence 0 and a relation Event -> Organizer.
 */
export function withOrganizer(): ProjectSpec {
  const spec = loadFixtureSpec('events');
  spec.entities.push({
    name: 'Organizer',
    label: 'Organizer',
    pluralLabel: 'Organizers',
    fields: [
      { name: 'name', label: 'Name', type: 'string', required: true, unique: false, sources: [0] },
      { name: 'email', label: 'Email', type: 'email', required: true, unique: true, sources: [0] },
    ],
    sources: [0, 3],
  });
  spec.relations.push({ kind: 'belongsTo', from: 'Event', to: 'Organizer', name: 'organizer', inverseName: 'events', required: false, onDelete: 'setNull', sources: [0] });
  return spec;
}

/**
 * Claude as the tests of a grown model script it: the domain model with the Organizer, and nothing
 * to add to the explanations or the rules. Any other tool is a mistake in the test.
 */
export function answerWithOrganizer(request: RecordedRequest): FakeResponse {
  const tool: string = request.body?.tool_choice?.name ?? '';
  if (tool === 'emit_spec') return toolMessage('emit_spec', withOrganizer());
  if (tool === 'emit_explanations') return toolMessage('emit_explanations', { files: [] });
  if (tool === 'emit_rules') return toolMessage('emit_rules', { files: [], tests: [], implemented: [] });
  throw new Error(`unexpected tool ${tool}`);
}
