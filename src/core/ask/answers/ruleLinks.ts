// The files of the rules a requirement sentence became, each linked at its check.
import type { FileLink } from '../../../model/ask/answer';
import type { ProjectTrace } from '../trace';
import { filesServing } from './links';
import { ruleLink } from './rules';

/** path -> link at the check, for every file enforcing a rule made from sentence `id`. */
export async function ruleLinksFor(trace: ProjectTrace, id: number): Promise<Map<string, FileLink>> {
  const links = new Map<string, FileLink>();
  for (const rule of trace.spec?.rules.filter((candidate) => candidate.sources.includes(id)) ?? []) {
    for (const file of filesServing(trace, (candidate) => candidate.serves.includes(`rule:${rule.kind}:${rule.entity}`))) {
      if (!links.has(file.path)) links.set(file.path, await ruleLink(trace, file.path, rule));
    }
  }
  return links;
}
