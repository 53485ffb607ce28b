/**
 * Who is here, in the overlay: "N here" and "very full" beside a zone, "N online" for the hall, and how this visitor
 * appears to others. Shown only when the live layer runs (the booking server serves the app). Counts are plain text
 * inside the labelled controls, read with them, never announced as they change.
 */
import { useId, useState } from 'react'
import type { ZoneId } from '../content/schema'
import { DISPLAY_NAME_MAX } from '../live/protocol'
import { useTranslate } from '../i18n/translate'
import { cleanDisplayName } from '../state/live/presenceSettings'
import { useExpoActions, useExpoStore } from '../state/store'

/** "12 here" (and "very full") for one zone; nothing when nobody is there or the live layer is not connected. */
export function ZoneLiveCount({ zoneId, className }: { zoneId: ZoneId; className: string }) {
  const t = useTranslate()
  const here = useExpoStore((s) => s.liveCounts?.zones[zoneId] ?? 0)
  const crowded = useExpoStore((s) => s.liveCounts?.crowded.includes(zoneId) ?? false)
  if (!here && !crowded) return null
  return (
    <span className={`${className}${crowded ? ' is-crowded' : ''}`} data-live-count={zoneId}>
      {t('live.here', { count: here })}
      {crowded ? ` · ${t('live.crowded')}` : null}
    </span>
  )
}

/** "N online" across the hall. */
export function OnlineCount({ className }: { className: string }) {
  const t = useTranslate()
  const online = useExpoStore((s) => s.liveCounts?.online)
  if (online === undefined) return null
  return <p className={className}>{t('live.online', { count: online })}</p>
}

/** "Appear invisible" and an optional display name; anonymous by default. */
export function PresenceControl() {
  const t = useTranslate()
  const available = useExpoStore((s) => s.liveAvailable)
  const presence = useExpoStore((s) => s.presence)
  const actions = useExpoActions()
  const [draft, setDraft] = useState(presence.name ?? '')
  const nameId = useId()
  const hintId = useId()
  if (!available) return null
  const commitName = () => {
    const name = cleanDisplayName(draft)
    setDraft(name ?? '')
    if (name !== presence.name) actions.setPresence({ ...presence, name })
  }
  return (
    <fieldset className="presence-control">
      <legend>{t('live.presence')}</legend>
      <label className="presence-invisible">
        <input
          type="checkbox"
          role="switch"
          checked={presence.invisible}
          onChange={(event) => actions.setPresence({ ...presence, invisible: event.currentTarget.checked })}
        />
        {t('live.invisible')}
      </label>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          commitName()
        }}
      >
        <label htmlFor={nameId}>{t('live.displayName')}</label>
        <input
          id={nameId}
          type="text"
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX}
          aria-describedby={hintId}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={commitName}
        />
        <small id={hintId}>{t('live.anonymous')}</small>
      </form>
    </fieldset>
  )
}
