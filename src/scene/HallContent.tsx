/** The hall's scene graph, generated from the floor plan and the content pack; no Canvas, so tests can render it alone. */
import { useEffect, useMemo } from 'react'
import type { ContentPack, ZoneId } from '../content/schema'
import type { FloorPlan } from '../plan/types'
import { Avatars } from './Avatars'
import { BoothLabels } from './BoothLabels'
import { computeBoothLayout } from './boothLayout'
import { Booths } from './Booths'
import { FloorPicker } from './FloorPicker'
import { FloorShadows } from './FloorShadows'
import { HallShell } from './HallShell'
import { LobbyBoards } from './LobbyBoards'
import { MagicCube } from './MagicCube'
import { RouteMarks } from './RouteMarks'
import { Screens } from './Screens'
import { sceneRegistry } from './sceneRegistry'
import { buildSignAtlas } from './signAtlas'
import { captionArts, computeSigns } from './signLayout'
import { Signs } from './Signs'
import { TableMarks } from './TableMarks'
import { useExpoStore } from '../state/store'

export function HallContent({ plan, pack }: { plan: FloorPlan; pack: ContentPack }) {
  const zoneColours = useMemo(() => new Map<ZoneId, string>(pack.zones.map((z) => [z.id, z.colour])), [pack])
  const vrPresenting = useExpoStore((s) => s.vrPresenting)
  const layout = useMemo(() => {
    const products = new Map(pack.exhibitors.map((e) => [e.id, e.products]))
    return computeBoothLayout(plan, zoneColours, (id) => products.get(id))
  }, [plan, pack, zoneColours])
  const signs = useMemo(() => computeSigns(plan, pack), [plan, pack])
  const atlas = useMemo(() => buildSignAtlas([...signs.arts, ...captionArts(pack)]), [signs, pack])
  useEffect(() => () => atlas.texture.dispose(), [atlas])
  useEffect(() => {
    sceneRegistry.booths = { layout, indexOf: new Map(plan.booths.map((b) => [b.exhibitorId, b.index])), hit: sceneRegistry.booths?.hit ?? null }
    return () => {
      sceneRegistry.booths = null
    }
  }, [layout, plan])

  return (
    <>
      <HallShell plan={plan} pack={pack} placements={signs.placements} />
      <FloorShadows plan={plan} layout={layout} />
      <Signs placements={signs.placements} atlas={atlas} />
      <Booths plan={plan} layout={layout} />
      <BoothLabels plan={plan} pack={pack} layout={layout} />
      <MagicCube plan={plan} pack={pack} atlas={atlas} />
      <LobbyBoards plan={plan} pack={pack} />
      <Screens plan={plan} pack={pack} layout={layout} />
      <TableMarks plan={plan} pack={pack} />
      <RouteMarks plan={plan} />
      {/* in a headset the floor is the teleport arc's: a ray on the floor would walk there instead */}
      {!vrPresenting && <FloorPicker plan={plan} />}
      <Avatars />
    </>
  )
}
