import { useCallback, useEffect, useRef, useState } from 'react';
import { RequestCancelledError } from '../../../src/model/pendingRequests';
import type { ExtractProgress, ProviderChoice } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';

/**
 * Reading the requirements (step 1 -> 2): the host's latest progress report while it reads, and a
 * cancel that stops the host and settles the request (RequestCancelledError) at once.
 */
export function useReading(bridge: Bridge) {
  const [progress, setProgress] = useState<ExtractProgress>();
  const [active, setActive] = useState(false);
  const reading = useRef<AbortController>(undefined);
  // A panel closed mid-read stops the host's work too.
  useEffect(() => () => reading.current?.abort(), []);

  const read = useCallback(
    async (requirements: string, projectName: string | undefined, provider: ProviderChoice) => {
      reading.current?.abort();
      const controller = new AbortController();
      reading.current = controller;
      setProgress(undefined);
      setActive(true);
      try {
        return await bridge.extract(requirements, projectName, provider, { signal: controller.signal, onProgress: setProgress });
      } finally {
        if (reading.current === controller) {
          reading.current = undefined;
          setProgress(undefined);
          setActive(false);
        }
      }
    },
    [bridge],
  );
  const cancel = useCallback(() => reading.current?.abort(), []);
  return { active, progress, read, cancel };
}

/** A read that ended because the user cancelled it: not an error to show. */
export function wasCancelled(failure: unknown): boolean {
  return failure instanceof RequestCancelledError;
}
