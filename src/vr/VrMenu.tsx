/**
 * The zone menu in the headset: every zone to go to, the guided tour of the visitor's route (start, pause, next,
 * end), and the way out of VR. A small handle at the visitor's side opens it in front of their eyes.
 */
import { useMemo } from 'react'
import type * as THREE from 'three'
import type { MessageKey } from '../i18n/messages'
import { localized, translate } from '../i18n/translate'
import { activeRoute } from '../state/routeSlice'
import { useExpoStore } from '../state/store'
import type { PanelButton, PanelSpec } from './vrPanel'
import { VrPanelMesh } from './VrPanelMesh'

const ZONES_PER_ROW = 3
const MENU_ACCENT = '#2f6fb5'

export function VrMenu({ position, facing, onClose, onExit }: { position: THREE.Vector3; facing: THREE.Vector3; onClose(): void; onExit(): void }) {
  const language = useExpoStore((s) => s.language)
  const zones = useExpoStore((s) => s.pack?.zones)
  const currentZoneId = useExpoStore((s) => s.currentZoneId)
  const tour = useExpoStore((s) => s.guidedTour)
  const route = useExpoStore(activeRoute)
  const actions = useExpoStore((s) => s.actions)

  const spec = useMemo((): PanelSpec => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params)
    const zoneButtons: PanelButton[] = (zones ?? []).map((z) => ({ id: `zone:${z.id}`, label: localized(z.name, language), pressed: z.id === currentZoneId }))
    const rows: PanelButton[][] = []
    for (let i = 0; i < zoneButtons.length; i += ZONES_PER_ROW) rows.push(zoneButtons.slice(i, i + ZONES_PER_ROW))
    const lines: string[] = []
    if (tour) {
      lines.push(t('tour.regionLabel', { name: tour.name }))
      rows.push([
        tour.status === 'paused' ? { id: 'tour:play', label: t('tour.play'), primary: true } : { id: 'tour:pause', label: t('tour.pause') },
        { id: 'tour:next', label: t('tour.next') },
        { id: 'tour:exit', label: t('tour.exit') },
      ])
    } else if (route && route.stops.length > 0) {
      rows.push([{ id: 'tour:start', label: t('vr.startTour', { name: route.name || t('route.untitled') }), primary: true }])
    } else lines.push(t('vr.noRoute'))
    rows.push([
      { id: 'close', label: t('vr.closeMenu') },
      { id: 'exit', label: t('vr.exit') },
    ])
    return { title: t('vr.zones'), lines, rows }
  }, [language, zones, currentZoneId, tour, route])

  const onButton = (id: string) => {
    if (id === 'close') onClose()
    else if (id === 'exit') onExit()
    else if (id.startsWith('zone:')) {
      actions.goToZone(id.slice('zone:'.length) as Parameters<typeof actions.goToZone>[0])
      onClose()
    } else if (id === 'tour:start' && route) {
      actions.startTour({ routeId: route.id, name: route.name || translate(language, 'route.untitled'), stops: route.stops })
      onClose()
    } else if (id === 'tour:play') actions.tourPlay()
    else if (id === 'tour:pause') actions.tourPause()
    else if (id === 'tour:next') actions.tourNext()
    else if (id === 'tour:exit') actions.exitTour()
  }

  return <VrPanelMesh name="menu" spec={spec} accent={MENU_ACCENT} position={position} facing={facing} worldWidth={1.1} onButton={onButton} />
}

/** The handle that opens the menu, carried at the visitor's left hand side. */
export function VrMenuHandle({ position, facing, onOpen }: { position: THREE.Vector3; facing: THREE.Vector3; onOpen(): void }) {
  const language = useExpoStore((s) => s.language)
  const spec = useMemo((): PanelSpec => ({ title: '', rows: [[{ id: 'menu', label: `☰ ${translate(language, 'vr.menu')}`, primary: true }]] }), [language])
  return <VrPanelMesh name="menuHandle" spec={spec} accent={MENU_ACCENT} position={position} facing={facing} worldWidth={0.4} onButton={onOpen} />
}
