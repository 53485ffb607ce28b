/**
 * When to try a lost event stream again: "full jitter" in the upper half of a doubling ceiling (1 s up to 30 s),
 * so that visitors and consoles dropped together by a server restart come back spread out, never as a storm.
 */
export const RECONNECT = { firstMs: 1_000, maxMs: 30_000 } as const

/** The pause before reconnection attempt `attempt` (0-based), never above `maxMs`. */
export function reconnectDelay(attempt: number, random: () => number = Math.random, maxMs: number = RECONNECT.maxMs): number {
  const ceiling = Math.min(maxMs, RECONNECT.firstMs * 2 ** attempt)
  return ceiling / 2 + random() * (ceiling / 2)
}
