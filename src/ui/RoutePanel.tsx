/** The visitor's route as a list of stops (booths and zones); ordering and touring arrive with the routes issue. */
import { localized, useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'

export default function RoutePanel() {
  const t = useTranslate()
  const open = useExpoStore((s) => s.routePanelOpen)
  const language = useExpoStore((s) => s.language)
  const stops = useExpoStore((s) => s.routeStops)
  const pack = useExpoStore((s) => s.pack)
  const actions = useExpoActions()
  if (!open || !pack) return null
  const nameOf = (index: number) => {
    const stop = stops[index]
    if (stop.kind === 'zone') {
      const zone = pack.zones.find((z) => z.id === stop.zoneId)
      return zone ? localized(zone.name, language) : stop.zoneId
    }
    const exhibitor = pack.exhibitors.find((e) => e.id === stop.exhibitorId)
    return exhibitor ? localized(exhibitor.name, language) : stop.exhibitorId
  }
  return (
    <aside className="side-panel route-panel" aria-labelledby="route-panel-title">
      <header className="side-panel-header">
        <div>
          <h2 id="route-panel-title">{t('route.title')}</h2>
          <p className="eyebrow">{t('route.stops', { count: stops.length })}</p>
        </div>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => actions.setRoutePanelOpen(false)}>
          ×
        </button>
      </header>
      <div className="side-panel-body">
        {stops.length === 0 ? (
          <p>{t('route.empty')}</p>
        ) : (
          <ol className="route-stops">
            {stops.map((stop, index) => (
              <li key={stop.kind === 'zone' ? `zone:${stop.zoneId}` : stop.exhibitorId}>
                <button
                  type="button"
                  className="route-stop-go"
                  onClick={() => (stop.kind === 'zone' ? actions.goToZone(stop.zoneId) : actions.openBooth(stop.exhibitorId))}
                >
                  {nameOf(index)}
                </button>
                <button type="button" className="icon-button" aria-label={t('route.remove', { name: nameOf(index) })} onClick={() => actions.removeStop(index)}>
                  ×
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  )
}
