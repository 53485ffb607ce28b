/** Bottom-left: the overview / walk switch and a short controls hint that fades after a while. */
import { useEffect, useState } from 'react'
import { useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore, type ViewMode } from '../state/store'

const MODES: ViewMode[] = ['overview', 'walk']
const HINT_VISIBLE_MS = 12_000

export default function ModeSwitch() {
  const t = useTranslate()
  const mode = useExpoStore((s) => s.mode)
  const actions = useExpoActions()
  const [hintVisible, setHintVisible] = useState(true)
  useEffect(() => {
    setHintVisible(true)
    const timer = window.setTimeout(() => setHintVisible(false), HINT_VISIBLE_MS)
    return () => window.clearTimeout(timer)
  }, [mode])
  return (
    <section className="mode-switch" aria-label={t('mode.label')}>
      <div role="group" aria-label={t('mode.label')} className="segmented">
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            title={t('mode.switchTo', { mode: t(`mode.${m}`) })}
            onClick={() => actions.setMode(m)}
          >
            {t(`mode.${m}`)}
          </button>
        ))}
      </div>
      <p className={`controls-hint${hintVisible ? '' : ' is-faded'}`} aria-live="polite">
        {t(mode === 'walk' ? 'hint.walk' : 'hint.overview')}
      </p>
    </section>
  )
}
