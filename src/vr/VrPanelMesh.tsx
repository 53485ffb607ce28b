/**
 * One in-world panel: its layout drawn onto a canvas texture on a plane, buttons answering a controller ray or a
 * pinch (both arrive as ordinary pointer events through @react-three/xr), and its buttons' places published for the
 * debug API so browser tests can aim an emulated controller at them.
 */
import type { ThreeEvent } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { createCanvas2D, textureOf } from '../scene/canvasText'
import { sceneRegistry } from '../scene/sceneRegistry'
import { buttonAt, drawPanel, layoutPanel, PANEL, panelWorldHeight, type PanelSpec } from './vrPanel'

interface Props {
  /** Its name in the debug API (`booth`, `menu`, `menuButton`). */
  name: string
  spec: PanelSpec
  accent: string
  position: THREE.Vector3
  /** The point the panel faces (the visitor's head, level with the panel). */
  facing: THREE.Vector3
  /** Metres across; the height follows the layout. */
  worldWidth?: number
  onButton(id: string): void
}

const _centre = new THREE.Vector3()

export function VrPanelMesh({ name, spec, accent, position, facing, worldWidth = PANEL.worldWidth, onButton }: Props) {
  const mesh = useRef<THREE.Mesh>(null)
  const layout = useMemo(() => layoutPanel(spec), [spec])
  const [hovered, setHovered] = useState<string | null>(null)
  // one canvas and texture per panel size; a taller layout makes a new pair
  const surface = useMemo(() => createCanvas2D(layout.width, layout.height), [layout.width, layout.height])
  const texture = useMemo(() => textureOf(surface, 8), [surface])
  useEffect(() => () => texture.dispose(), [texture])

  useEffect(() => {
    if (!surface) return
    drawPanel(surface.ctx, layout, accent, hovered)
    texture.needsUpdate = true
  }, [surface, texture, layout, accent, hovered])

  useEffect(() => {
    mesh.current?.lookAt(facing.x, position.y, facing.z)
  }, [position, facing])

  const scale = worldWidth / PANEL.worldWidth
  useEffect(() => {
    sceneRegistry.vrPanels.set(name, () => {
      const m = mesh.current
      m?.updateWorldMatrix(true, false)
      return {
        title: spec.title,
        lines: spec.lines ?? [],
        buttons: layout.buttons.map((b) => {
          // the button's centre on the plane, from canvas pixels to the plane's local metres
          const x = ((b.x + b.width / 2) / layout.width - 0.5) * PANEL.worldWidth
          const y = (0.5 - (b.y + b.height / 2) / layout.height) * panelWorldHeight(layout)
          const world = m ? m.localToWorld(_centre.set(x, y, 0)) : _centre.set(0, 0, 0)
          return { id: b.id, label: b.label, pressed: b.pressed === true, world: [world.x, world.y, world.z] as [number, number, number] }
        }),
      }
    })
    return () => void sceneRegistry.vrPanels.delete(name)
  }, [name, spec, layout])

  const buttonOf = (event: ThreeEvent<PointerEvent | MouseEvent>) => (event.uv ? buttonAt(layout, event.uv.x, event.uv.y) : null)
  return (
    <mesh
      ref={mesh}
      position={position}
      scale={scale}
      renderOrder={10}
      onClick={(event) => {
        event.stopPropagation()
        const button = buttonOf(event)
        if (button) onButton(button.id)
      }}
      onPointerMove={(event) => setHovered(buttonOf(event)?.id ?? null)}
      onPointerLeave={() => setHovered(null)}
    >
      <planeGeometry args={[PANEL.worldWidth, panelWorldHeight(layout)]} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  )
}
