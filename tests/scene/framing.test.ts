/**
 * Opening a booth frames the whole stand with nothing in between: for every booth of the sample hall and of a
 * 1,000-booth synthetic hall, the real scene objects are built in node (the merged architecture with its sign boards
 * and pavilions, every stand's part meshes) and THREE.Raycaster rays go from the chosen camera to the corners of the
 * booth's box and its fascia's top corners; none may hit anything but that booth's own parts on the way.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as THREE from 'three'
import { acceleratedRaycast, MeshBVH } from 'three-mesh-bvh'
import type { ContentPack } from '../../src/content/schema'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import type { BoothPlacement, FloorPlan } from '../../src/plan/types'
import { createPartMeshes } from '../../src/scene/Booths'
import { computeBoothLayout, isPerBoothPart, type BoothLayout } from '../../src/scene/boothLayout'
import { boothOverview, boothWalkPose, tourStopPose, walkView, type View } from '../../src/scene/cameraViews'
import { CAMERA_FOV, DESKTOP_FRAME, PHONE_FRAME, type ScreenFrame } from '../../src/scene/framing'
import { buildArchitecture } from '../../src/scene/hallArchitecture'
import { computeSigns } from '../../src/scene/signLayout'
import { loadRealPack } from '../helpers/realPack'

/** The hall as the renderer has it, with a coarse floor index so each ray tests only the objects near it. */
interface HallScene {
  objects: THREE.Mesh[]
  /** Per object, the booth it belongs to (-1: architecture). */
  owner: number[]
  boxes: THREE.Box3[]
  cells: Map<string, number[]>
  layout: BoothLayout
}

const CELL = 4

function buildScene(plan: FloorPlan, pack: ContentPack): HallScene {
  const objects: THREE.Mesh[] = []
  const owner: number[] = []
  const { placements } = computeSigns(plan, pack)
  const architecture = buildArchitecture(plan, pack, placements)
  // The merged architecture is one big mesh: a BVH makes a ray against it cheap. Same material side as HallShell.
  ;(architecture as THREE.BufferGeometry & { boundsTree?: MeshBVH }).boundsTree = new MeshBVH(architecture)
  const hall = new THREE.Mesh(architecture, new THREE.MeshLambertMaterial({ vertexColors: true }))
  hall.raycast = acceleratedRaycast
  objects.push(hall)
  owner.push(-1)
  const layout = computeBoothLayout(plan, new Map(pack.zones.map((z) => [z.id, z.colour])))
  const ownerAt = (x: number, worldZ: number) => {
    const z = -worldZ
    return plan.booths.find((b) => x > b.rect.x && x < b.rect.x + b.rect.width && z > b.rect.z && z < b.rect.z + b.rect.depth)?.index ?? -2
  }
  // Each instance becomes a plain mesh with the instance's matrix: the same geometry and material, where it stands.
  for (const part of createPartMeshes(layout)) {
    const matrix = new THREE.Matrix4()
    for (let i = 0; i < part.count; i++) {
      part.getMatrixAt(i, matrix)
      const mesh = new THREE.Mesh(part.geometry, part.material)
      mesh.matrixAutoUpdate = false
      mesh.matrix.copy(matrix)
      mesh.matrixWorld.copy(matrix)
      const at = new THREE.Vector3().setFromMatrixPosition(matrix)
      objects.push(mesh)
      owner.push(isPerBoothPart(part.userData.boothPart) ? i : ownerAt(at.x, at.z))
    }
  }
  const boxes = objects.map((o) => {
    if (!o.geometry.boundingBox) o.geometry.computeBoundingBox()
    return o.geometry.boundingBox!.clone().applyMatrix4(o.matrixWorld)
  })
  const cells = new Map<string, number[]>()
  boxes.forEach((box, i) => {
    if (i === 0) return
    for (let cx = Math.floor(box.min.x / CELL); cx <= Math.floor(box.max.x / CELL); cx++) {
      for (let cz = Math.floor(box.min.z / CELL); cz <= Math.floor(box.max.z / CELL); cz++) {
        const key = `${cx},${cz}`
        const list = cells.get(key)
        if (list) list.push(i)
        else cells.set(key, [i])
      }
    }
  })
  return { objects, owner, boxes, cells, layout }
}

const raycaster = new THREE.Raycaster()
const _dir = new THREE.Vector3()
const _ray = new THREE.Ray()
const _hit = new THREE.Vector3()

/** The objects other than the booth's own that a ray from `from` to `to` meets before reaching `to`. */
function blockers(scene: HallScene, from: THREE.Vector3, to: THREE.Vector3, booth: number): number[] {
  const length = from.distanceTo(to)
  _dir.subVectors(to, from).normalize()
  _ray.set(from, _dir)
  const candidates = new Set<number>([0])
  const steps = Math.ceil((length / CELL) * 2) + 1
  for (let k = 0; k <= steps; k++) {
    const x = from.x + (to.x - from.x) * (k / steps)
    const z = from.z + (to.z - from.z) * (k / steps)
    for (let dx = -1; dx <= 1; dx++) {
      for (let dz = -1; dz <= 1; dz++) for (const i of scene.cells.get(`${Math.floor(x / CELL) + dx},${Math.floor(z / CELL) + dz}`) ?? []) candidates.add(i)
    }
  }
  raycaster.set(from, _dir)
  raycaster.near = 0
  raycaster.far = length - 1e-3
  const hits: number[] = []
  for (const i of candidates) {
    if (scene.owner[i] === booth) continue
    if (i !== 0 && !_ray.intersectBox(scene.boxes[i], _hit)) continue
    if (i !== 0 && _hit.distanceTo(from) > length) continue
    const found = raycaster.intersectObject(scene.objects[i], false)
    if (found.length > 0) hits.push(i)
  }
  return hits
}

