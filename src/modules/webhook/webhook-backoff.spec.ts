import { MAX_RETRY_DELAY_MS, retryDelayMs } from './webhook-backoff';

describe('retryDelayMs', () => {
  it('doubles from the base, each wait in the upper half of its step', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, () => 0))).toEqual([
      15_000, 30_000, 60_000, 120_000,
    ]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, () => 1))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('never waits longer than the cap, even after many failures', () => {
    expect(retryDelayMs(1000, 30_000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1000, 30_000, () => 0)).toBe(MAX_RETRY_DELAY_MS / 2);
  });

  it('spreads the waits of receivers that failed together', () => {
    const waits = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, 30_000)));
    expect(waits.size).toBeGreaterThan(10);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(60_000);
      expect(w).toBeLessThanOrEqual(120_000);
    }
  });
});
