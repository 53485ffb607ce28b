/**
 * The hall draws on demand (`frameloop="demand"`): a frame whenever the store changes, input wakes it, or the canvas
 * changes size. Motion inside the frame loop (flights, walking, the cube's turn) asks for its own next frame.
 */
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { noteActivity, onWake } from '../controls/wake'
import { useExpoStore } from '../state/store'

export function RenderOnDemand() {
  const invalidate = useThree((s) => s.invalidate)
  const size = useThree((s) => s.size)
  const dpr = useThree((s) => s.viewport.dpr)

  useEffect(() => {
    // The hall appearing counts as activity: the lobby cube turns for a while before it rests.
    noteActivity()
    const offWake = onWake(() => invalidate())
    // Store changes are rare (clicks, hovers, bookings, zone changes) and most show in the hall: one frame each.
    const offStore = useExpoStore.subscribe(() => invalidate())
    return () => {
      offWake()
      offStore()
    }
  }, [invalidate])

  // Resizing the canvas clears it.
  useEffect(() => invalidate(), [size, dpr, invalidate])

  return null
}
