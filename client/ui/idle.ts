/** Runs f when the page is idle (or soon, in a browser with no idle callbacks). */
export function whenIdle(f: () => void, timeoutMs = 3000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: timeoutMs });
  else setTimeout(f, 200);
}
