/** The guided tour's controls: where it is, play/pause, previous/next, exit; moves on when the dwell at a stop ends. */
import { useEffect, useState } from 'react'
import { useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'
import { useStopName } from './stopName'

export default function TourControls() {
  const t = useTranslate()
  const tour = useExpoStore((s) => s.guidedTour)
  const actions = useExpoActions()
  const stopName = useStopName()
  const [now, setNow] = useState(() => Date.now())

  // One timer while dwelling: it ticks the countdown and moves on when the dwell is over.
  const dwellEndsAt = tour?.status === 'dwelling' ? tour.dwellEndsAt : null
  useEffect(() => {
    if (dwellEndsAt === null || dwellEndsAt < 0) return
    const timer = window.setInterval(() => {
      setNow(Date.now())
      if (Date.now() >= dwellEndsAt) actions.tourNext()
    }, 250)
    return () => window.clearInterval(timer)
  }, [dwellEndsAt, actions])

  if (!tour) return null
  const total = tour.stops.length
  const status =
    tour.status === 'walking'
      ? t('tour.walking')
      : tour.status === 'paused'
        ? t('tour.paused')
        : t('tour.dwelling', { seconds: Math.max(0, Math.ceil(((tour.dwellEndsAt ?? now) - now) / 1000)) })
  return (
    <section className="tour-controls" aria-label={t('tour.regionLabel', { name: tour.name })}>
      <p className="tour-progress-text" aria-live="polite">
        {t('tour.progress', { index: tour.stopIndex + 1, total, name: stopName(tour.stops[tour.stopIndex]) })} · {status}
      </p>
      <div className="progress" role="progressbar" aria-label={t('tour.label')} aria-valuemin={1} aria-valuemax={total} aria-valuenow={tour.stopIndex + 1}>
        <div className="progress-bar" style={{ width: `${((tour.stopIndex + 1) / total) * 100}%` }} />
      </div>
      <div className="tour-buttons">
        <button type="button" onClick={() => actions.tourPrevious()} disabled={tour.stopIndex === 0}>
          {t('tour.previous')}
        </button>
        {tour.status === 'paused' ? (
          <button type="button" className="button-primary" onClick={() => actions.tourPlay()}>
            {t('tour.play')}
          </button>
        ) : (
          <button type="button" onClick={() => actions.tourPause()}>
            {t('tour.pause')}
          </button>
        )}
        <button type="button" onClick={() => actions.tourNext()}>
          {t('tour.next')}
        </button>
        <button type="button" className="button-quiet" onClick={() => actions.exitTour()}>
          {t('tour.exit')}
        </button>
      </div>
    </section>
  )
}
