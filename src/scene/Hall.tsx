/** The app's one <Canvas>: daylight, the camera rig and the hall built from the store's plan and pack (lazy-loaded chunk). */
import { Canvas } from '@react-three/fiber'
import { CameraRig } from './CameraRig'
import { DebugBridge } from './DebugBridge'
import { PALETTE } from './dimensions'
import { HallContent } from './HallContent'
import { StatsCollector } from './StatsCollector'
import { useExpoStore } from '../state/store'

function Daylight() {
  return (
    <>
      <color attach="background" args={[PALETTE.sky]} />
      {/* Tuned so a white floor lit from above stays just under full white: colours keep their saturation. */}
      <hemisphereLight args={['#ffffff', '#e6eaee', 1.6]} />
      <directionalLight position={[-60, 120, 40]} intensity={1.2} />
      <ambientLight intensity={0.3} />
    </>
  )
}

export default function Hall({ empty = false }: { empty?: boolean }) {
  const plan = useExpoStore((s) => s.plan)
  const pack = useExpoStore((s) => s.pack)
  const reach = plan ? Math.max(plan.hall.width, plan.hall.depth) : 200
  const showHall = !empty && plan !== null && pack !== null
  return (
    <Canvas
      style={{ position: 'absolute', inset: 0 }}
      dpr={[1, 2]}
      flat
      gl={{ antialias: true, powerPreference: 'high-performance', stencil: true }}
      camera={{ fov: 55, near: 0.3, far: 2000, position: [0, 40, 60] }}
      aria-label="3D exhibition hall"
    >
      <Daylight />
      <fog attach="fog" args={[PALETTE.fog, reach * 1.2, reach * 4]} />
      <StatsCollector ready={empty || showHall} />
      <DebugBridge />
      {showHall && (
        <>
          <CameraRig plan={plan} />
          <HallContent plan={plan} pack={pack} />
        </>
      )}
    </Canvas>
  )
}
