import { useEffect, useRef, useState } from 'react';
import { formatYuan } from './fund-live';

const DURATION_MS = 900;

/** A yuan figure that rolls up to its new value; `data-fen` holds the exact target at once. */
export function RollingYuan({ fen, testId, className }: { fen: number; testId?: string; className?: string }) {
  const [shown, setShown] = useState(fen);
  const from = useRef(fen);
  const current = useRef(fen);

  useEffect(() => {
    from.current = current.current;
    const start = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / DURATION_MS);
      // Ease out: fast first, settling on the exact figure.
      const value = t >= 1 ? fen : Math.round(from.current + (fen - from.current) * (1 - (1 - t) ** 3));
      current.current = value;
      setShown(value);
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [fen]);

  return (
    <span className={className} data-testid={testId} data-fen={fen}>
      <span className="fs-currency">¥</span>
      {formatYuan(shown)}
    </span>
  );
}
