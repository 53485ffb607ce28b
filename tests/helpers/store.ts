/** Puts the store in the state a visitor sees after start-up: the real pack, its floor plan and a booking backend. */
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { startBookingBackend } from '../../src/state/bookings/startBackend'
import { useExpoStore } from '../../src/state/store'
import { loadRealPack } from './realPack'

export const realPack = loadRealPack()
export const realPlan = computeFloorPlan({ zones: realPack.zones, exhibitors: realPack.exhibitors })
const initial = useExpoStore.getState()

export function startWithRealPack(language: 'zh-CN' | 'en' | 'ko' = 'en') {
  localStorage.clear()
  useExpoStore.setState(initial, true)
  startBookingBackend(realPack, realPlan, { kind: 'local', synthetic: false, language: () => 'en', onStorageProblem: () => undefined })
  useExpoStore.getState().actions.setContent(realPack, realPlan, null)
  useExpoStore.getState().actions.setLanguage(language)
}
