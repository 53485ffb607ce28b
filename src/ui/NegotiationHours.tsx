/** An exhibitor's negotiation hours, slot length and modes, in the visitor's language. */
import type { Availability } from '../content/schema'
import { timeZoneLabel } from '../booking/slots'
import { describeDays, groupWeeklyHours } from '../booking/weeklyHours'
import { useLanguage, useTranslate } from '../i18n/translate'

export default function NegotiationHours({ availability }: { availability: Availability }) {
  const t = useTranslate()
  const language = useLanguage()
  const runs = groupWeeklyHours(availability.weeklyHours)
  return (
    <div className="negotiation-hours">
      <ul>
        {runs.map((run) => (
          <li key={run.days.join()}>
            {t('booth.hours', {
              timeZone: timeZoneLabel(availability.timeZone, language),
              days: describeDays(run.days, language),
              hours: new Intl.ListFormat(language, { style: 'narrow', type: 'unit' }).format(run.ranges.map((r) => `${r.from}–${r.to}`)),
            })}
          </li>
        ))}
      </ul>
      <p>{t('booth.slotLength', { minutes: availability.slotMinutes, tables: availability.parallelTables })}</p>
      <p>{t('booth.modes', { modes: new Intl.ListFormat(language, { type: 'conjunction' }).format(availability.modes.map((m) => t(`booth.mode.${m}`))) })}</p>
    </div>
  )
}
