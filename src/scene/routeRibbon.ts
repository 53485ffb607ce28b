/** The route's ribbon on the floor as one merged geometry: a mitred strip per leg, arrows along it, a spot at each stop. */
import * as THREE from 'three'
import type { Point } from '../plan/types'
import { createCanvas2D, textureOf } from './canvasText'
import { worldZ } from './coords'
import { PALETTE, ROUTE_MARK } from './dimensions'

/** UV of a plain accent texel in the ribbon tile (left of the arrow), for the stop spots. */
const SOLID_UV = [0.12, 0.5] as const
/** Legs that run back over an aisle another leg used sit a few millimetres apart, so they never flicker. */
const LEG_LIFT = 0.003
const LEG_LIFT_LEVELS = 6
/** A mitre longer than this many half-widths (a hairpin turn) is cut short. */
const MAX_MITRE = 3
const SPOT_SEGMENTS = 24

export interface RibbonOptions {
  width?: number
  height?: number
  tileLength?: number
  spotRadius?: number
}

/** Drops points closer than a centimetre to the previous one: they have no direction. */
function distinct(leg: readonly Point[]): Point[] {
  const out: Point[] = []
  for (const p of leg) {
    const last = out[out.length - 1]
    if (!last || Math.hypot(p.x - last.x, p.z - last.z) > 0.01) out.push(p)
  }
  return out
}

/**
 * Ribbon strips along every leg (u runs along the walk in tiles, v across it) plus a flat spot at each stop, all in
 * one indexed geometry in world space. Empty legs are skipped; with nothing to draw the index is empty.
 */
export function routeRibbonGeometry(legs: readonly (readonly Point[])[], stops: readonly Point[], options: RibbonOptions = {}) {
  const half = (options.width ?? ROUTE_MARK.ribbonWidth) / 2
  const y0 = options.height ?? ROUTE_MARK.ribbonHeight
  const tile = options.tileLength ?? ROUTE_MARK.tileLength
  const spot = options.spotRadius ?? ROUTE_MARK.spotRadius
  const positions: number[] = []
  const uvs: number[] = []
  const index: number[] = []

  legs.forEach((rawLeg, k) => {
    const leg = distinct(rawLeg)
    if (leg.length < 2) return
    const y = y0 + (k % LEG_LIFT_LEVELS) * LEG_LIFT
    const first = positions.length / 3
    let along = 0
    for (let i = 0; i < leg.length; i++) {
      const p = leg[i]
      if (i > 0) along += Math.hypot(p.x - leg[i - 1].x, p.z - leg[i - 1].z)
      // Left-hand normals (plan coordinates) of the segments either side; their mean is the mitre.
      const a = leg[Math.max(0, i - 1)]
      const b = leg[Math.min(leg.length - 1, i + 1)]
      const inDir = i > 0 ? unit(p.x - a.x, p.z - a.z) : unit(b.x - p.x, b.z - p.z)
      const outDir = i < leg.length - 1 ? unit(b.x - p.x, b.z - p.z) : inDir
      let nx = -(inDir.z + outDir.z)
      let nz = inDir.x + outDir.x
      const nl = Math.hypot(nx, nz)
      if (nl < 1e-6) {
        // A full U-turn: square across the incoming direction.
        nx = -inDir.z
        nz = inDir.x
      } else {
        nx /= nl
        nz /= nl
      }
      const cos = nx * -inDir.z + nz * inDir.x
      const mitre = Math.min(MAX_MITRE, 1 / Math.max(cos, 1 / MAX_MITRE)) * half
      for (const side of [1, -1]) {
        const q = { x: p.x + nx * mitre * side, z: p.z + nz * mitre * side }
        positions.push(q.x, y, worldZ(q))
        uvs.push(along / tile, side > 0 ? 1 : 0)
      }
      if (i > 0) {
        const v = first + i * 2
        index.push(v - 2, v - 1, v, v, v - 1, v + 1)
      }
    }
  })

  stops.forEach((p, k) => {
    const y = y0 + LEG_LIFT_LEVELS * LEG_LIFT + (k % 2) * LEG_LIFT
    const centre = positions.length / 3
    positions.push(p.x, y, worldZ(p))
    uvs.push(SOLID_UV[0], SOLID_UV[1])
    for (let s = 0; s < SPOT_SEGMENTS; s++) {
      const a = (s / SPOT_SEGMENTS) * Math.PI * 2
      positions.push(p.x + Math.cos(a) * spot, y, worldZ(p) + Math.sin(a) * spot)
      uvs.push(SOLID_UV[0], SOLID_UV[1])
      // Counter-clockwise seen from above, so the spot faces up.
      index.push(centre, centre + 1 + ((s + 1) % SPOT_SEGMENTS), centre + 1 + s)
    }
  })

  const geometry = new THREE.BufferGeometry()
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3))
  geometry.setAttribute('uv', new THREE.Float32BufferAttribute(uvs, 2))
  geometry.setIndex(index)
  if (positions.length > 0) geometry.computeBoundingSphere()
  return geometry
}

function unit(x: number, z: number): Point {
  const l = Math.hypot(x, z)
  return l > 0 ? { x: x / l, z: z / l } : { x: 0, z: 1 }
}

/** One arrow tile: the accent band with pale edges and a white chevron pointing along +u (the walking direction). */
export function routeRibbonTexture(): THREE.Texture {
  const w = 256
  const h = 128
  const surface = createCanvas2D(w, h)
  if (surface) {
    const { ctx } = surface
    ctx.fillStyle = PALETTE.route
    ctx.fillRect(0, 0, w, h)
    ctx.fillStyle = '#dfeaf6'
    ctx.fillRect(0, 0, w, 9)
    ctx.fillRect(0, h - 9, w, 9)
    ctx.strokeStyle = '#ffffff'
    ctx.lineWidth = 20
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.beginPath()
    ctx.moveTo(132, 30)
    ctx.lineTo(180, 64)
    ctx.lineTo(132, 98)
    ctx.stroke()
  }
  const texture = textureOf(surface, 8)
  texture.wrapS = THREE.RepeatWrapping
  texture.wrapT = THREE.ClampToEdgeWrapping
  return texture
}
