/** The words of an exported calendar file in the visitor's language, from the one catalogue. */
import type { IcsLabels, SessionIcsLabels } from '../booking/ics'
import { sessionText, type LiveSession } from '../live/sessions'
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

/** A live session in an exported calendar, in the visitor's language: its kind and title, its venue, its reminder. */
export function sessionIcsLabels(language: Language, exhibitorName: (exhibitorId: string) => string): SessionIcsLabels {
  const title = (session: LiveSession) => sessionText(session.title, language).text
  return {
    summary: (session) => `${translate(language, `sessions.kind.${session.kind}`)} · ${title(session)}`,
    description: (session) => (session.description ? sessionText(session.description, language).text : ''),
    location: (session) => (session.venue.kind === 'lobby' ? translate(language, 'ics.lobby') : translate(language, 'ics.booth', { name: exhibitorName(session.venue.exhibitorId) })),
    reminder: (session) => translate(language, 'ics.sessionReminder', { title: title(session) }),
  }
}
