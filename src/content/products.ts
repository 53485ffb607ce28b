/** How a product is shown when its pack entry leaves colour or variant out: the kind's own colour, a shape chosen from the exhibitor. */
import type { Product, ProductKind } from './schema'

/** Each kind's usual body colour, as a visitor would expect it on a stand (solar panels dark blue, fridges white…). */
export const PRODUCT_KIND_COLOURS: Record<ProductKind, string> = {
  'robot-arm': '#f0a020',
  'service-robot': '#f4f6f8',
  'cnc-machine': '#d9dee4',
  motor: '#5c6b7a',
  valve: '#c0392b',
  'battery-pack': '#2f7fd0',
  'solar-panel': '#1f3a68',
  'wind-turbine': '#f4f6f8',
  car: '#c8ced6',
  drone: '#3a4756',
  'chip-wafer': '#8e8fc2',
  'circuit-board': '#2e8b57',
  'server-rack': '#2b2f36',
  display: '#20252c',
  camera: '#3a4756',
  'smart-appliance': '#eef1f4',
  'medical-device': '#f7f9fb',
  'lab-instrument': '#e8ecef',
  'packaged-food': '#d94f3d',
  bottle: '#3f8f6a',
  'fresh-produce': '#e0a030',
  'textile-roll': '#4a7fb5',
  'material-sample': '#9aa5b1',
}

/** Stable 0..1 from a text: the same exhibitor always gets the same shapes. */
function unitHash(text: string) {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296
}

export interface ProductLook {
  kind: ProductKind
  colour: string
  variant: 0 | 1 | 2
  scale: number
}

/** The look of an exhibitor's `index`-th product, with the pack's choices where it makes them. */
export function productLook(product: Product, exhibitorId: string, index: number): ProductLook {
  return {
    kind: product.kind,
    colour: product.colour ?? PRODUCT_KIND_COLOURS[product.kind],
    variant: product.variant ?? (Math.floor(unitHash(`${exhibitorId}#${index}`) * 3) as 0 | 1 | 2),
    scale: product.scale ?? 1,
  }
}
