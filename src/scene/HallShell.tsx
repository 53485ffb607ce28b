/** The hall's static body: floor and carpets, merged architecture and skylights — four draw calls for the whole building. */
import { useEffect, useMemo } from 'react'
import * as THREE from 'three'
import type { ContentPack } from '../content/schema'
import type { FloorPlan } from '../plan/types'
import { disposeMesh } from './atlasQuads'
import { PALETTE } from './dimensions'
import { createFloorMeshes, floorStrips } from './floorStrips'
import { buildArchitecture, buildSkylights } from './hallArchitecture'
import { litMaterial } from './materials'
import type { SignPlacement } from './signLayout'

export function HallShell({ plan, pack, placements }: { plan: FloorPlan; pack: ContentPack; placements: SignPlacement[] }) {
  const meshes = useMemo(() => {
    const floor = createFloorMeshes(floorStrips(plan, pack))
    const architecture = new THREE.Mesh(buildArchitecture(plan, pack, placements), litMaterial({ vertexColors: true }))
    architecture.name = 'architecture'
    const skylights = new THREE.Mesh(buildSkylights(plan), new THREE.MeshBasicMaterial({ color: PALETTE.skylight, toneMapped: false }))
    skylights.name = 'skylights'
    return [...floor, architecture, skylights]
  }, [plan, pack, placements])
  useEffect(() => () => meshes.forEach(disposeMesh), [meshes])
  return (
    <>
      {meshes.map((m) => (
        <primitive key={m.uuid} object={m} />
      ))}
    </>
  )
}
