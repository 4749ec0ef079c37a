/**
 * At most `max` holders at once in this process; later takers wait their turn, first come first
 * served. For work that takes a thread and its memory (the spreadsheet reader's parsing threads,
 * coverage workers), so the memory it can take is bounded too. `take()` resolves to the release
 * function; releasing twice is harmless.
 */
export function createSlots(max: number): { take(): Promise<() => void> } {
  let taken = 0;
  const waiting: (() => void)[] = [];
  return {
    async take() {
      while (taken >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      taken++;
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        taken--;
        waiting.shift()?.();
      };
    },
  };
}
