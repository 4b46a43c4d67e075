// A blog's run journal header and history record, as the journal and history tests write them.
import { extractSpec } from '../../src/core/extract';
import { type GenerationRecord, RECORD_VERSION } from '../../src/core/history/store';
import { JOURNAL_VERSION, type JournalHeader } from '../../src/core/pipeline/journal';

export const blogSpec = extractSpec('Blog with auth and posts.');

export const journalHeader = (runId: string): JournalHeader => ({
  journalVersion: JOURNAL_VERSION,
  runId,
  folder: 'blog',
  projectName: 'blog',
  provider: 'offline',
  startedAt: Date.now(),
  entities: blogSpec.entities.map((e) => e.name),
  warnings: [],
  spec: blogSpec,
});

export const historyRecord = (id: string, createdAt: number, extra: Partial<GenerationRecord> = {}): GenerationRecord => ({
  recordVersion: RECORD_VERSION,
  id,
  createdAt,
  requirements: 'Blog with auth and posts.',
  spec: blogSpec,
  projectId: id,
  kind: 'generate',
  provider: 'offline',
  status: 'succeeded',
  folder: 'blog',
  durationMs: 1200,
  usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 },
  files: [{ path: 'README.md', sha256: 'a'.repeat(64), bytes: 10 }],
  stageCount: 12,
  stages: [],
  ...extra,
});
