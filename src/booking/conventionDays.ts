/** Which calendar days the convention runs in any year: the first edition's dates, then the annual opening day on. */
import type { ExpoEvent } from '../content/schema'
import { addDays, dayNumber } from './timeZones'

export type ConventionCalendar = Pick<ExpoEvent, 'startDate' | 'endDate' | 'annualOpeningDay'>

/** Every later edition lasts as long as the first (2021: 19–22 November, four days). */
export function conventionLength(event: ConventionCalendar): number {
  return dayNumber(event.endDate) - dayNumber(event.startDate) + 1
}

/** The convention days of one year as ISO dates in the event's time zone; none before the first edition. */
export function conventionDaysOfYear(event: ConventionCalendar, year: number): string[] {
  const firstYear = Number(event.startDate.slice(0, 4))
  if (year < firstYear) return []
  const length = conventionLength(event)
  const opening =
    year === firstYear
      ? event.startDate
      : `${String(year).padStart(4, '0')}-${String(event.annualOpeningDay.month).padStart(2, '0')}-${String(event.annualOpeningDay.day).padStart(2, '0')}`
  return Array.from({ length }, (_, i) => addDays(opening, i))
}

/** Convention days from `fromDate` to `toDate`, both inclusive ISO dates in the event's time zone. */
export function conventionDaysBetween(event: ConventionCalendar, fromDate: string, toDate: string): string[] {
  if (toDate < fromDate) return []
  const days: string[] = []
  // an edition may spill into the next year, so look one year back
  for (let year = Number(fromDate.slice(0, 4)) - 1; year <= Number(toDate.slice(0, 4)); year++) {
    for (const day of conventionDaysOfYear(event, year)) if (day >= fromDate && day <= toDate) days.push(day)
  }
  return [...new Set(days)].sort()
}

export function isConventionDay(event: ConventionCalendar, date: string): boolean {
  return conventionDaysBetween(event, date, date).length > 0
}

/** The next convention days on or after a date: the edition running then or the next one. */
export function nextConvention(event: ConventionCalendar, onOrAfter: string): string[] {
  const year = Math.max(Number(onOrAfter.slice(0, 4)), Number(event.startDate.slice(0, 4)))
  for (let y = year - 1; ; y++) {
    const days = conventionDaysOfYear(event, y)
    if (days.length > 0 && days[days.length - 1] >= onOrAfter) return days
  }
}
