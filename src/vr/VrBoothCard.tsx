/**
 * The open booth as a card in the world, between the visitor and the stand: the same actions as the page's panel
 * (book a negotiation, add to the route, favourite, close). Booking runs in the card: a time from the exhibitor's
 * free times, a topic, then the answer with its code. Typing is hard in a headset, so the card books with the
 * details the visitor saved on the page, and sends a first-time visitor out of VR to the page's form once.
 */
import { useEffect, useMemo, useState } from 'react'
import * as THREE from 'three'
import { bookableWindow } from '../booking/slots'
import type { Booking, Slot } from '../booking/types'
import type { MessageKey } from '../i18n/messages'
import { localized, translate } from '../i18n/translate'
import type { FloorPlan, Rect } from '../plan/types'
import { bookingBackend } from '../state/bookings/bookingService'
import { activeRoute } from '../state/routeSlice'
import { useExpoStore } from '../state/store'
import { walkPose } from '../state/transient'
import { describeRefusal, describeSlotTimes } from '../ui/bookingFormat'
import { rectCentre, worldZ } from '../scene/coords'
import { EYE_HEIGHT } from '../scene/dimensions'
import type { PanelButton, PanelSpec } from './vrPanel'
import { VrPanelMesh } from './VrPanelMesh'

/** Free times shown at once; "Later times" pages on. */
const TIMES_PER_PAGE = 4
/** How far in front of the visitor the card stands, towards the booth: at most, at least, and short of its face. */
const CARD_DISTANCE = 1.4
const CARD_NEAREST = 0.6
const CARD_SHORT_OF_STAND = 0.3
const CARD_HEIGHT = 1.3
const TOPICS = ['vr.topic.sourcing', 'vr.topic.partnership', 'vr.topic.investment'] as const satisfies readonly MessageKey[]

/** The description's first sentence, cut to what one line of the card holds legibly. */
function shortened(text: string, max = 48) {
  const sentence = text.split(/(?<=[。！？.!?])\s*/)[0] ?? text
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence
}

/** Distance from a point to the nearest point of a rectangle (0 inside). */
function distanceToRect(p: { x: number; z: number }, r: Rect) {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width))
  const dz = Math.max(r.z - p.z, 0, p.z - (r.z + r.depth))
  return Math.hypot(dx, dz)
}

type Step =
  | { kind: 'card' }
  | { kind: 'times'; page: number }
  | { kind: 'topic'; slot: Slot }
  | { kind: 'working' }
  | { kind: 'done'; booking: Booking }
  | { kind: 'refused'; message: string }

export function VrBoothCard({ plan, onExitToPage }: { plan: FloorPlan; onExitToPage(): void }) {
  const openBoothId = useExpoStore((s) => s.openBoothId)
  // a new booth starts at its card
  return openBoothId ? <Card key={openBoothId} plan={plan} exhibitorId={openBoothId} onExitToPage={onExitToPage} /> : null
}

