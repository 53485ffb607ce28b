/** Live scene objects the debug API and the camera rig look up outside React (set by the components that own them). */
import type * as THREE from 'three'
import type { ZoneId } from '../content/schema'
import type { BoothLayout } from './boothLayout'

export interface CubeFace {
  zoneId: ZoneId
  /** Outward normal in the cube's local frame. */
  normal: THREE.Vector3
}

export const sceneRegistry: {
  cube: { group: THREE.Group; size: number; faces: CubeFace[] } | null
  booths: { layout: BoothLayout; indexOf: Map<string, number>; hit: THREE.InstancedMesh | null } | null
  /** The negotiation tables marked with the visitor's meetings, as drawn now. */
  tableMarks: { tableIds: readonly string[] } | null
  /** The route drawn on the floor: its pins (centre of each numbered disc, kept by the frame loop) and path size. */
  route: { markers: readonly { number: number; centre: THREE.Vector3 }[]; pathPoints: number } | null
  /** Other visitors drawn in the last frame. */
  avatars: { drawn: number } | null
  /** Live screens: the booths whose title card is drawn, and the videos playing now. */
  screens: { cards(): string[]; videos(): ScreenVideoState[] } | null
  /** The fascia logos: how many wanted near the visitor are not drawn yet (a panorama waits for them). */
  logos: { readonly waiting: number } | null
  /** The headset's in-world panels shown now, by name (`booth`, `menu`…), with each button's centre in the world. */
  vrPanels: Map<string, () => VrPanelState>
} = { cube: null, booths: null, tableMarks: null, route: null, avatars: null, screens: null, logos: null, vrPanels: new Map() }

export interface VrPanelState {
  title: string
  lines: readonly string[]
  buttons: { id: string; label: string; pressed: boolean; world: [number, number, number] }[]
}

export interface ScreenVideoState {
  screen: string
  path: 'native-hls' | 'hls.js' | 'mp4' | null
  /** Its first frame is on the screen (until then the title card shows). */
  drawn: boolean
  paused: boolean
  muted: boolean
  currentTime: number
  /** Video frames the hall was asked to draw. */
  frames: number
}
