import { useEffect, useRef } from 'react';

/** Calls `run` every `ms` while the tab is visible (a hidden console tab does not poll). */
export function useInterval(run: () => void, ms: number): void {
  const ref = useRef(run);
  ref.current = run;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') ref.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}
