/** Plain data of a floor plan: metres on the hall floor, x to the right of the entrance, z into the hall. */
import type { BoothSize, ZoneId } from '../content/schema'

export interface Point {
  x: number
  z: number
}

/** Axis-aligned rectangle: its minimum corner and its extent. */
export interface Rect {
  x: number
  z: number
  width: number
  depth: number
}

/** Which side of the booth faces its aisle (the open front with the counter). North is +z (into the hall), east is +x. */
export type Facing = 'north' | 'south' | 'east' | 'west'

export interface BoothPlacement {
  exhibitorId: string
  zoneId: ZoneId
  size: BoothSize
  rect: Rect
  facing: Facing
  /** A walkable point in the aisle, one step in front of the booth. */
  front: Point
  /** Index in FloorPlan.booths: stable for instanced meshes. */
  index: number
}

export interface ZoneArea {
  zoneId: ZoneId
  rect: Rect
  /** Where the hanging sign of the zone is centred. */
  sign: Point
  /** Where a visitor arriving in the zone stands, and what they look at. */
  arrival: Point
  lookAt: Point
}

/** A sub-pavilion inside a zone (a YRD province, the Hongqiao Pinhui corner): its booths form one contiguous run. */
export interface SectionArea {
  zoneId: ZoneId
  section: string
  rect: Rect
}

export interface NegotiationTable {
  id: string
  centre: Point
  /** Seats round the table, for drawing chairs. */
  seats: number
}

/** Walkability grid: cell (col,row) covers x in [originX + col*cellSize, +cellSize), same for z. */
export interface WalkGrid {
  cellSize: number
  cols: number
  rows: number
  originX: number
  originZ: number
  /** 1 where a person cannot stand (booth, wall, column, table), 0 where they can. Row-major: row * cols + col. */
  blocked: Uint8Array
}

export interface FloorPlan {
  /** The whole hall floor. */
  hall: Rect
  /** Where visitors come in (centre of the front wall) and which way they look first. */
  entrance: Point
  /** Width of the doorway in the front wall, centred on the entrance. */
  entranceWidth: number
  /** The main boulevard from the lobby to the back of the hall. */
  boulevard: Rect
  /** Cross aisles between blocks of zones. */
  crossAisles: Rect[]
  zones: ZoneArea[]
  booths: BoothPlacement[]
  sections: SectionArea[]
  tables: NegotiationTable[]
  tableDiameter: number
  /** Roof columns, drawn in 3D and blocking the way. */
  columns: Point[]
  /** Column cross-section (square), metres. */
  columnSize: number
  /** Lobby features: where the magic cube and the results wall stand. */
  magicCube: Point
  magicCubeSize: number
  resultsWall: Rect
  walkGrid: WalkGrid
}
