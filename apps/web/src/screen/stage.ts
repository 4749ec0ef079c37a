import { useEffect, useState } from 'react';

/** The transform that fits a fixed w×h stage into the window, letterboxed and centred. */
export function useStageTransform(w = 1920, h = 1080): string {
  const compute = () => {
    const scale = Math.min(window.innerWidth / w, window.innerHeight / h);
    return `translate(${(window.innerWidth - w * scale) / 2}px, ${(window.innerHeight - h * scale) / 2}px) scale(${scale})`;
  };
  const [transform, setTransform] = useState(compute);
  useEffect(() => {
    const onResize = () => setTransform(compute());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [w, h]);
  return transform;
}

/** The time, ticking every `intervalMs`. */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
