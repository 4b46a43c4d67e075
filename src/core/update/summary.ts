// An update plan said in words (the CLI prints them; the extension's preview shows them) and as data
// (counts and file lists per action).
import { CONFLICT_END, CONFLICT_START } from './merge';
import { type PlannedFile, UPDATE_ACTIONS, type UpdateAction, type UpdatePlan } from './plan';
import { countOf } from '../../model/count';

export interface UpdateSummary {
  counts: Record<UpdateAction, number>;
  files: Record<UpdateAction, string[]>;
  /** Notes said beside files (why one was kept, ...). */
  notes: { path: string; note: string }[];
  /** One line per action with files, in the order a reader needs them. */
  lines: string[];
}

const HEADINGS: Record<Exclude<UpdateAction, 'unchanged' | 'memory'>, string> = {
  added: 'added',
  updated: 'updated (you had not changed them)',
  merged: 'merged with your edits',
  conflict: `CONFLICTING, written with ${CONFLICT_START} / ${CONFLICT_END} markers to resolve`,
  kept: 'kept as you changed them (nothing new from Takoss)',
  userDeleted: 'deleted by you, staying deleted',
  removed: 'no longer generated, removed',
  keptNoLongerGenerated: 'no longer generated, kept because you changed them',
};


function describe(file: PlannedFile): string {
  const detail = [file.conflicts ? countOf(file.conflicts, 'conflict') : '', file.note ?? ''].filter(Boolean).join('; ');
  return `  ${file.path}${detail ? ` (${detail})` : ''}`;
}

export function summarizePlan(plan: UpdatePlan): UpdateSummary {
  const planned = Object.fromEntries(UPDATE_ACTIONS.map((action) => [action, plan.files.filter((file) => file.action === action)])) as Record<UpdateAction, PlannedFile[]>;
  const files = Object.fromEntries(UPDATE_ACTIONS.map((action) => [action, planned[action].map((file) => file.path)])) as Record<UpdateAction, string[]>;
  const counts = Object.fromEntries(UPDATE_ACTIONS.map((action) => [action, files[action].length])) as Record<UpdateAction, number>;
  const notes = plan.files.filter((file) => file.note).map((file) => ({ path: file.path, note: file.note as string }));
  const lines: string[] = [];
  for (const [action, heading] of Object.entries(HEADINGS) as [UpdateAction, string][]) {
    if (!planned[action].length) continue;
    lines.push(`${heading}: ${countOf(planned[action].length, 'file')}`, ...planned[action].map(describe));
  }
  lines.push(`unchanged: ${countOf(counts.unchanged, 'file')}`);
  return { counts, files, notes, lines };
}
