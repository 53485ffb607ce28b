/** The hall's baked contact shadows (floorShadows.ts) as one mesh, rebuilt only with the plan. */
import { useEffect, useMemo } from 'react'
import type { FloorPlan } from '../plan/types'
import { disposeMesh } from './atlasQuads'
import type { BoothLayout } from './boothLayout'
import { buildFloorShadows, createFloorShadowMesh } from './floorShadows'

export function FloorShadows({ plan, layout }: { plan: FloorPlan; layout: BoothLayout }) {
  const mesh = useMemo(() => createFloorShadowMesh(buildFloorShadows(plan, layout)), [plan, layout])
  useEffect(() => () => disposeMesh(mesh), [mesh])
  return <primitive object={mesh} />
}
