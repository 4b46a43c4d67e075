// "Change This Project…" in the panel: the host's startChange puts the panel in change mode (the
// project's name and folder, its model as generated last time) and opens the review step on that
// model; a change typed in plain words is read by the host and lands in the review as an edit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import type { AcceptedModel } from '../../../src/model/run/events';
import { type RenameStep, renameStepOf } from '../../../src/model/project/renameSteps';
import type { ChangeTarget, HostToWebview, ProviderChoice } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';
import type { useReview } from '../review/useReview';
import { usePersistentState } from '../usePersistentState';

type ReviewApi = ReturnType<typeof useReview>;
export type ChangeReading = Extract<HostToWebview, { type: 'changeRead' }>;
export type UpdatePreview = Extract<HostToWebview, { type: 'updatePreview' }>;
export type UpdateApplied = Extract<HostToWebview, { type: 'updateApplied' }>;

/** The project being changed and its model as generated last time (the "before" of the model diff). */
export interface ChangeMode {
  project: ChangeTarget;
  before: ProjectSpec;
  /** A change offered by "Ask about this project", put in the change box to read (or edit) first. */
  offered?: string;
}

export interface ChangeActions {
  /** Leaves the run view and the describe step behind: the review step is next. */
  showReview: () => void;
}

/**
 * The renames made in change mode, in order: each edit of the review that renamed one entity or field
 * in place is read back (renameStepOf), and the change reader says its own; the update sends them so
 * the migration renames tables and columns instead of dropping them.
 */
function useRenames(bridge: Bridge, active: boolean, spec: ProjectSpec | undefined) {
  const [steps, setSteps] = usePersistentState<RenameStep[]>(bridge, 'changeRenames', []);
  const previous = useRef(spec);
  const told = useRef(false);
  useEffect(() => {
    const before = previous.current;
    previous.current = spec;
    if (told.current) {
      told.current = false;
      return;
    }
    const step = active && before && spec ? renameStepOf(before, spec) : undefined;
    if (step) setSteps((list) => [...list, step]);
  }, [spec, active, setSteps]);
  const record = useCallback(
    (step: RenameStep | undefined) => {
      told.current = true;
      if (step) setSteps((list) => [...list, step]);
    },
    [setSteps],
  );
  const reset = useCallback(() => setSteps([]), [setSteps]);
  return useMemo(() => ({ steps, record, reset }), [steps, record, reset]);
}

type Setter<T> = (next: T | ((previous: T) => T)) => void;
type Renames = ReturnType<typeof useRenames>;
/** The update's preview (once its run generated to memory), then what applying it did. */
type PreviewState = { preview: UpdatePreview; applied?: UpdateApplied } | undefined;
/** The latest review and actions, read by callbacks that must not be recreated on every render. */
type Latest = { current: { review: ReviewApi; actions: ChangeActions } };

/** Reads `text` as a change of the model under review; what it changed becomes an edit of the review. */
function useDescribe(bridge: Bridge, latest: Latest, renames: Renames, setReading: (reading: ChangeReading) => void) {
  return useCallback(
    async (text: string, provider: ProviderChoice): Promise<ChangeReading> => {
      const current = latest.current.review.review;
      if (!current) throw new Error('There is no model under review to change.');
      const reply = await bridge.request((requestId) => ({ type: 'describeChange', requestId, spec: current.spec, text, provider }), 'changeRead', 60_000);
      if (reply.applied.length) {
        // Said by the reader, so the edit is not read back as a rename a second time.
        renames.record(reply.renames);
        latest.current.review.edit(() => reply.spec);
      }
      setReading(reply);
      return reply;
    },
    [bridge],
  );
}

/** The update's run, its apply and its cancel; applying makes the updated spec the next diff's "before". */
function useUpdate(bridge: Bridge, renames: Renames, setPreview: Setter<PreviewState>, setMode: Setter<ChangeMode | undefined>) {
  /** The spec of the update being previewed: once applied, it is the project's model (the next diff's "before"). */
  const updating = useRef<ProjectSpec>(undefined);
  /** Starts the update's run (to memory): answered like generate; the preview follows when it ends. */
  const update = useCallback(
    (spec: ProjectSpec, provider: ProviderChoice, acceptedModel?: AcceptedModel) => {
      setPreview(undefined);
      updating.current = spec;
      return bridge.request((requestId) => ({ type: 'updateProject', requestId, spec, provider, acceptedModel, renames: renames.steps }), 'runAccepted', 30 * 60_000);
    },
    [bridge, setPreview, renames.steps],
  );

  /** Writes the previewed update; no short timeout (a large project, a slow remote file system). */
  const apply = useCallback(async () => {
    const applied = await bridge.request((requestId) => ({ type: 'applyUpdate', requestId }), 'updateApplied', 10 * 60_000);
    setPreview((previous) => previous && { ...previous, applied });
    const before = updating.current;
    if (!applied.error && before) {
      setMode((previous) => previous && { ...previous, before });
      renames.reset();
    }
    return applied;
  }, [bridge, setPreview, setMode, renames]);

  const cancelUpdate = useCallback(() => {
    bridge.post({ type: 'cancelUpdate' });
    setPreview(undefined);
  }, [bridge, setPreview]);

  return { update, apply, cancelUpdate };
}

/** Change mode's state (kept across webview reloads) and the change box's request. */
export function useChange(bridge: Bridge, review: ReviewApi, actions: ChangeActions) {
  const [mode, setMode] = usePersistentState<ChangeMode | undefined>(bridge, 'change', undefined);
  const [reading, setReading] = useState<ChangeReading>();
  const [preview, setPreview] = usePersistentState<PreviewState>(bridge, 'updatePreview', undefined);
  const latest = useRef({ review, actions });
  latest.current = { review, actions };
  const renames = useRenames(bridge, mode !== undefined, review.review?.spec);

  useEffect(
    () =>
      bridge.onMessage((message) => {
        if (message.type === 'updatePreview') {
          setPreview({ preview: message });
          return;
        }
        if (message.type !== 'startChange') return;
        setPreview(undefined);
        setMode({ project: message.project, before: message.spec, offered: message.text });
        setReading(undefined);
        renames.reset();
        const { review: current, actions: act } = latest.current;
        // The review of an earlier project goes first: nothing may edit it while the project's loads.
        current.close();
        act.showReview();
        void current.reopen(message.spec, message.provider).then((opened) => opened && latest.current.actions.showReview());
      }),
    [bridge, setMode],
  );

  const describe = useDescribe(bridge, latest, renames, setReading);
  const { update, apply, cancelUpdate } = useUpdate(bridge, renames, setPreview, setMode);

  const leave = useCallback(() => {
    setMode(undefined);
    setReading(undefined);
    setPreview(undefined);
    renames.reset();
  }, [setMode, setPreview, renames]);

  return {
    mode,
    reading,
    preview: preview?.preview,
    applied: preview?.applied,
    describe,
    update,
    apply,
    cancelUpdate,
    openDiff: (path: string) => bridge.post({ type: 'openUpdateDiff', path }),
    openFile: (path: string) => bridge.post({ type: 'openChangedFile', path }),
    leave,
  };
}

export type ChangeApi = ReturnType<typeof useChange>;
