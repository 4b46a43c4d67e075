import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { applyRunEvent, initialRunState, markInterrupted, replayRun, type RunState } from '../../src/model/run/runState';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import type { HostToWebview, ProviderChoice, Rating } from '../../src/model/protocol';
import type { Bridge, GenerateOptions } from './bridge';

type RunAccepted = Awaited<ReturnType<Bridge['generate']>>;
type RunSnapshot = Extract<HostToWebview, { type: 'runSnapshot' }>;
type SetView = Dispatch<SetStateAction<RunView>>;

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
  /** An update of a generated project: generated to memory, written only when its preview is applied. */
  inMemory?: boolean;
  /** The user's thumbs up/down, as stored. */
  rating?: Rating;
}

const idleView = (): RunView => ({ phase: 'idle', warnings: [], state: initialRunState() });

/** A run redrawn from its recorded events (after a reload, or opened from the history). */
function snapshotView(message: RunSnapshot): RunView {
  const replayed = replayRun(message.events);
  const state = message.interrupted ? markInterrupted(replayed) : replayed;
  return {
    phase: state.status === 'running' ? 'running' : 'finished',
    runId: message.runId,
    folder: message.folder,
    entities: message.entities,
    warnings: message.warnings,
    state,
    interrupted: message.interrupted,
    fromHistory: message.fromHistory,
    rating: message.rating,
  };
}

/** An update for one run, which leaves the view alone when it shows another. */
const forRun =
  (runId: string, update: (view: RunView) => RunView) =>
  (previous: RunView): RunView =>
    previous.runId === runId ? update(previous) : previous;

/** Keeps the view on what the host says about runs: snapshots, events, ratings, a stage to show. */
function useRunMessages(bridge: Bridge, setView: SetView) {
  useEffect(
    () =>
      bridge.onMessage((message) => {
        if (message.type === 'runSnapshot') {
          setView(snapshotView(message));
        } else if (message.type === 'runRated' && message.rating) {
          const rating = message.rating;
          setView(forRun(message.runId, (previous) => ({ ...previous, rating })));
        } else if (message.type === 'focusStage') {
          setView(forRun(message.runId, (previous) => ({ ...previous, focusStage: message.stageId })));
        } else if (message.type === 'runEvent') {
          const { event } = message;
          setView(forRun(event.runId, (previous) => ({ ...previous, state: applyRunEvent(previous.state, event), phase: event.type === 'runFinished' ? 'finished' : previous.phase })));
        }
      }),
    [bridge, setView],
  );
}

/**
 * Follows a generate or resume request: its reply starts the view on the run, or says why not.
 * Only the latest request counts; forget() drops it (the view moved on to a new form).
 */
function useRunRequest(setView: SetView) {
  const pending = useRef<symbol | undefined>(undefined);
  const follow = useCallback(
    async (request: Promise<RunAccepted>, extra: Pick<RunView, 'inMemory'> = {}) => {
      const token = Symbol('run request');
      pending.current = token;
      try {
        const accepted = await request;
        if (pending.current !== token) return; // the view moved on (a new form) while the host answered
        setView({ phase: 'running', runId: accepted.runId, folder: accepted.folder, entities: accepted.entities, warnings: accepted.warnings, state: initialRunState(), ...extra });
      } catch (error) {
        if (pending.current !== token) return;
        const reason = error instanceof Error ? error.message : String(error);
        // A refused resume goes back to the interrupted run it was asked for, with the reason.
        setView((previous) => (previous.interrupted ? { ...previous, phase: 'finished', refusal: reason } : { ...previous, phase: 'refused', refusal: reason }));
      }
    },
    [setView],
  );
  const forget = useCallback(() => {
    pending.current = undefined;
  }, []);
  return { follow, forget };
}

/** One generation at a time from this panel: start, follow its events, cancel. */
export function useRun(bridge: Bridge) {
  const [view, setView] = useState<RunView>(idleView);
  useRunMessages(bridge, setView);
  const { follow, forget } = useRunRequest(setView);
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
  /** Follows a run another request started (an update of a generated project), answered like generate. */
  const track = useCallback(
    (request: Promise<RunAccepted>) => {
      setView({ phase: 'starting', warnings: [], state: initialRunState(), inMemory: true });
      void follow(request, { inMemory: true });
    },
    [follow],
  );
  const cancel = useCallback(() => view.runId && bridge.cancelRun(view.runId), [bridge, view.runId]);
  const reset = useCallback(() => {
    forget();
    setView(idleView());
  }, [forget]);
  return { view, start, track, resume, cancel, reset };
}
