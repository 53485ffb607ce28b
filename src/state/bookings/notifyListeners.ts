/** Tells every listener of a backend an event; one that throws must not turn a saved booking into a failed one. */
export function notifyListeners<E>(listeners: Iterable<(event: E) => void>, event: E): void {
  for (const listener of [...listeners]) {
    try {
      listener(event)
    } catch (error) {
      // reported as uncaught, after the backend has finished its own work
      queueMicrotask(() => {
        throw error
      })
    }
  }
}
