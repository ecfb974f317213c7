import { useEffect, useRef } from 'react';

/** Without a key press, click or touch for this long the page counts as unattended and stops asking. */
const IDLE_MS = 15 * 60_000;
let lastActivity = Date.now();
for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
  window.addEventListener(type, () => (lastActivity = Date.now()), { passive: true, capture: true });
}

/**
 * Calls `tick` every `intervalMs` while `active`, the page is visible and someone used it in the last
 * 15 minutes; ticks at once when the page becomes visible again.
 */
export function usePolling(tick: () => void, intervalMs: number, active: boolean): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return undefined;
    let timer: ReturnType<typeof setInterval> | null = null;
    const run = () => {
      if (Date.now() - lastActivity < IDLE_MS) latest.current();
    };
    const start = () => {
      if (timer === null && document.visibilityState === 'visible') timer = setInterval(run, intervalMs);
    };
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        lastActivity = Date.now();
        latest.current();
        start();
      } else stop();
    };
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, active]);
}
