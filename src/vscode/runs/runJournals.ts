import { errorText, type Logger } from '../../core/log';
import type { GenerationHistory } from '../history/GenerationHistory';
import {
  findJournal,
  type JournalContents,
  type JournalHeader,
  latestJournal,
  pruneJournals,
  RunJournal,
} from '../../core/pipeline/journal';

/**
 * The runs' journals in the workspace's storage (none without a folder): opened when a run starts,
 * completed and pruned when it ends, read back after a reload, to resume, or to show a run again.
 * A journal is also its run's event log in the history (the record points at it).
 * Journaling never stops a run: a failure is logged and the run goes on unjournaled.
 */
export class RunJournals {
  constructor(
    private readonly dir: string | undefined,
    private readonly log: Logger,
    /** The history whose records' event logs these journals are: pruning keeps theirs. */
    private readonly history?: Pick<GenerationHistory, 'list'>,
  ) {}

  async open(header: JournalHeader): Promise<RunJournal | undefined> {
    if (!this.dir) return undefined;
    try {
      return await RunJournal.create(this.dir, header);
    } catch (error) {
      this.log.warn(`Run ${header.runId} is not journaled (it cannot be redrawn after a reload): ${errorText(error)}`);
      return undefined;
    }
  }

  async close(journal: RunJournal | undefined): Promise<void> {
    if (!journal || !this.dir) return;
    try {
      await journal.flush();
      const recorded = (await this.history?.list())?.filter((record) => record.eventLog).map((record) => record.id);
      await pruneJournals(this.dir, undefined, new Set(recorded));
    } catch (error) {
      this.log.warn(`Could not complete the run journal ${journal.file}: ${errorText(error)}`);
    }
  }

  /** The most recent run, if it was cut short (a finished run belongs to history). */
  async interrupted(): Promise<JournalContents | undefined> {
    if (!this.dir) return undefined;
    const journal = await latestJournal(this.dir);
    return journal && !journal.finished ? journal : undefined;
  }

  find(matches: (header: JournalHeader) => boolean): Promise<JournalContents | undefined> {
    return this.dir ? findJournal(this.dir, matches) : Promise.resolve(undefined);
  }
}
