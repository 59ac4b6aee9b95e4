// The next turn of the event loop, after what is already waiting (requests, file reads):
// setImmediate in Node; a browser worker has none, and a zero timeout is the nearest.
export function nextTurn(callback: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(callback);
  else setTimeout(callback, 0);
}

/** Resolves on the next turn: long work yields with it, so that requests are answered meanwhile. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => nextTurn(resolve));
}