/** The corners of a booth's hit box and its fascia's top corners, in world space. */
function targetPoints(layout: BoothLayout, booth: BoothPlacement): THREE.Vector3[] {
  const points: THREE.Vector3[] = []
  const hit = new THREE.Matrix4().fromArray(layout.hitMatrices, booth.index * 16)
  for (const x of [-0.5, 0.5]) for (const y of [-0.5, 0.5]) for (const z of [-0.5, 0.5]) points.push(new THREE.Vector3(x, y, z).applyMatrix4(hit))
  const fascia = new THREE.Matrix4().fromArray(layout.parts.fascia.matrices, booth.index * 16)
  for (const x of [-0.5, 0.5]) for (const z of [-0.5, 0.5]) points.push(new THREE.Vector3(x, 0.5, z).applyMatrix4(fascia))
  return points
}

/** A camera on a screen of this frame, placed at a view. */
function cameraAt(view: View, frame: ScreenFrame) {
  const camera = new THREE.PerspectiveCamera(CAMERA_FOV, frame.aspect, 0.3, 2000)
  camera.position.copy(view.position)
  camera.lookAt(view.target)
  camera.updateMatrixWorld()
  return camera
}

/** How many points fall outside the free part of the screen (or behind the camera). */
function outsideFrame(camera: THREE.PerspectiveCamera, frame: ScreenFrame, points: THREE.Vector3[]) {
  const tolerance = 1e-3
  return points.filter((p) => {
    const local = p.clone().applyMatrix4(camera.matrixWorldInverse)
    if (local.z > -camera.near) return true
    const ndc = p.clone().project(camera)
    const x = (ndc.x + 1) / 2
    const y = (1 - ndc.y) / 2
    return x < frame.left - tolerance || x > frame.right + tolerance || y < frame.top - tolerance || y > frame.bottom + tolerance
  }).length
}

interface Tally {
  blocked: string[]
  unframed: string[]
}

function checkPoses(plan: FloorPlan, scene: HallScene, viewOf: (b: BoothPlacement) => View, frame: ScreenFrame): Tally {
  const tally: Tally = { blocked: [], unframed: [] }
  for (const booth of plan.booths) {
    const view = viewOf(booth)
    const points = targetPoints(scene.layout, booth)
    const blocked = points.filter((p) => blockers(scene, view.position, p, booth.index).length > 0).length
    if (blocked > 0) tally.blocked.push(`${booth.exhibitorId} (${blocked} of ${points.length})`)
    if (outsideFrame(cameraAt(view, frame), frame, points) > 0) tally.unframed.push(booth.exhibitorId)
  }
  return tally
}

const pack = loadRealPack()
const halls: { name: string; plan: FloorPlan; phoneBlockedAtMost: number; walkFramedAtLeast: number }[] = [
  { name: 'the sample hall', plan: computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors }), phoneBlockedAtMost: 0, walkFramedAtLeast: 154 },
  {
    name: 'a 1,000-booth synthetic hall',
    plan: computeFloorPlan({ zones: pack.zones, exhibitors: generateSyntheticExhibitors(1000, pack.zones) }),
    phoneBlockedAtMost: 2,
    walkFramedAtLeast: 553,
  },
]

describe.each(halls)('opening a booth in $name', { timeout: 120_000 }, (hall) => {
  let scene: HallScene
  beforeAll(() => {
    scene = buildScene(hall.plan, pack)
  }, 120_000)

  it('the overview frames every stand inside the free part of a desktop screen, nothing in between', () => {
    const tally = checkPoses(hall.plan, scene, (b) => boothOverview(hall.plan, b, DESKTOP_FRAME), DESKTOP_FRAME)
    expect(tally.blocked).toEqual([])
    expect(tally.unframed).toEqual([])
  })

  it('the overview frames every stand above the bottom sheet of a phone, nothing in between but for two of 1,000', () => {
    const tally = checkPoses(hall.plan, scene, (b) => boothOverview(hall.plan, b, PHONE_FRAME), PHONE_FRAME)
    expect(tally.unframed).toEqual([])
    // The strip above a phone's sheet is narrow, so the camera stands far off and looks across trusses and hanging
    // signs. In the synthetic hall two stands keep a corner hidden: one stands right behind the Korea gate's roof, one
    // shares its corner with a neighbour on every side the search can see it from. Their number may only go down.
    console.info(`${hall.name}: phone overviews with a corner hidden: ${tally.blocked.length} of ${hall.plan.booths.length}`)
    expect(tally.blocked.length).toBeLessThanOrEqual(hall.phoneBlockedAtMost)
  })

  it('walking to a stand (and the tour stopping there) sees all of it with nothing in between', () => {
    const tally = checkPoses(hall.plan, scene, (b) => walkView(boothWalkPose(hall.plan, b, DESKTOP_FRAME)), DESKTOP_FRAME)
    expect(tally.blocked).toEqual([])
    for (const b of hall.plan.booths) expect(tourStopPose(hall.plan, { kind: 'booth', exhibitorId: b.exhibitorId })).toEqual(boothWalkPose(hall.plan, b))
    // A 3 m aisle cannot hold a whole wide stand at eye height: how many are framed entire is counted, and may only grow.
    const framed = hall.plan.booths.length - tally.unframed.length
    console.info(`${hall.name}: walk poses framing the whole stand on a desktop: ${framed} of ${hall.plan.booths.length}`)
    expect(framed).toBeGreaterThanOrEqual(hall.walkFramedAtLeast)
  })
})
