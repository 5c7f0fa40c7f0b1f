// Seconds left until a moment, ticking once a second; calls `onDone` when it is reached.
import { useEffect, useState } from 'react';

export function useSecondsLeft(until: number | null, onDone?: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  const left = until === null ? null : Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (left === 0) onDone?.();
  }, [left, onDone]);
  return left;
}
