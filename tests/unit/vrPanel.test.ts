import { describe, expect, it } from 'vitest'
import { buttonAt, layoutPanel, PANEL, panelWorldHeight } from '../../src/vr/vrPanel'

const card = {
  title: 'Hefei Example Works',
  lines: ['AI · Sample exhibitor', 'Edge AI boxes'],
  rows: [[{ id: 'book', label: 'Book a negotiation', primary: true }], [{ id: 'route', label: 'Add to my route' }, { id: 'favourite', label: 'Add to favourites' }], [{ id: 'close', label: 'Close' }]],
}

/** The uv (three.js: v up) at the centre of a placed button. */
const centreUv = (layout: ReturnType<typeof layoutPanel>, id: string) => {
  const b = layout.buttons.find((x) => x.id === id)!
  return { u: (b.x + b.width / 2) / layout.width, v: 1 - (b.y + b.height / 2) / layout.height }
}

describe('in-world panels', () => {
  it('stacks title, lines and rows of buttons, a row sharing the width', () => {
    const layout = layoutPanel(card)
    expect(layout.width).toBe(PANEL.width)
    expect(layout.lineYs).toHaveLength(2)
    const [book, route, favourite, close] = ['book', 'route', 'favourite', 'close'].map((id) => layout.buttons.find((b) => b.id === id)!)
    expect(book.width).toBeGreaterThan(route.width * 1.9)
    expect(route.y).toBe(favourite.y)
    expect(favourite.x).toBeGreaterThan(route.x + route.width)
    expect(close.y).toBeGreaterThan(route.y + route.height)
    // nothing spills past the canvas, and the world plane keeps its aspect
    for (const b of layout.buttons) expect(b.y + b.height).toBeLessThanOrEqual(layout.height - PANEL.padding + 1)
    expect(panelWorldHeight(layout) / PANEL.worldWidth).toBeCloseTo(layout.height / layout.width)
  })

  it('finds the button under a ray hit, with v counted up from the bottom as three.js does', () => {
    const layout = layoutPanel(card)
    for (const id of ['book', 'route', 'favourite', 'close']) {
      const { u, v } = centreUv(layout, id)
      expect(buttonAt(layout, u, v)?.id).toBe(id)
    }
    // the top of the plane is the title, not a button; the gap between two buttons of a row is nothing
    expect(buttonAt(layout, 0.5, 0.98)).toBeNull()
    const route = layout.buttons.find((b) => b.id === 'route')!
    const gapU = (route.x + route.width + PANEL.buttonGap / 2) / layout.width
    expect(buttonAt(layout, gapU, centreUv(layout, 'route').v)).toBeNull()
  })

  it('leaves the title out of a panel of buttons alone (the menu handle)', () => {
    const handle = layoutPanel({ title: '', rows: [[{ id: 'menu', label: 'Menu' }]] })
    expect(handle.height).toBe(PANEL.padding * 2 + PANEL.buttonHeight)
    expect(buttonAt(handle, 0.5, 0.5)?.id).toBe('menu')
  })
})
