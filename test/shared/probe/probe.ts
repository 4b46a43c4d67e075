// The HTTP probe of a running generated backend: a conversation derived from the spec (not from
// the generated tests) that exercises CRUD per entity, bad input, each relation's delete
// behaviour, each rule violated and respected, and the sign-in and ownership boundaries.
// Used by bench/probe-generated.mjs and the slow suite (test/generated/postgres.test.ts).
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import { probeAuth } from './checks/auth';
import { probeBadInput } from './checks/badInput';
import { probeCrud } from './checks/crud';
import { probeDeleteParent } from './checks/relations';
import { probeRule } from './checks/rules';
import { ProbeClient } from './client';
import { ProbeReport } from './report';
import { NotProbed, type ProbeOptions, ProbeWorld } from './world';

export { ProbeReport } from './report';
export type { ProbeOptions } from './world';

export async function probeBackend(spec: ProjectSpec, baseUrl: string, options: ProbeOptions = {}): Promise<ProbeReport> {
  const report = new ProbeReport();
  const client = new ProbeClient(baseUrl);
  const health = await client.call('GET', '/api/health');
  if (!report.status('server', 'answers /api/health', health, 200)) return report;
  const world = new ProbeWorld(spec, client, report, options);
  await world.signIn();
  const group = async (area: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof NotProbed)) throw error;
      report.skip(area, 'the rest of this group', error.message);
    }
  };
  await group('auth', () => probeAuth(world));
  for (const entity of spec.entities) {
    if (entity.name === 'User' && world.auth) continue; // users come from sign-up: probed under auth
    await group(`crud ${entity.name}`, () => probeCrud(world, entity));
    await group(`bad input ${entity.name}`, () => probeBadInput(world, entity));
  }
  for (const relation of spec.relations) {
    if (relation.kind === 'belongsTo') await group(`relation ${relation.from}.${relation.name}`, () => probeDeleteParent(world, relation));
  }
  for (const rule of spec.rules) await group(`rule ${rule.kind} ${rule.entity}`, () => probeRule(world, rule));
  report.check('server', `no request ended in a server error (${client.requests} requests)`, client.serverErrors.length === 0, client.serverErrors.slice(0, 5).join(' | '));
  return report;
}
