/** A route stop's name in the visitor's language: the exhibitor's or the zone's. */
import { useCallback } from 'react'
import type { RouteStop } from '../routes/types'
import { localized } from '../i18n/translate'
import { useExpoStore } from '../state/store'

export function useStopName() {
  const pack = useExpoStore((s) => s.pack)
  const language = useExpoStore((s) => s.language)
  return useCallback(
    (stop: RouteStop) => {
      if (stop.kind === 'zone') {
        const zone = pack?.zones.find((z) => z.id === stop.zoneId)
        return zone ? localized(zone.name, language) : stop.zoneId
      }
      const exhibitor = pack?.exhibitors.find((e) => e.id === stop.exhibitorId)
      return exhibitor ? localized(exhibitor.name, language) : stop.exhibitorId
    },
    [pack, language],
  )
}
