/** While a screen's video plays near the visitor: what is playing, and the one control that turns its sound on or off. */
import { useTranslate } from '../i18n/translate'
import { localized } from '../i18n/format'
import { LOBBY_SCREEN } from '../live/screens'
import { setScreenMuted, useScreenSources } from '../state/live/screenSources'
import { useExpoStore } from '../state/store'

export default function ScreenSound() {
  const t = useTranslate()
  const playing = useScreenSources((s) => s.playing)
  const muted = useScreenSources((s) => s.muted)
  const language = useExpoStore((s) => s.language)
  const name = useExpoStore((s) => {
    if (!playing || !s.pack) return null
    const text = playing === LOBBY_SCREEN ? s.pack.event.name : s.pack.exhibitors.find((e) => e.id === playing)?.name
    return text ? localized(text, language) : null
  })
  if (!playing) return null
  return (
    <div className="screen-sound">
      {name && <span className="screen-sound-what">{t('screen.playing', { name })}</span>}
      <button type="button" className="screen-sound-button" onClick={() => setScreenMuted(!muted)}>
        <span aria-hidden="true">{muted ? '🔇 ' : '🔊 '}</span>
        {t(muted ? 'screen.soundOn' : 'screen.soundOff')}
      </button>
    </div>
  )
}
