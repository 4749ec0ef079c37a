import { useEffect, useRef, useState } from 'react';

const DURATION_MS = 900;

/** A number that rolls to its new value (ease-out); `data-value` holds the exact figure at once, for tests and readers. */
export function RollingNumber({ value, format, testId, className }: { value: number; format: (v: number) => string; testId?: string; className?: string }) {
  const [shown, setShown] = useState(value);
  const current = useRef(value);
  useEffect(() => {
    const from = current.current;
    const start = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / DURATION_MS);
      const v = t >= 1 ? value : Math.round(from + (value - from) * (1 - (1 - t) ** 3));
      current.current = v;
      setShown(v);
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [value]);
  return (
    <span className={className} data-testid={testId} data-value={value}>
      {format(shown)}
    </span>
  );
}
