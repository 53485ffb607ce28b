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
        <SpeakerIcon muted={muted} />
        {t(muted ? 'screen.soundOn' : 'screen.soundOff')}
      </button>
    </div>
  )
}

/** Drawn, not an emoji: phones and WeChat's browser lack some emoji fonts, and headless ones show a box. */
function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="screen-sound-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {muted ? (
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
      ) : (
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
      )}
    </svg>
  )
}
