/** No retry waits longer than this, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 4 * 3600 * 1000;

/**
 * The wait after the `failures`-th failed attempt (1 for the first): exponential from `baseMs`
 * (30 s: 30 s, 1 min, 2 min, … 4 h), with "equal jitter" (a random point in the upper half), so
 * receivers that failed together are not retried together. Over the 24 h window that is about
 * fifteen attempts.
 */
export function retryDelayMs(failures: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.min(failures - 1, 40), MAX_RETRY_DELAY_MS);
  return Math.max(1, Math.round(exponential / 2 + (random() * exponential) / 2));
}
