// A task's work that cannot be stopped half-way (a signed request already sent), given up on at
// once when its page cancels: the page hears `cancelled`, and what the work says later is dropped.
import { MskError } from '../../core/base/errors.js';

export function untilCancelled<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  // Whatever the work ends with after the page stopped listening is nobody's to hear.
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(cancelled());
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

const cancelled = () => new MskError('cancelled', 'Cancelled.');
