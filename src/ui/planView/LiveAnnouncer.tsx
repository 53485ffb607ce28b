/** Tells screen readers, politely, when the visitor enters another zone or the view changes between 3D hall, plan and 360° view. */
import { useEffect, useState } from 'react'
import { localized, translate } from '../../i18n/translate'
import type { MessageKey } from '../../i18n/messages'
import { useExpoStore } from '../../state/store'

export default function LiveAnnouncer() {
  const [message, setMessage] = useState('')
  useEffect(() => {
    const say = (key: MessageKey, params?: Record<string, string>) => setMessage(translate(useExpoStore.getState().language, key, params))
    const unsubscribers = [
      useExpoStore.subscribe(
        (s) => s.currentZoneId,
        (zoneId) => {
          const { pack, language } = useExpoStore.getState()
          const zone = pack?.zones.find((z) => z.id === zoneId)
          say('planView.nowIn', { zone: zone ? localized(zone.name, language) : zoneId })
        },
      ),
      useExpoStore.subscribe(
        (s) => s.view,
        (view) => {
          const { webgl } = useExpoStore.getState()
          if (view === 'hall') say('planView.hallShown')
          else if (view === 'panorama') {
            const { pack, language, currentZoneId } = useExpoStore.getState()
            const zone = pack?.zones.find((z) => z.id === currentZoneId)
            say('panorama.shown', { zone: zone ? localized(zone.name, language) : currentZoneId })
          } else say(webgl === 'unavailable' ? 'planView.webglUnavailable' : webgl === 'lost' ? 'planView.webglLost' : 'planView.planShown')
        },
      ),
    ]
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
  }, [])
  // Not role="status": the notices already are the page's one status region.
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="live-announcer">
      {message}
    </p>
  )
}
