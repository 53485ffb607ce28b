/** The words of an exported calendar file in the visitor's language, from the one catalogue. */
import type { IcsLabels } from '../booking/ics'
import type { Language } from '../content/schema'
import { translate } from './format'

export function icsLabels(language: Language): IcsLabels {
  return {
    summary: (name) => translate(language, 'ics.summary', { name }),
    topic: translate(language, 'ics.topic'),
    confirmationCode: translate(language, 'ics.confirmationCode'),
    yourTime: translate(language, 'ics.yourTime'),
    exhibitorTime: translate(language, 'ics.exhibitorTime'),
    table: translate(language, 'ics.table'),
    meetingLink: translate(language, 'ics.meetingLink'),
    negotiationArea: translate(language, 'ics.negotiationArea'),
    reminder: (name) => translate(language, 'ics.reminder', { name }),
    calendarName: translate(language, 'ics.calendarName'),
  }
}
