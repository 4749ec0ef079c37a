/**
 * Time as the server sees it. Services take a `Clock` (a function returning now) so a test can
 * drive scheduled work with a fake one instead of waiting: `createFakeClock()` then `advance()`.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that stands still until told to move; also a `Clock` (call it for now). */
export type FakeClock = Clock & {
  /** Moves time forward by ms (negative moves back). */
  advance(ms: number): Date;
  /** Jumps to an instant. */
  set(at: Date | string): Date;
};

export function createFakeClock(start: Date | string = new Date()): FakeClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as FakeClock;
  clock.advance = (ms) => new Date((now += ms));
  clock.set = (at) => new Date((now = new Date(at).getTime()));
  return clock;
}
