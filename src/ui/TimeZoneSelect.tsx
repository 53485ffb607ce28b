/** The visitor's time zone for every time shown; the browser's by default, any IANA zone on request. */
import { useId, useMemo } from 'react'
import { useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'

const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Seoul', 'Asia/Tokyo', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'UTC']

export default function TimeZoneSelect() {
  const t = useTranslate()
  const id = useId()
  const timeZone = useExpoStore((s) => s.visitorTimeZone)
  const actions = useExpoActions()
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : COMMON_ZONES
    return [...new Set([timeZone, ...COMMON_ZONES, ...all])]
  }, [timeZone])
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('booking.timeZone')}</label>
      <select id={id} value={timeZone} onChange={(e) => actions.setVisitorTimeZone(e.target.value)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </div>
  )
}
