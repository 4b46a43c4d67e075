import { useCallback, useState } from 'react';
import type { Bridge } from './bridge';

/**
 * useState backed by the webview's persisted state (VS Code keeps it while the panel is hidden
 * and across reloads), one key per piece so parts of the app do not overwrite each other.
 */
export function usePersistentState<T>(bridge: Bridge, key: string, initial: T): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => {
    const saved = bridge.getState<Record<string, unknown>>()?.[key];
    return saved === undefined ? initial : (saved as T);
  });
  const set = useCallback(
    (next: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (previous: T) => T)(previous) : next;
        bridge.setState({ ...(bridge.getState<Record<string, unknown>>() ?? {}), [key]: resolved });
        return resolved;
      });
    },
    [bridge, key],
  );
  return [value, set];
}
