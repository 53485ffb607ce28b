/** Groups an exhibitor's weekly office hours into runs of days with the same hours, for display. */
import { WEEKDAYS, type Availability, type Weekday } from '../content/schema'

export interface HoursRun {
  days: Weekday[]
  ranges: { from: string; to: string }[]
}

const key = (ranges: { from: string; to: string }[] = []) => ranges.map((r) => `${r.from}-${r.to}`).join(',')

export function groupWeeklyHours(weeklyHours: Availability['weeklyHours']): HoursRun[] {
  const runs: HoursRun[] = []
  for (const day of WEEKDAYS) {
    const ranges = weeklyHours[day] ?? []
    if (ranges.length === 0) continue
    const last = runs[runs.length - 1]
    const previousDay = WEEKDAYS[WEEKDAYS.indexOf(day) - 1]
    if (last && last.days[last.days.length - 1] === previousDay && key(last.ranges) === key(ranges)) last.days.push(day)
    else runs.push({ days: [day], ranges: [...ranges] })
  }
  return runs
}

/** 2024-01-01 was a Monday: a fixed week to ask Intl for localised weekday names. */
export function weekdayName(day: Weekday, language: string): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day), 12))
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(date)
}

export function describeDays(days: Weekday[], language: string): string {
  if (days.length >= 3) return `${weekdayName(days[0], language)}–${weekdayName(days[days.length - 1], language)}`
  return new Intl.ListFormat(language, { style: 'narrow', type: 'unit' }).format(days.map((d) => weekdayName(d, language)))
}