function Card({ plan, exhibitorId, onExitToPage }: { plan: FloorPlan; exhibitorId: string; onExitToPage(): void }) {
  const language = useExpoStore((s) => s.language)
  const pack = useExpoStore((s) => s.pack)!
  const actions = useExpoStore((s) => s.actions)
  const favourite = useExpoStore((s) => s.favourites.includes(exhibitorId))
  const inRoute = useExpoStore((s) => Boolean(activeRoute(s)?.stops.some((stop) => stop.kind === 'booth' && stop.exhibitorId === exhibitorId)))
  const profile = useExpoStore((s) => s.profile)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const [step, setStep] = useState<Step>({ kind: 'card' })
  const [slots, setSlots] = useState<Slot[] | null>(null)
  const [slotsError, setSlotsError] = useState<string | null>(null)
  const exhibitor = pack.exhibitors.find((e) => e.id === exhibitorId)
  const zone = pack.zones.find((z) => z.id === exhibitor?.zone)
  const booth = plan.booths.find((b) => b.exhibitorId === exhibitorId)
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params)

  // Placed once per booth, where the visitor stands when it opens (a card that followed the head would swim): towards
  // the stand and short of its nearest face, so nothing of the stand stands between the ray and the card.
  const [placement] = useState(() => {
    const head = new THREE.Vector3(walkPose.x, EYE_HEIGHT, worldZ(walkPose))
    const target = booth ? rectCentre(booth.rect) : walkPose
    const toward = new THREE.Vector3(target.x - walkPose.x, 0, worldZ(target) - worldZ(walkPose))
    if (toward.lengthSq() < 1e-4) toward.set(Math.sin(walkPose.yaw), 0, -Math.cos(walkPose.yaw))
    const face = booth ? distanceToRect(walkPose, booth.rect) : CARD_DISTANCE
    const distance = THREE.MathUtils.clamp(face - CARD_SHORT_OF_STAND, CARD_NEAREST, CARD_DISTANCE)
    return { position: head.clone().add(toward.normalize().multiplyScalar(distance)).setY(CARD_HEIGHT), facing: head }
  })

  const timesWanted = step.kind === 'times'
  useEffect(() => {
    if (!timesWanted || slots) return
    let current = true
    bookingBackend()
      .freeSlots(exhibitorId, { ...bookableWindow(Date.now()), visitorTimeZone })
      .then((result) => {
        if (!current) return
        if (result.ok) setSlots(result.slots.filter((s) => s.tablesLeft > 0))
        else setSlotsError(describeRefusal(result.refusal, language, pack, visitorTimeZone))
      })
      .catch((error: unknown) => current && setSlotsError(error instanceof Error ? error.message : String(error)))
    return () => {
      current = false
    }
  }, [timesWanted, slots, exhibitorId, visitorTimeZone, language, pack])

  const book = async (slot: Slot, topic: string) => {
    setStep({ kind: 'working' })
    try {
      const result = await actions.book(slot, topic)
      if (result.ok) {
        setStep({ kind: 'done', booking: result.booking })
        actions.notify({ kind: 'info', key: result.booking.status === 'requested' ? 'notice.requestSent' : 'notice.booked', params: { code: result.booking.confirmationCode } })
      } else {
        // the times changed under the visitor (a table taken): read them again
        setSlots(null)
        setStep({ kind: 'refused', message: describeRefusal(result.refusal, language, pack, visitorTimeZone) })
      }
    } catch (error) {
      setStep({ kind: 'refused', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const spec = useMemo((): PanelSpec | null => {
    if (!exhibitor) return null
    const name = localized(exhibitor.name, language)
    const zoneLine = `${zone ? localized(zone.name, language) : ''} · ${t('booth.sample')}`
    const back: PanelButton = { id: 'back', label: t('vr.back') }
    const close: PanelButton = { id: 'close', label: t('booking.close') }
    switch (step.kind) {
      case 'card':
        return {
          title: name,
          lines: [zoneLine, shortened(localized(exhibitor.description, language))],
          rows: [
            [{ id: 'book', label: t('booth.book'), primary: true }],
            [
              { id: 'route', label: t(inRoute ? 'booth.inRoute' : 'booth.addToRoute'), pressed: inRoute },
              { id: 'favourite', label: t(favourite ? 'booth.unfavourite' : 'booth.favourite'), pressed: favourite },
            ],
            [close],
          ],
        }
      case 'times': {
        if (!profile) return { title: name, lines: [t('vr.detailsNeeded')], rows: [[{ id: 'page', label: t('vr.fillInOnPage'), primary: true }], [back]] }
        if (slotsError) return { title: name, lines: [slotsError], rows: [[back]] }
        if (!slots) return { title: name, lines: [t('vr.loadingTimes')], rows: [[back]] }
        if (slots.length === 0) return { title: name, lines: [t('vr.noTimes')], rows: [[back]] }
        const shown = slots.slice(step.page * TIMES_PER_PAGE, (step.page + 1) * TIMES_PER_PAGE)
        const more = (step.page + 1) * TIMES_PER_PAGE < slots.length
        return {
          title: t('vr.pickTime'),
          lines: [name],
          rows: [
            ...shown.map((slot) => [{ id: `slot:${slot.id}`, label: slotLabel(slot) }]),
            more ? [back, { id: 'more', label: t('vr.moreTimes') }] : [back],
          ],
        }
      }
      case 'topic':
        return {
          title: t('vr.pickTopic'),
          lines: [name, slotLabel(step.slot)],
          rows: [...TOPICS.map((key) => [{ id: `topic:${key}`, label: t(key), primary: key === TOPICS[0] }]), [back]],
        }
      case 'working':
        return { title: name, lines: [t('vr.working')], rows: [] }
      case 'done': {
        const requested = step.booking.status === 'requested'
        return {
          title: t(requested ? 'booking.requestSentTitle' : 'booking.confirmedTitle'),
          lines: [name, slotLabel({ ...step.booking, timeZone: step.booking.exhibitorTimeZone }), `${t('booking.confirmedCode')}: ${step.booking.confirmationCode}`],
          rows: [[{ id: 'card', label: t('vr.back') }, close]],
        }
      }
      case 'refused':
        return { title: name, lines: [step.message], rows: [[{ id: 'times', label: t('vr.back') }]] }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t follows language
  }, [exhibitor, zone, language, step, inRoute, favourite, profile, slots, slotsError, visitorTimeZone])

  function slotLabel(slot: Pick<Slot, 'start' | 'end' | 'timeZone'>) {
    const times = describeSlotTimes(slot, visitorTimeZone, language)
    return `${times.visitorDate} ${times.line}`
  }

  const onButton = (id: string) => {
    if (!exhibitor) return
    if (id === 'close') actions.closeBooth()
    else if (id === 'book' || id === 'times') setStep({ kind: 'times', page: 0 })
    else if (id === 'card' || (id === 'back' && (step.kind === 'times' || step.kind === 'refused'))) setStep({ kind: 'card' })
    else if (id === 'back' && step.kind === 'topic') setStep({ kind: 'times', page: 0 })
    else if (id === 'more' && step.kind === 'times') setStep({ kind: 'times', page: step.page + 1 })
    else if (id === 'favourite') actions.toggleFavourite(exhibitor.id)
    else if (id === 'route' && !inRoute) {
      actions.addStop({ kind: 'booth', exhibitorId: exhibitor.id })
      actions.notify({ kind: 'info', key: 'route.added', params: { name: localized(exhibitor.name, language) } })
    } else if (id === 'page') {
      onExitToPage()
      actions.requestBooking(exhibitor.id)
    } else if (id.startsWith('slot:')) {
      const slot = slots?.find((s) => `slot:${s.id}` === id)
      if (slot) setStep({ kind: 'topic', slot })
    } else if (id.startsWith('topic:') && step.kind === 'topic') {
      void book(step.slot, t(id.slice('topic:'.length) as MessageKey))
    }
  }

  if (!spec) return null
  return <VrPanelMesh name="booth" spec={spec} accent={zone?.colour ?? '#2f6fb5'} position={placement.position} facing={placement.facing} onButton={onButton} />
}
