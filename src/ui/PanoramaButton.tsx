/** "360°": opens a zone's 360° view, wherever a zone is named (zone menu, booth panel, plan view); absent without a picture. */
import type { ZoneId } from '../content/schema'
import { localized, useTranslate } from '../i18n/translate'
import { hasPanorama } from '../panorama/panoramaPictures'
import { useExpoActions, useExpoStore } from '../state/store'

export default function PanoramaButton({ zoneId, className = '' }: { zoneId: ZoneId; className?: string }) {
  const t = useTranslate()
  const name = useExpoStore((s) => {
    const zone = s.pack?.zones.find((z) => z.id === zoneId)
    return zone ? localized(zone.name, s.language) : zoneId
  })
  const actions = useExpoActions()
  if (!hasPanorama(zoneId)) return null
  const label = t('panorama.openLabel', { zone: name })
  return (
    <button type="button" className={`panorama-button ${className}`.trim()} aria-label={label} title={label} onClick={() => actions.openPanorama(zoneId)}>
      {t('panorama.open')}
    </button>
  )
}
