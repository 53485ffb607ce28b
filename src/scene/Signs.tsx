/** The hall's signs (zone banners, section signs, the entrance header, the Korea banner) as one instanced atlas mesh. */
import { useEffect, useMemo } from 'react'
import { createAtlasQuadMesh, disposeMesh, quadMatrix, type AtlasQuad } from './atlasQuads'
import type { SignAtlas } from './signAtlas'
import type { SignPlacement } from './signLayout'

export function signQuads(placements: SignPlacement[], atlas: SignAtlas): AtlasQuad[] {
  const quads: AtlasQuad[] = []
  for (const p of placements) {
    const slot = atlas.slots.get(p.art)
    if (!slot) continue
    const lift = p.board ? p.board.depth / 2 + 0.01 : 0.005
    const sides = p.doubleSided ? [0, Math.PI] : [0]
    for (const turn of sides) {
      const r = p.rotationY + turn
      quads.push({
        matrix: quadMatrix(
          p.position[0] + Math.sin(r) * lift,
          p.position[1],
          p.position[2] + Math.cos(r) * lift,
          r,
          p.width,
          p.height,
        ),
        uv: slot.uv,
      })
    }
  }
  return quads
}

export function Signs({ placements, atlas }: { placements: SignPlacement[]; atlas: SignAtlas }) {
  const mesh = useMemo(() => {
    const m = createAtlasQuadMesh(atlas.texture, signQuads(placements, atlas))
    m.name = 'signs'
    return m
  }, [placements, atlas])
  useEffect(() => () => disposeMesh(mesh), [mesh])
  return <primitive object={mesh} />
}

