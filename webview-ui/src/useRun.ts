import { useCallback, useEffect, useRef, useState } from 'react';
import { applyRunEvent, initialRunState, markInterrupted, replayRun, type RunState } from '../../src/model/run/runState';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import type { ProviderChoice, Rating } from '../../src/model/protocol';
import type { Bridge, GenerateOptions } from './bridge';

type RunAccepted = Awaited<ReturnType<Bridge['generate']>>;

export type RunPhase = 'idle' | 'starting' | 'running' | 'finished' | 'refused';

export interface RunView {
  phase: RunPhase;
  runId?: string;
  folder?: string;
  /** The entities the run started from (the reviewed model); the run state has them once a stage changed the model. */
  entities?: string[];
  refusal?: string;
  warnings: string[];
  state: RunState;
  /** Redrawn after a window reload that cut the run short. */
  interrupted?: boolean;
  /** A stage to select in the execution tree (from an editor hover's link). */
  focusStage?: string;
  /** Opened from the Generations history. */
  fromHistory?: boolean;
  /** The user's thumbs up/down, as stored. */
  rating?: Rating;
}

/** One generation at a time from this panel: start, follow its events, cancel. */
export function useRun(bridge: Bridge) {
  const [view, setView] = useState<RunView>({ phase: 'idle', warnings: [], state: initialRunState() });
  const pending = useRef<symbol | undefined>(undefined);

  useEffect(
    () =>
      bridge.onMessage((message) => {
        if (message.type === 'runSnapshot') {
          const replayed = replayRun(message.events);
          const state = message.interrupted ? markInterrupted(replayed) : replayed;
          setView({
            phase: state.status === 'running' ? 'running' : 'finished',
            runId: message.runId,
            folder: message.folder,
            entities: message.entities,
            warnings: message.warnings,
            state,
            interrupted: message.interrupted,
            fromHistory: message.fromHistory,
            rating: message.rating,
          });
        } else if (message.type === 'runRated' && message.rating) {
          const rating = message.rating;
          setView((previous) => (previous.runId === message.runId ? { ...previous, rating } : previous));
        } else if (message.type === 'focusStage') {
          setView((previous) => (previous.runId === message.runId ? { ...previous, focusStage: message.stageId } : previous));
        } else if (message.type === 'runEvent') {
          setView((previous) => {
            if (message.event.runId !== previous.runId) return previous;
            const state = applyRunEvent(previous.state, message.event);
            return { ...previous, state, phase: message.event.type === 'runFinished' ? 'finished' : previous.phase };
          });
        }
      }),
    [bridge],
  );

  /** Follows a generate or resume request: its reply starts the view on the run, or says why not. */
  const follow = useCallback(async (request: Promise<RunAccepted>) => {
    const token = Symbol('run request');
    pending.current = token;
    try {
      const accepted = await request;
      if (pending.current !== token) return; // the view moved on (a new form) while the host answered
      setView({ phase: 'running', runId: accepted.runId, folder: accepted.folder, entities: accepted.entities, warnings: accepted.warnings, state: initialRunState() });
    } catch (error) {
      if (pending.current !== token) return;
      const reason = error instanceof Error ? error.message : String(error);
      // A refused resume goes back to the interrupted run it was asked for, with the reason.
      setView((previous) => (previous.interrupted ? { ...previous, phase: 'finished', refusal: reason } : { ...previous, phase: 'refused', refusal: reason }));
    }
  }, []);
  const start = useCallback(
    (spec: ProjectSpec, provider: ProviderChoice, options: GenerateOptions = {}) => {
      setView({ phase: 'starting', warnings: [], state: initialRunState() });
      void follow(bridge.generate(spec, provider, options));
    },
    [bridge, follow],
  );
  const resume = useCallback(
    (runId: string) => {
      setView((previous) => ({ ...previous, phase: 'starting', refusal: undefined }));
      void follow(bridge.resumeRun(runId));
    },
    [bridge, follow],
  );
  const cancel = useCallback(() => view.runId && bridge.cancelRun(view.runId), [bridge, view.runId]);
  const reset = useCallback(() => {
    pending.current = undefined;
    setView({ phase: 'idle', warnings: [], state: initialRunState() });
  }, []);
  return { view, start, resume, cancel, reset };
}
