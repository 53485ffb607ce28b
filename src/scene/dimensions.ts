/** Fixed sizes of the hall's architecture and stands, in metres: one place to tune the proportions of the scene. */
export const HALL = {
  wallHeight: 12,
  roofHeight: 12,
  trussBottom: 10.2,
  trussTop: 11.6,
  /** Where truss rows fall when the plan has no columns. */
  trussSpacing: 15,
  entranceHeight: 6,
  zoneSignHeight: 8.6,
  sectionSignHeight: 7.0,
} as const

export const EYE_HEIGHT = 1.6

export const BOOTH = {
  platformHeight: 0.1,
  wallHeight: 2.5,
  wallThickness: 0.08,
  fasciaHeight: 0.6,
  fasciaDepth: 0.08,
  counterHeight: 1.0,
  counterDepth: 0.5,
  islandTotemHeight: 3.2,
  islandTotemWidth: 1.0,
} as const

/** The visitor's marks at a negotiation table: a ring on the floor outside the chairs, a label floating above. */
export const TABLE_MARK = {
  /** Height of the tabletop's upper face. */
  topHeight: 0.77,
  ringInner: 1.5,
  ringOuter: 1.78,
  /** Just above the zone carpets and section tints (0.02–0.03). */
  ringHeight: 0.045,
  labelWidth: 2.1,
  labelHeight: 0.7,
  /** Centre of the label: above a standing visitor's eye, low enough to frame with the table. */
  labelCentre: 2.35,
} as const

/** The visitor's route on the floor and its numbered stop pins. */
export const ROUTE_MARK = {
  /** Ribbon width, and its height above the floor: over the carpets (0.02–0.03) and table halos (0.045). */
  ribbonWidth: 0.8,
  ribbonHeight: 0.06,
  /** Metres of ribbon one arrow tile covers. */
  tileLength: 1.6,
  /** The round spot under each stop. */
  spotRadius: 0.7,
  /** Pins stand on a tip just over a stand's fascia and grow with distance, so a number still reads from the overview. */
  pinTip: 3.3,
  pinMinSize: 1.3,
  pinMaxSize: 5.5,
  pinSizePerMetre: 0.05,
} as const

/** Label atlas slots are 4:1, so a fascia label is at most four times as wide as it is tall. */
export const LABEL_ASPECT = 4

export const PALETTE = {
  sky: '#dcebf7',
  fog: '#e8f1f8',
  outsideGround: '#d3dccd',
  hallFloor: '#f1f2f4',
  boulevard: '#e3e7ec',
  aisle: '#e7eaee',
  wall: '#f7f8fa',
  column: '#fbfbfc',
  truss: '#e9edf1',
  roof: '#eef2f6',
  skylight: '#f6fbff',
  platform: '#f3f4f6',
  sideWall: '#fbfbfc',
  fascia: '#ffffff',
  screen: '#1d2633',
  plinth: '#f5f6f8',
  hover: '#ffb020',
  open: '#0b5cad',
  tableTop: '#fafafa',
  tableLeg: '#c9ced6',
  neutralZone: '#9aa5b1',
  /** The visitor's route: the one accent colour; the stop the guided tour heads for; stops already seen. */
  route: '#0b5cad',
  routeCurrent: '#ffb020',
  routeVisited: '#8b9bb0',
  /** The visitor's own tables: warm, so it reads against every zone carpet and the blue selection. */
  myTable: '#e8590c',
} as const
