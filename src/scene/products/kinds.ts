/**
 * The product library: per kind, a low-poly model of a few primitives in three variants (proportions and parts).
 * Every model stands on y = 0 within a footprint of about 1 × 1 and a height of at most 1.2; the stand scales it to
 * its place (plinth, floor or counter).
 */
import type { ProductKind } from '../../content/schema'
import type { ModelBuilder } from './modelBuilder'

export type Variant = 0 | 1 | 2

const DARK = '#2b323b'
const STEEL = '#8d99a6'
const LIGHT = '#e4e7eb'
const GLASS = '#7fb2de'
const SCREEN = '#1d3d66'
const RUBBER = '#1c1f24'
const GOLD = '#c9a440'
const WOOD = '#a87b4f'
const LEAF = '#4f8a3a'

const PI = Math.PI
const main = { main: true }
const c = (colour: string) => ({ colour })

type Model = (b: ModelBuilder, v: Variant) => void

export const PRODUCT_MODELS: Record<ProductKind, Model> = {
  'robot-arm': (b, v) => {
    // six-axis, slim collaborative, SCARA
    b.cylinder(0.28, 0.32, 0.12, 8, 0, 0.06, 0, c(DARK))
    b.cylinder(0.18, 0.2, 0.22, 8, 0, 0.23, 0, main)
    if (v === 2) {
      b.cylinder(0.08, 0.08, 0.55, 6, 0, 0.6, 0, main)
      b.box(0.5, 0.1, 0.14, 0.22, 0.88, 0, main)
      b.box(0.4, 0.08, 0.12, 0.5, 0.8, 0.12, { main: true, ry: -0.5 })
      b.cylinder(0.03, 0.03, 0.35, 5, 0.66, 0.62, 0.22, c(STEEL))
      return
    }
    const r = v === 1 ? 0.07 : 0.1
    b.sphere(r * 1.3, 6, 4, 0, 0.38, 0, c(DARK))
    b.box(r * 1.8, 0.5, r * 1.8, 0.1, 0.6, 0, { main: true, rz: -0.35 })
    b.sphere(r * 1.2, 6, 4, 0.19, 0.84, 0, c(DARK))
    b.box(0.48, r * 1.5, r * 1.5, 0.42, 0.92, 0, { main: true, rz: -0.25 })
    b.cylinder(0.05, 0.05, 0.1, 6, 0.67, 0.82, 0, { colour: DARK })
    b.box(0.1, 0.12, 0.04, 0.67, 0.72, 0.04, c(STEEL))
    b.box(0.1, 0.12, 0.04, 0.67, 0.72, -0.04, c(STEEL))
  },
  'service-robot': (b, v) => {
    // guide robot with a head and a chest screen, delivery robot with compartments, low AGV / vacuum
    if (v === 2) {
      b.cylinder(0.42, 0.44, 0.14, 12, 0, 0.09, 0, main)
      b.cylinder(0.14, 0.14, 0.05, 8, 0.1, 0.18, 0, c(DARK))
      b.box(0.5, 0.02, 0.06, 0, 0.12, 0.42, c(RUBBER))
      return
    }
    b.cylinder(0.3, 0.34, 0.12, 10, 0, 0.06, 0, c(DARK))
    if (v === 0) {
      b.cylinder(0.22, 0.28, 0.65, 10, 0, 0.45, 0, main)
      b.sphere(0.2, 8, 5, 0, 0.95, 0, main)
      b.box(0.22, 0.08, 0.04, 0, 0.97, 0.18, c(DARK))
      b.box(0.26, 0.18, 0.03, 0, 0.58, 0.26, c(SCREEN))
    } else {
      b.box(0.52, 0.85, 0.5, 0, 0.55, 0, main)
      b.box(0.42, 0.22, 0.03, 0, 0.4, 0.26, c(LIGHT))
      b.box(0.42, 0.22, 0.03, 0, 0.68, 0.26, c(LIGHT))
      b.box(0.24, 0.12, 0.03, 0, 0.9, 0.26, c(SCREEN))
    }
  },
  'cnc-machine': (b, v) => {
    // enclosed machining centre, open lathe bed, 3D printer / laser cube
    if (v === 1) {
      b.box(1, 0.4, 0.5, 0, 0.2, 0, main)
      b.box(0.95, 0.08, 0.3, 0, 0.44, 0, c(STEEL))
      b.box(0.22, 0.35, 0.4, -0.36, 0.66, 0, main)
      b.cylinder(0.08, 0.08, 0.5, 8, 0.02, 0.6, 0, { colour: STEEL, rz: PI / 2 })
      b.box(0.14, 0.2, 0.2, 0.34, 0.6, 0, c(DARK))
      return
    }
    const w = v === 2 ? 0.7 : 1
    const h = v === 2 ? 0.9 : 0.95
    b.box(w, h, 0.7, 0, h / 2, 0, main)
    b.box(w * 0.6, h * 0.5, 0.02, -w * 0.12, h * 0.6, 0.35, c(GLASS))
    b.box(w * 0.16, h * 0.35, 0.06, w * 0.36, h * 0.62, 0.36, c(DARK))
    b.box(w, 0.08, 0.72, 0, 0.04, 0, c(DARK))
    if (v === 2) b.box(w * 0.5, 0.06, 0.5, 0, h + 0.03, 0, c(STEEL))
    else b.box(0.06, 0.18, 0.06, w * 0.36, h + 0.09, 0.2, c('#e0b020'))
  },
  motor: (b, v) => {
    // motor with feet, gearbox, bearing ring
    if (v === 2) {
      b.cylinder(0.42, 0.42, 0.16, 14, 0, 0.42, 0, { main: true, rx: PI / 2 })
      b.cylinder(0.26, 0.26, 0.18, 14, 0, 0.42, 0, { colour: STEEL, rx: PI / 2 })
      b.box(0.5, 0.04, 0.3, 0, 0.02, 0, c(DARK))
      return
    }
    const len = v === 0 ? 0.7 : 0.5
    const r = v === 0 ? 0.24 : 0.3
    if (v === 1) b.box(0.6, 0.6, 0.5, 0, 0.34, 0, main)
    else b.cylinder(r, r, len, 10, 0, r + 0.08, 0, { main: true, rz: PI / 2 })
    b.cylinder(r * 1.04, r * 1.04, 0.05, 10, len / 2 - 0.02, r + 0.08, 0, { colour: DARK, rz: PI / 2 })
    b.cylinder(0.05, 0.05, 0.2, 6, len / 2 + 0.1, r + 0.08, 0, { colour: STEEL, rz: PI / 2 })
    b.box(len * 0.8, 0.08, r * 1.6, 0, 0.04, 0, c(DARK))
    b.box(0.16, 0.12, 0.16, 0, r * 2 + 0.12, 0, c(DARK))
  },
  valve: (b, v) => {
    // ball valve with handwheel, hydraulic cylinder, gate valve with actuator
    if (v === 1) {
      b.cylinder(0.14, 0.14, 0.8, 10, 0, 0.22, 0, { main: true, rz: PI / 2 })
      b.cylinder(0.05, 0.05, 0.4, 6, 0.55, 0.22, 0, { colour: STEEL, rz: PI / 2 })
      b.box(0.08, 0.2, 0.2, -0.42, 0.16, 0, c(DARK))
      b.box(0.08, 0.2, 0.2, 0.77, 0.16, 0, c(DARK))
      return
    }
    b.cylinder(0.12, 0.12, 1, 8, 0, 0.22, 0, { colour: STEEL, rz: PI / 2 })
    b.cylinder(0.2, 0.2, 0.06, 10, -0.45, 0.22, 0, { colour: STEEL, rz: PI / 2 })
    b.cylinder(0.2, 0.2, 0.06, 10, 0.45, 0.22, 0, { colour: STEEL, rz: PI / 2 })
    b.sphere(0.22, 8, 5, 0, 0.24, 0, main)
    b.cylinder(0.04, 0.04, 0.3, 6, 0, 0.55, 0, c(DARK))
    if (v === 0) b.cylinder(0.24, 0.24, 0.04, 10, 0, 0.7, 0, main)
    else b.box(0.28, 0.3, 0.28, 0, 0.82, 0, main)
  },
  'battery-pack': (b, v) => {
    // flat EV pack, storage cabinet, stack of cells
    if (v === 1) {
      b.box(0.6, 1.1, 0.5, 0, 0.55, 0, main)
      b.box(0.5, 0.14, 0.02, 0, 0.85, 0.26, c(DARK))
      b.box(0.04, 0.5, 0.02, 0.2, 0.45, 0.26, c(STEEL))
      b.box(0.62, 0.04, 0.52, 0, 1.1, 0, c(DARK))
      return
    }
    if (v === 2) {
      for (let i = 0; i < 4; i++) {
        b.box(0.18, 0.5, 0.5, -0.3 + i * 0.2, 0.25, 0, main)
        b.box(0.06, 0.04, 0.06, -0.3 + i * 0.2, 0.52, 0.14, c(DARK))
      }
      return
    }
    b.box(1, 0.2, 0.7, 0, 0.1, 0, main)
    b.box(0.9, 0.04, 0.6, 0, 0.22, 0, c(DARK))
    b.box(0.2, 0.1, 0.14, 0.32, 0.29, 0.18, c('#e8a020'))
    b.box(0.5, 0.06, 0.2, -0.1, 0.27, -0.1, c(STEEL))
  },
  'solar-panel': (b, v) => {
    // tilted module on a stand, tracker on a post, small panel on a frame
    const w = v === 2 ? 0.6 : 1
    const tilt = v === 1 ? 0.3 : 0.55
    const y = v === 1 ? 0.95 : 0.55
    b.box(w, 0.04, 0.62, 0, y, 0, { main: true, rx: tilt })
    b.box(w + 0.02, 0.02, 0.02, 0, y, 0, { colour: LIGHT, rx: tilt })
    b.box(0.02, 0.045, 0.6, 0, y, 0, { colour: LIGHT, rx: tilt })
    if (v === 1) {
      b.cylinder(0.05, 0.06, 0.92, 6, 0, 0.46, 0, c(STEEL))
      b.box(0.4, 0.04, 0.4, 0, 0.02, 0, c(DARK))
    } else {
      b.box(0.04, y, 0.04, -w * 0.4, y / 2, 0.15, c(STEEL))
      b.box(0.04, y, 0.04, w * 0.4, y / 2, 0.15, c(STEEL))
      b.box(0.04, y * 0.6, 0.04, -w * 0.4, y * 0.3, -0.15, c(STEEL))
      b.box(0.04, y * 0.6, 0.04, w * 0.4, y * 0.3, -0.15, c(STEEL))
    }
  },
  'wind-turbine': (b, v) => {
    // three-blade turbine model on a base; taller or with a broader nacelle
    const h = v === 1 ? 0.74 : 0.66
    b.cylinder(0.3, 0.3, 0.06, 10, 0, 0.03, 0, c(DARK))
    b.cylinder(0.025, 0.05, h, 7, 0, h / 2, 0, main)
    b.box(0.1, v === 2 ? 0.12 : 0.08, 0.2, 0, h, 0, main)
    b.sphere(0.04, 6, 4, 0, h, 0.12, c(LIGHT))
    for (let i = 0; i < 3; i++) {
      const a = (i * 2 * PI) / 3 + (v === 2 ? 0.4 : 0)
      b.box(0.04, 0.44, 0.015, Math.sin(a) * 0.22, h + Math.cos(a) * 0.22, 0.13, { main: true, rz: -a })
    }
  },
  car: (b, v) => {
    // saloon/SUV, van/truck, small pod or shuttle
    const wheel = (x: number, z: number, r: number) => b.cylinder(r, r, 0.1, 8, x, r, z, { colour: RUBBER, rx: PI / 2 })
    if (v === 1) {
      b.box(0.32, 0.42, 0.46, 0.34, 0.34, 0, main)
      b.box(0.02, 0.18, 0.38, 0.51, 0.44, 0, c(GLASS))
      b.box(0.62, 0.5, 0.48, -0.16, 0.38, 0, c(LIGHT))
      wheel(0.34, 0.22, 0.1)
      wheel(-0.3, 0.22, 0.1)
      wheel(0.34, -0.22, 0.1)
      wheel(-0.3, -0.22, 0.1)
      return
    }
    if (v === 2) {
      b.box(0.7, 0.42, 0.48, 0, 0.33, 0, main)
      b.box(0.5, 0.14, 0.5, 0, 0.46, 0, c(GLASS))
      b.box(0.72, 0.05, 0.5, 0, 0.56, 0, main)
      wheel(0.24, 0.22, 0.09)
      wheel(-0.24, 0.22, 0.09)
      wheel(0.24, -0.22, 0.09)
      wheel(-0.24, -0.22, 0.09)
      return
    }
    b.box(1, 0.2, 0.46, 0, 0.2, 0, main)
    b.box(0.56, 0.16, 0.42, -0.06, 0.38, 0, main)
    b.box(0.5, 0.12, 0.43, -0.06, 0.37, 0, c(GLASS))
    b.box(0.02, 0.05, 0.3, 0.5, 0.22, 0, c(LIGHT))
    wheel(0.3, 0.2, 0.1)
    wheel(-0.3, 0.2, 0.1)
    wheel(0.3, -0.2, 0.1)
    wheel(-0.3, -0.2, 0.1)
  },
  drone: (b, v) => {
    // quadcopter, hexacopter sprayer, fixed-wing
    if (v === 2) {
      b.box(0.9, 0.12, 0.12, 0, 0.45, 0, main)
      b.box(0.18, 0.02, 1, 0.08, 0.47, 0, main)
      b.box(0.12, 0.02, 0.36, -0.42, 0.5, 0, main)
      b.box(0.1, 0.14, 0.02, -0.42, 0.56, 0, main)
      b.cylinder(0.02, 0.02, 0.36, 5, 0.1, 0.2, 0, c(STEEL))
      b.box(0.3, 0.04, 0.3, 0.1, 0.02, 0, c(DARK))
      return
    }
    const arms = v === 1 ? 6 : 4
    b.box(0.24, 0.1, 0.24, 0, 0.32, 0, main)
    b.cylinder(0.02, 0.02, 0.25, 5, -0.06, 0.14, 0, c(DARK))
    b.cylinder(0.02, 0.02, 0.25, 5, 0.06, 0.14, 0, c(DARK))
    if (v === 1) b.cylinder(0.1, 0.1, 0.14, 6, 0, 0.2, 0, c(LIGHT))
    for (let i = 0; i < arms; i++) {
      const a = (i * 2 * PI) / arms + PI / arms
      const x = Math.cos(a) * 0.36
      const z = Math.sin(a) * 0.36
      b.box(0.36, 0.03, 0.04, x / 2, 0.34, z / 2, { colour: DARK, ry: -a })
      // six rotors get square discs, so the sprayer stays within the triangle budget
      b.cylinder(0.13, 0.13, 0.01, arms === 6 ? 4 : 6, x, 0.38, z, c(STEEL))
    }
  },
  'chip-wafer': (b, v) => {
    // wafer on a stand, chip tray, packaged chip enlarged
    if (v === 2) {
      b.box(0.6, 0.1, 0.6, 0, 0.05, 0, main)
      for (let i = 0; i < 6; i++) {
        b.box(0.04, 0.04, 0.12, -0.25 + i * 0.1, 0.02, 0.34, c(STEEL))
        b.box(0.04, 0.04, 0.12, -0.25 + i * 0.1, 0.02, -0.34, c(STEEL))
      }
      return
    }
    if (v === 1) {
      b.box(0.8, 0.04, 0.56, 0, 0.02, 0, c(DARK))
      for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) b.box(0.12, 0.03, 0.12, -0.27 + i * 0.18, 0.055, -0.17 + j * 0.17, main)
      return
    }
    b.cylinder(0.45, 0.45, 0.02, 24, 0, 0.55, 0.04, { main: true, rx: PI / 2 - 0.25 })
    b.box(0.08, 0.5, 0.08, 0, 0.25, -0.05, c(STEEL))
    b.box(0.5, 0.04, 0.3, 0, 0.02, 0, c(DARK))
  },
  'circuit-board': (b, v) => {
    // board on a stand, boxed module with antennas, stacked boards
    if (v === 1) {
      b.box(0.6, 0.2, 0.4, 0, 0.1, 0, main)
      b.box(0.5, 0.02, 0.3, 0, 0.21, 0, c(LIGHT))
      b.cylinder(0.015, 0.015, 0.3, 5, -0.24, 0.35, -0.14, c(DARK))
      b.cylinder(0.015, 0.015, 0.3, 5, 0.24, 0.35, -0.14, c(DARK))
      b.box(0.06, 0.03, 0.02, 0.15, 0.08, 0.2, c('#4cd07d'))
      return
    }
    const boards = v === 2 ? 3 : 1
    for (let i = 0; i < boards; i++) {
      const y = 0.12 + i * 0.14
      b.box(0.8, 0.03, 0.56, 0, y, 0, main)
      b.box(0.2, 0.04, 0.2, -0.1, y + 0.035, 0.02, c(DARK))
      b.box(0.12, 0.03, 0.08, 0.24, y + 0.03, -0.15, c(STEEL))
      b.box(0.3, 0.01, 0.04, 0.12, y + 0.02, 0.18, c(GOLD))
    }
    b.box(0.04, 0.12 + (boards - 1) * 0.14, 0.04, -0.36, (0.12 + (boards - 1) * 0.14) / 2, -0.24, c(STEEL))
    b.box(0.04, 0.12 + (boards - 1) * 0.14, 0.04, 0.36, (0.12 + (boards - 1) * 0.14) / 2, 0.24, c(STEEL))
  },
  'server-rack': (b, v) => {
    // full rack, half-height cabinet, edge box
    const h = v === 0 ? 1.15 : v === 1 ? 0.8 : 0.4
    const w = v === 2 ? 0.7 : 0.55
    b.box(w, h, 0.6, 0, h / 2, 0, main)
    const units = v === 2 ? 2 : v === 1 ? 4 : 6
    for (let i = 0; i < units; i++) {
      const y = 0.08 + (i + 0.5) * ((h - 0.14) / units)
      b.box(w * 0.86, (h - 0.14) / units - 0.03, 0.02, 0, y, 0.3, c(DARK))
      b.box(0.04, 0.02, 0.01, w * 0.34, y, 0.315, c('#4cd07d'))
    }
  },
  display: (b, v) => {
    // monitor on a foot, large screen on a floor stand, tablet/kiosk
    if (v === 1) {
      b.box(1, 0.58, 0.05, 0, 0.72, 0, main)
      b.box(0.94, 0.52, 0.01, 0, 0.72, 0.03, c(SCREEN))
      b.box(0.06, 0.44, 0.06, 0, 0.22, -0.02, c(STEEL))
      b.box(0.5, 0.03, 0.3, 0, 0.015, 0, c(DARK))
      return
    }
    if (v === 2) {
      b.box(0.3, 0.85, 0.3, 0, 0.425, 0, main)
      b.box(0.26, 0.4, 0.02, 0, 0.6, 0.155, c(SCREEN))
      b.box(0.34, 0.04, 0.34, 0, 0.02, 0, c(DARK))
      b.box(0.32, 0.04, 0.32, 0, 0.87, 0, c(DARK))
      return
    }
    b.box(0.8, 0.48, 0.04, 0, 0.42, 0, main)
    b.box(0.74, 0.42, 0.01, 0, 0.42, 0.025, c(SCREEN))
    b.box(0.06, 0.2, 0.04, 0, 0.1, -0.03, c(STEEL))
    b.box(0.36, 0.02, 0.22, 0, 0.01, 0, c(STEEL))
  },
  camera: (b, v) => {
    // industrial camera on a tripod, dome camera, radar box
    if (v === 1) {
      b.cylinder(0.3, 0.3, 0.06, 10, 0, 0.5, 0, main)
      b.sphere(0.24, 10, 4, 0, 0.47, 0, c(DARK))
      b.cylinder(0.03, 0.03, 0.44, 5, 0, 0.25, 0, c(STEEL))
      b.cylinder(0.2, 0.2, 0.03, 8, 0, 0.015, 0, c(DARK))
      return
    }
    const w = v === 2 ? 0.5 : 0.3
    b.box(w, 0.26, 0.36, 0, 0.62, 0, main)
    if (v === 2) b.box(w * 0.9, 0.22, 0.01, 0, 0.62, 0.185, c(DARK))
    else b.cylinder(0.1, 0.1, 0.14, 10, 0, 0.62, 0.25, { colour: DARK, rx: PI / 2 })
    if (v === 0) b.cylinder(0.06, 0.06, 0.02, 8, 0, 0.62, 0.33, { colour: GLASS, rx: PI / 2 })
    for (const a of [0, (2 * PI) / 3, (4 * PI) / 3]) b.box(0.03, 0.55, 0.03, Math.sin(a) * 0.12, 0.26, Math.cos(a) * 0.12, { colour: DARK, rx: Math.cos(a) * 0.3, rz: -Math.sin(a) * 0.3 })
  },
  'smart-appliance': (b, v) => {
    // two-door fridge, front-load washer, air conditioner / purifier tower
    if (v === 1) {
      b.box(0.6, 0.85, 0.6, 0, 0.425, 0, main)
      b.cylinder(0.2, 0.2, 0.03, 12, 0, 0.4, 0.3, { colour: GLASS, rx: PI / 2 })
      b.cylinder(0.22, 0.22, 0.02, 12, 0, 0.4, 0.3, { colour: STEEL, rx: PI / 2 })
      b.box(0.5, 0.08, 0.02, 0, 0.76, 0.3, c(DARK))
      return
    }
    if (v === 2) {
      b.box(0.36, 1.1, 0.3, 0, 0.55, 0, main)
      b.box(0.3, 0.5, 0.02, 0, 0.45, 0.15, c(STEEL))
      b.box(0.12, 0.06, 0.02, 0, 0.92, 0.15, c(SCREEN))
      b.box(0.38, 0.04, 0.32, 0, 0.02, 0, c(DARK))
      return
    }
    b.box(0.7, 1.15, 0.62, 0, 0.575, 0, main)
    b.box(0.005, 0.7, 0.02, 0, 0.75, 0.31, c(STEEL))
    b.box(0.68, 0.005, 0.02, 0, 0.38, 0.31, c(STEEL))
    b.box(0.03, 0.3, 0.04, -0.04, 0.75, 0.33, c(STEEL))
    b.box(0.03, 0.3, 0.04, 0.04, 0.75, 0.33, c(STEEL))
    b.box(0.12, 0.08, 0.01, 0.18, 0.9, 0.315, c(SCREEN))
  },
  'medical-device': (b, v) => {
    // cart-mounted ultrasound, scanner ring, wheelchair-like frame
    if (v === 1) {
      b.box(0.9, 0.2, 0.5, 0, 0.1, 0, c(LIGHT))
      b.cylinder(0.42, 0.42, 0.24, 14, 0, 0.62, -0.1, { main: true, rx: PI / 2 })
      b.cylinder(0.22, 0.22, 0.26, 14, 0, 0.62, -0.1, { colour: DARK, rx: PI / 2 })
      b.box(0.8, 0.06, 0.3, 0, 0.42, 0.22, c(LIGHT))
      return
    }
    if (v === 2) {
      b.box(0.5, 0.08, 0.5, 0, 0.45, 0, main)
      b.box(0.5, 0.45, 0.06, 0, 0.72, -0.24, main)
      for (const s of [-1, 1]) {
        b.cylinder(0.3, 0.3, 0.04, 12, s * 0.3, 0.3, -0.05, { colour: DARK, rz: PI / 2 })
        b.cylinder(0.07, 0.07, 0.04, 6, s * 0.2, 0.07, 0.24, { colour: DARK, rz: PI / 2 })
      }
      return
    }
    b.box(0.5, 0.5, 0.5, 0, 0.35, 0, main)
    b.box(0.46, 0.3, 0.04, 0, 0.85, -0.05, { colour: DARK, rx: -0.25 })
    b.box(0.42, 0.24, 0.01, 0, 0.85, -0.025, { colour: SCREEN, rx: -0.25 })
    b.box(0.5, 0.04, 0.2, 0, 0.62, 0.28, c(STEEL))
    for (const x of [-0.2, 0.2]) for (const z of [-0.2, 0.2]) b.cylinder(0.04, 0.04, 0.08, 6, x, 0.04, z, c(RUBBER))
  },
  'lab-instrument': (b, v) => {
    // benchtop analyser, bioreactor vessel, sequencer with a lid
    if (v === 1) {
      b.cylinder(0.22, 0.22, 0.6, 12, -0.12, 0.34, 0, { colour: GLASS })
      b.cylinder(0.24, 0.24, 0.06, 12, -0.12, 0.67, 0, main)
      b.box(0.3, 0.7, 0.4, 0.3, 0.35, 0, main)
      b.box(0.2, 0.14, 0.01, 0.3, 0.5, 0.205, c(SCREEN))
      b.box(0.5, 0.04, 0.5, -0.12, 0.02, 0, c(DARK))
      return
    }
    b.box(0.9, 0.45, 0.55, 0, 0.225, 0, main)
    b.box(0.3, 0.18, 0.01, -0.22, 0.28, 0.28, c(SCREEN))
    if (v === 2) {
      b.box(0.88, 0.1, 0.5, 0, 0.5, -0.02, { colour: DARK, rx: -0.15 })
      b.box(0.2, 0.06, 0.01, 0.25, 0.2, 0.28, c('#4cd07d'))
    }
    else {
      b.box(0.3, 0.2, 0.3, 0.22, 0.55, 0, c(GLASS))
      for (let i = 0; i < 4; i++) b.cylinder(0.02, 0.02, 0.14, 5, 0.12 + i * 0.07, 0.52, 0.02, c('#d94848'))
    }
  },
  'packaged-food': (b, v) => {
    // gift box with a lid, stacked boxes, bag
    if (v === 2) {
      b.box(0.44, 0.62, 0.22, 0, 0.31, 0, main)
      b.box(0.44, 0.06, 0.2, 0, 0.65, 0, main)
      b.box(0.3, 0.2, 0.01, 0, 0.32, 0.115, c(LIGHT))
      b.box(0.46, 0.03, 0.22, 0, 0.6, 0, c(GOLD))
      return
    }
    if (v === 1) {
      b.box(0.6, 0.3, 0.4, 0, 0.15, 0, main)
      b.box(0.5, 0.26, 0.34, 0.02, 0.43, 0, main)
      b.box(0.4, 0.22, 0.3, -0.02, 0.67, 0, main)
      b.box(0.3, 0.1, 0.01, 0, 0.15, 0.205, c(LIGHT))
      return
    }
    b.box(0.7, 0.3, 0.5, 0, 0.15, 0, main)
    b.box(0.72, 0.08, 0.52, 0, 0.32, 0, main)
    b.box(0.08, 0.085, 0.53, 0, 0.32, 0, c(GOLD))
    b.box(0.73, 0.085, 0.08, 0, 0.32, 0, c(GOLD))
    b.box(0.34, 0.18, 0.01, 0, 0.15, 0.255, c(LIGHT))
  },
  bottle: (b, v) => {
    // three bottles (wine), jar and tube (cosmetics), gas cylinder
    if (v === 2) {
      b.cylinder(0.18, 0.18, 0.9, 10, 0, 0.45, 0, main)
      b.sphere(0.18, 10, 4, 0, 0.9, 0, main)
      b.cylinder(0.05, 0.05, 0.14, 6, 0, 1.12, 0, c(STEEL))
      b.cylinder(0.19, 0.19, 0.05, 10, 0, 0.6, 0, c(LIGHT))
      return
    }
    if (v === 1) {
      b.cylinder(0.16, 0.16, 0.26, 10, -0.15, 0.13, 0, main)
      b.cylinder(0.17, 0.17, 0.08, 10, -0.15, 0.3, 0, c(LIGHT))
      b.cylinder(0.07, 0.08, 0.5, 8, 0.18, 0.25, 0.05, main)
      b.cylinder(0.05, 0.05, 0.1, 6, 0.18, 0.55, 0.05, c(DARK))
      return
    }
    for (const [x, z] of [
      [-0.16, 0],
      [0.16, 0.04],
      [0, -0.14],
    ]) {
      b.cylinder(0.1, 0.1, 0.5, 6, x, 0.25, z, main)
      b.cylinder(0.035, 0.1, 0.14, 6, x, 0.57, z, main)
      b.cylinder(0.035, 0.035, 0.12, 5, x, 0.7, z, c(DARK))
      b.box(0.12, 0.16, 0.02, x, 0.24, z + 0.09, c('#f2ecd8'))
    }
  },
  'fresh-produce': (b, v) => {
    // crate of fruit, basket of vegetables, fish on ice tray
    if (v === 2) {
      b.box(0.8, 0.1, 0.5, 0, 0.05, 0, c(LIGHT))
      for (const z of [-0.12, 0.12]) {
        b.sphere(0.1, 6, 4, 0, 0.14, z, main)
        b.box(0.5, 0.08, 0.14, 0, 0.14, z, main)
        b.cylinder(0.01, 0.09, 0.12, 4, 0.3, 0.14, z, { main: true, rz: PI / 2 })
      }
      return
    }
    const crate = v === 1 ? WOOD : '#c49a6c'
    b.box(0.8, 0.24, 0.56, 0, 0.12, 0, c(crate))
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) b.sphere(0.12, 5, 4, -0.25 + i * 0.25, 0.3, -0.12 + j * 0.24, main)
    if (v === 1) for (let i = 0; i < 3; i++) b.cylinder(0.01, 0.04, 0.14, 4, -0.25 + i * 0.25, 0.45, 0, c(LEAF))
  },
  'textile-roll': (b, v) => {
    // roll on a stand with a draped length, stacked rolls, film coil on a core
    if (v === 1) {
      for (const [x, y] of [
        [-0.22, 0.16],
        [0.22, 0.16],
        [0, 0.46],
      ])
        b.cylinder(0.16, 0.16, 0.9, 10, x, y, 0, { main: true, rx: PI / 2 })
      return
    }
    if (v === 2) {
      b.cylinder(0.38, 0.38, 0.3, 14, 0, 0.4, 0, { main: true, rx: PI / 2 })
      b.cylinder(0.1, 0.1, 0.32, 8, 0, 0.4, 0, { colour: LIGHT, rx: PI / 2 })
      b.box(0.5, 0.04, 0.4, 0, 0.02, 0, c(DARK))
      return
    }
    b.cylinder(0.14, 0.14, 0.9, 10, 0, 0.72, 0, { main: true, rz: PI / 2 })
    b.box(0.86, 0.6, 0.01, 0, 0.38, 0.13, { main: true, rx: -0.12 })
    b.box(0.04, 0.8, 0.04, -0.48, 0.4, 0, c(STEEL))
    b.box(0.04, 0.8, 0.04, 0.48, 0.4, 0, c(STEEL))
  },
  'material-sample': (b, v) => {
    // stacked ingots, sample blocks on a tray, coil of sheet
    if (v === 2) {
      b.cylinder(0.36, 0.36, 0.5, 14, 0, 0.36, 0, { main: true, rx: PI / 2 })
      b.cylinder(0.14, 0.14, 0.52, 8, 0, 0.36, 0, { colour: DARK, rx: PI / 2 })
      b.box(0.6, 0.1, 0.4, 0, 0.05, 0, c(WOOD))
      return
    }
    if (v === 1) {
      b.box(0.8, 0.04, 0.5, 0, 0.02, 0, c(DARK))
      b.box(0.2, 0.2, 0.2, -0.25, 0.14, 0, main)
      b.sphere(0.11, 8, 5, 0, 0.15, 0, main)
      b.cylinder(0.1, 0.1, 0.24, 8, 0.25, 0.16, 0, main)
      return
    }
    for (let layer = 0; layer < 3; layer++)
      for (let i = 0; i < 3 - layer; i++) b.box(0.7, 0.14, 0.2, 0, 0.07 + layer * 0.14, (i - (2 - layer) / 2) * 0.22, { main: true, ry: layer % 2 ? 0.04 : 0 })
  },
}
