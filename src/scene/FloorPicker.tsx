/** An invisible plane over the hall floor: in walk mode a click on it walks the visitor there. */
import type { ThreeEvent } from '@react-three/fiber'
import { useMemo } from 'react'
import * as THREE from 'three'
import type { FloorPlan } from '../plan/types'
import { useExpoStore } from '../state/store'
import { draggedBeforeClick } from './Booths'
import { planPoint } from './coords'

export function FloorPicker({ plan }: { plan: FloorPlan }) {
  const { hall } = plan
  const material = useMemo(() => new THREE.MeshBasicMaterial({ visible: false }), [])
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (draggedBeforeClick(e)) return
    const { mode, actions } = useExpoStore.getState()
    if (mode !== 'walk') return
    e.stopPropagation()
    actions.goToPoint(planPoint(e.point.x, e.point.z))
  }
  return (
    <mesh
      name="floor-picker"
      position={[hall.x + hall.width / 2, 0.05, -(hall.z + hall.depth / 2)]}
      rotation={[-Math.PI / 2, 0, 0]}
      material={material}
      onClick={onClick}
    >
      <planeGeometry args={[hall.width, hall.depth]} />
    </mesh>
  )
}
