/** The parametric product library: one merged, vertex-coloured geometry per kind and variant, built once and shared. */
import * as THREE from 'three'
import { PRODUCT_KINDS, type ProductKind } from '../../content/schema'
import { PRODUCT_MODELS, type Variant } from './kinds'
import { ModelBuilder } from './modelBuilder'

export type { Variant } from './kinds'

export const VARIANTS: readonly Variant[] = [0, 1, 2]

/** A kind and variant as one small number: the model's slot in the library and in the stand's batch. */
export const modelIndex = (kind: ProductKind, variant: Variant) => PRODUCT_KINDS.indexOf(kind) * VARIANTS.length + variant
export const MODEL_COUNT = PRODUCT_KINDS.length * VARIANTS.length

/** Builds a fresh geometry (the caller owns and disposes it). */
export function buildProductGeometry(kind: ProductKind, variant: Variant): THREE.BufferGeometry {
  const builder = new ModelBuilder()
  PRODUCT_MODELS[kind](builder, variant)
  return builder.build(`product-${kind}-${variant}`)
}

/** Every model's bounds, for sizing far-away stand-ins; computed once. */
let bounds: THREE.Box3[] | null = null
export function modelBounds(index: number): THREE.Box3 {
  if (!bounds) {
    bounds = PRODUCT_KINDS.flatMap((kind) =>
      VARIANTS.map((variant) => {
        const geometry = buildProductGeometry(kind, variant)
        const box = geometry.boundingBox!.clone()
        geometry.dispose()
        return box
      }),
    )
  }
  return bounds[index]
}

export const triangleCount = (geometry: THREE.BufferGeometry) =>
  (geometry.index ? geometry.index.count : geometry.getAttribute('position').count) / 3
