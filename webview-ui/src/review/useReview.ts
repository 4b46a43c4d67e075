import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import type { AcceptedModel } from '../../../src/model/run/events';
import { SpecEditError } from '../../../src/model/project/edit';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import type { ProviderChoice, RunForecast } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';
import { usePersistentState } from '../usePersistentState';
import { useReading, wasCancelled } from './useReading';

export interface Review {
  spec: ProjectSpec;
  provider: ProviderChoice;
  problems: string[];
  forecast?: RunForecast;
  /** Proposed by the host from takoss.outputFolderPattern. */
  folder: string;
  folderExists: boolean;
  /** What the user typed in the folder field, when they changed it. */
  folderChoice?: string;
  /** The user's consent to install, build and test the result after generating. */
  verify?: boolean;
  /** Existing generated files already in the folder (when it has content). */
  conflicts?: { path: string; same: boolean }[];
  /** The user chose to merge into the existing folder, replacing only these files. */
  merge?: { replace: string[] };
  /** Commit the generation to git. */
  git?: boolean;
  /**
   * `spec` is Claude's model from "Refine with Claude", accepted (or found right as it was) and not
   * edited since: generating uses it as the domain model without asking Claude again. Any edit clears it.
   */
  acceptedModel?: AcceptedModel;
}

type SetReview = Dispatch<SetStateAction<Review | undefined>>;

const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * Asks the host to check an edited spec once the user pauses (problems, forecast, folder); an
 * answer to an older edit is dropped.
 */
function useRecheck(bridge: Bridge, setReview: SetReview, setError: (message: string) => void) {
  const [checking, setChecking] = useState(false);
  const edits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const recheck = useCallback(
    (spec: ProjectSpec, provider: ProviderChoice) => {
      const edit = ++edits.current;
      clearTimeout(timer.current);
      setChecking(true);
      timer.current = setTimeout(() => {
        bridge.reviewSpec(spec, provider).then(
          (reply) => {
            if (edit !== edits.current) return;
            setChecking(false);
            setReview(
              (previous) =>
                previous && { ...previous, problems: reply.problems, forecast: reply.forecast, folder: reply.folder, folderExists: reply.folderExists, conflicts: reply.conflicts },
            );
          },
          (failure: unknown) => {
            if (edit !== edits.current) return;
            setChecking(false);
            setError(messageOf(failure));
          },
        );
      }, 250);
    },
    [bridge, setReview, setError],
  );
  return { checking, recheck };
}

/** The user's choices for the run (folder, verify, merge, git): each changes the review in place. */
function useRunChoices(setReview: SetReview) {
  const choose = useCallback((patch: Partial<Review>) => setReview((previous) => previous && { ...previous, ...patch }), [setReview]);
  return {
    chooseFolder: useCallback((folderChoice: string) => choose({ folderChoice }), [choose]),
    chooseMerge: useCallback((merge: { replace: string[] } | undefined) => choose({ merge }), [choose]),
    chooseGit: useCallback((git: boolean) => choose({ git }), [choose]),
    chooseVerify: useCallback((verify: boolean) => choose({ verify }), [choose]),
  };
}

/** Edits of the model under review: by the user (checked, explained when refused) or Claude's model taken. */
function useModelEdits(review: Review | undefined, setReview: SetReview, recheck: (spec: ProjectSpec, provider: ProviderChoice) => void) {
  const [editError, setEditError] = useState<string>();
  /** Applies one edit; an invalid one (duplicate or malformed name) is explained, not applied. */
  const edit = useCallback(
    (change: (spec: ProjectSpec) => ProjectSpec): boolean => {
      if (!review) return false;
      let next: ProjectSpec;
      try {
        next = change(review.spec);
      } catch (failure) {
        if (!(failure instanceof SpecEditError)) throw failure;
        setEditError(failure.message);
        return false;
      }
      setEditError(undefined);
      if (next === review.spec) return true;
      // Edited: no longer the model Claude gave, so a Claude run asks for the model again.
      setReview({ ...review, spec: next, acceptedModel: undefined });
      recheck(next, review.provider);
      return true;
    },
    [review, setReview, recheck],
  );

  /** The user took Claude's model: it replaces the spec, and a run uses it without asking Claude again. */
  const acceptModel = useCallback(
    (spec: ProjectSpec, accepted: AcceptedModel) => {
      if (!review) return;
      setEditError(undefined);
      setReview({ ...review, spec, acceptedModel: accepted });
      recheck(spec, review.provider);
    },
    [review, setReview, recheck],
  );

  /** Claude found nothing to change in `spec`: if it is still the spec under review, a run need not ask again. */
  const confirmModel = useCallback(
    (spec: ProjectSpec, accepted: AcceptedModel) => setReview((previous) => (previous && previous.spec === spec ? { ...previous, acceptedModel: accepted } : previous)),
    [setReview],
  );

  return { editError, setEditError, edit, acceptModel, confirmModel };
}

/** The review step: the extracted spec, edited locally, re-checked by the host after each edit. */
export function useReview(bridge: Bridge) {
  const [review, setReview] = usePersistentState<Review | undefined>(bridge, 'review', undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { checking, recheck } = useRecheck(bridge, setReview, setError);
  const { editError, setEditError, ...edits } = useModelEdits(review, setReview, recheck);
  const { active: reading, progress, read, cancel: cancelReading } = useReading(bridge);

  /** Opens the review on the host's answer: everything of an earlier review (edits, folder, choices) is replaced. */
  const load = useCallback(
    async (request: () => ReturnType<Bridge['reviewSpec']>, provider: ProviderChoice) => {
      setBusy(true);
      setError(undefined);
      try {
        const { spec, problems, forecast, folder, folderExists, conflicts } = await request();
        setReview({ spec, provider, problems, forecast, folder, folderExists, conflicts });
        setEditError(undefined);
        return true;
      } catch (failure) {
        if (!wasCancelled(failure)) setError(messageOf(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [setReview, setEditError],
  );

  /** Step 1 -> 2: the model extracted from the requirements. */
  const begin = useCallback(
    (requirements: string, projectName: string | undefined, provider: ProviderChoice) => load(() => read(requirements, projectName, provider), provider),
    [read, load],
  );

  /** A spec reviewed before ("Regenerate…" from the history), as the user left it, checked again. */
  const reopen = useCallback((spec: ProjectSpec, provider: ProviderChoice) => load(() => bridge.reviewSpec(spec, provider), provider), [bridge, load]);

  /** Forgets the review and its error (the form was cleared: a new project starts from nothing). */
  const close = useCallback(() => {
    setReview(undefined);
    setError(undefined);
  }, [setReview]);
  const choices = useRunChoices(setReview);
  return { review, busy, reading, progress, cancelReading, checking, error, editError, begin, reopen, ...edits, ...choices, close, dismissEditError: () => setEditError(undefined) };
}
