/**
 * The zone menu on the left: every zone, the current one marked, with who is there; choosing one flies there (in the
 * 360° view, shows its picture); "360°" opens a zone's 360° view.
 */
import { localized, useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'
import { useShallow } from 'zustand/react/shallow'
import { OnlineCount, PresenceControl, ZoneLiveCount } from './LivePresence'
import PanoramaButton from './PanoramaButton'

export default function ZoneMenu() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const zones = useExpoStore((s) => s.pack?.zones ?? [])
  const currentZoneId = useExpoStore((s) => s.currentZoneId)
  const boothCounts = useExpoStore(
    useShallow((s) => {
      const counts: Record<string, number> = {}
      for (const booth of s.plan?.booths ?? []) counts[booth.zoneId] = (counts[booth.zoneId] ?? 0) + 1
      return counts
    }),
  )
  const actions = useExpoActions()
  const open = useExpoStore((s) => s.zoneMenuOpen)
  return (
    <nav className={`zone-menu${open ? ' is-open' : ''}`} aria-label={t('zones.menu')}>
      <div className="zone-menu-header">
        <h2>{t('zones.menu')}</h2>
        <button type="button" className="icon-button zone-menu-close" aria-label={t('common.close')} onClick={() => actions.setZoneMenuOpen(false)}>
          ×
        </button>
      </div>
      <OnlineCount className="zone-menu-online" />
      <ul>
        {zones.map((zone) => (
          <li key={zone.id} className="zone-menu-item">
            <button
              type="button"
              className="zone-menu-go"
              aria-current={zone.id === currentZoneId ? 'location' : undefined}
              onClick={() => actions.goToZone(zone.id)}
            >
              <span className="swatch" style={{ background: zone.colour }} aria-hidden="true" />
              <span className="zone-menu-name">
                {localized(zone.name, language)}
                {boothCounts[zone.id] ? (
                  <span className="zone-menu-count">{t('zones.boothCount', { count: boothCounts[zone.id] })}</span>
                ) : null}
                <ZoneLiveCount zoneId={zone.id} className="zone-menu-live" />
              </span>
            </button>
            <PanoramaButton zoneId={zone.id} className="zone-menu-panorama" />
            {zone.id !== 'lobby' && zone.id !== 'negotiation' && (
              <button
                type="button"
                className="zone-menu-add"
                aria-label={t('route.addZone', { zone: localized(zone.name, language) })}
                title={t('route.addZone', { zone: localized(zone.name, language) })}
                onClick={() => {
                  actions.addStop({ kind: 'zone', zoneId: zone.id })
                  actions.notify({ kind: 'info', key: 'route.added', params: { name: localized(zone.name, language) } })
                }}
              >
                +
              </button>
            )}
          </li>
        ))}
      </ul>
      <PresenceControl />
    </nav>
  )
}
