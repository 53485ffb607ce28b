/** `?debug=1`: fps, draw calls and triangles, written into the DOM from a timer, never through React state. */
import { useEffect, useRef } from 'react'
import { useTranslate } from '../i18n/translate'
import { renderStats } from '../state/transient'

export default function DebugOverlay() {
  const t = useTranslate()
  const text = useRef<HTMLPreElement>(null)
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (!text.current) return
      text.current.textContent =
        `fps ${renderStats.fps.toFixed(0)}\n` +
        `draw calls ${renderStats.drawCalls}\n` +
        `triangles ${renderStats.triangles.toLocaleString('en')}\n` +
        `dpr ${renderStats.dpr}`
    }, 250)
    return () => window.clearInterval(timer)
  }, [])
  return (
    <aside className="debug-overlay" aria-label={t('debug.title')}>
      <pre ref={text} />
    </aside>
  )
}
