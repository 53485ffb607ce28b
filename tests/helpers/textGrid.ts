/** Walk grids drawn as text for the walking tests. */
import type { WalkGrid } from '../../src/plan/types'

/** A grid drawn in text: `#` is blocked, anything else free; the first line is row 0 (z = 0). */
export function gridFrom(lines: string[], cellSize = 0.5): WalkGrid {
  const rows = lines.length
  const cols = lines[0].length
  const blocked = new Uint8Array(cols * rows)
  lines.forEach((line, r) => [...line].forEach((ch, c) => (blocked[r * cols + c] = ch === '#' ? 1 : 0)))
  return { cellSize, cols, rows, originX: 0, originZ: 0, blocked }
}
