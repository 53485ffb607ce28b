/** An exhibitor's negotiation hours, slot length and modes, in the visitor's language. */
import type { Availability } from '../content/schema'
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
              timeZone: availability.timeZone,
              days: describeDays(run.days, language),
              hours: run.ranges.map((r) => `${r.from}–${r.to}`).join(', '),
            })}
          </li>
        ))}
      </ul>
      <p>{t('booth.slotLength', { minutes: availability.slotMinutes, tables: availability.parallelTables })}</p>
      <p>{t('booth.modes', { modes: availability.modes.map((m) => t(`booth.mode.${m}`)).join(language === 'zh-CN' ? '、' : ', ') })}</p>
    </div>
  )
}
