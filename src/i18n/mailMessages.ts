/** The wording of the server's mails (booking notices and sign-in links) per language, kept apart from the app's UI catalogue. */
import type { MeetingMode, VisitorRole } from '../booking/types'
import type { Language } from '../content/schema'

/** What a visitor is told by mail; a few notices read differently by what came before (a proposal, a reschedule). */
export type VisitorMailKind =
  | 'requested'
  | 'auto-confirmed'
  | 'confirmed'
  | 'proposal-accepted'
  | 'declined'
  | 'proposed'
  | 'cancelled-by-exhibitor'
  | 'expired'
  | 'proposal-expired'

/** What the exhibitor's staff are told by mail. */
export type StaffMailKind =
  | 'requested'
  | 'auto-confirmed'
  | 'proposal-accepted'
  | 'proposal-declined'
  | 'cancelled-by-visitor'
  | 'rescheduled-by-visitor'
  | 'expired'
  | 'proposal-expired'

export type SignInTextKind = 'visitor-sign-in' | 'staff-invitation' | 'organiser-invitation' | 'staff-sign-in'

export interface BookingMailText {
  /** `when` is the meeting's start in the recipient's clock. */
  subject: (p: { exhibitor: string; when: string; code: string }) => string
  /** The opening paragraph; `deadline` is when the hold runs out, in the recipient's clock. */
  lead: (p: { exhibitor: string; deadline: string }) => string
}

export interface SignInMailText {
  subject: (p: { exhibitor: string; event: string }) => string
  /** The sentence before the link. */
  intro: (p: { exhibitor: string; event: string }) => string
  /** For someone who gets it unasked. */
  ignore: string
}

/** One clock of a meeting; `date` is left out when it is the same day as the clock before it. */
type Clock = (p: { date?: string; time: string; zone: string }) => string

export interface MailMessages {
  visitor: Record<VisitorMailKind, BookingMailText>
  staff: Record<StaffMailKind, BookingMailText>
  signIn: Record<SignInTextKind, SignInMailText>
  greeting: { visitor: (p: { name: string }) => string; staff: (p: { name: string }) => string }
  /** Between a label and its value: "时间：…", "Time: …". */
  colon: string
  labels: {
    exhibitor: string
    time: string
    proposedTime: string
    originalTime: string
    mode: string
    table: string
    code: string
    topic: string
    reason: string
    /** What staff wrote with a proposed time. */
    message: string
    meetingLink: string
    name: string
    company: string
    email: string
    phone: string
    role: string
    /** The visitor's clock in a staff member's calendar file. */
    visitorTime: string
  }
  /** Who staff meet when the visitor shared nothing (the calendar file's title). */
  aVisitor: string
  /** How the meeting is held; on site names the venue. */
  mode: Record<MeetingMode, (p: { venue: string }) => string>
  roles: Record<VisitorRole, string>
  times: {
    /** The visitor's own clock: "Fri, Nov 19, 10:00–10:30 your time". */
    yours: (p: { date?: string; time: string }) => string
    /** A named zone's clock: "11:00–11:30 Seoul". */
    zone: Clock
    /** The visitor's clock as staff read it. */
    visitors: Clock
  }
  /** A moment in running text ("answer by …"): the visitor's own clock, or a named zone's. */
  deadline: { yours: (p: { date: string; time: string }) => string; zone: (p: { date: string; time: string; zone: string }) => string }
  visitorShared: string
  visitorNotShared: string
  calendarAdd: string
  calendarRemove: string
  agendaLink: string
  consoleLink: string
  signInExpires: (p: { duration: string; time: string }) => string
  signInKeepPrivate: string
  duration: { minutes: (n: number) => string; hours: (n: number) => string; days: (n: number) => string }
  automated: string
}

const dated = (date: string | undefined, rest: string, separator = ' ') => (date ? `${date}${separator}${rest}` : rest)

const zhCN: MailMessages = {
  visitor: {
    requested: {
      subject: ({ exhibitor }) => `洽谈预约已提交：${exhibitor}`,
      lead: ({ exhibitor, deadline }) =>
        `您向${exhibitor}提交的洽谈预约已发送。展商需在${deadline}前答复，在此之前该时段和洽谈桌为您保留。展商答复后，我们会第一时间邮件通知您。`,
    },
    'auto-confirmed': {
      subject: ({ exhibitor, when }) => `洽谈预约已确认：${exhibitor}（${when}）`,
      lead: ({ exhibitor }) => `您与${exhibitor}的洽谈预约已确认，期待您准时参加。`,
    },
    confirmed: {
      subject: ({ exhibitor }) => `${exhibitor}已接受您的洽谈预约`,
      lead: ({ exhibitor }) => `${exhibitor}已接受您的洽谈预约，洽谈已确认，期待您准时参加。`,
    },
    'proposal-accepted': {
      subject: ({ exhibitor, when }) => `洽谈预约已确认：${exhibitor}（${when}）`,
      lead: ({ exhibitor }) => `您已接受${exhibitor}提议的时间，洽谈已确认，期待您准时参加。`,
    },
    declined: {
      subject: ({ exhibitor }) => `${exhibitor}未能接受您的洽谈预约`,
      lead: ({ exhibitor }) => `很抱歉，${exhibitor}未能接受您的洽谈预约。该时段已释放，欢迎改约其他时间或其他展商。`,
    },
    proposed: {
      subject: ({ exhibitor }) => `${exhibitor}提议了新的洽谈时间`,
      lead: ({ exhibitor, deadline }) =>
        `${exhibitor}在您申请的时间不便洽谈，提议改到以下时间。请在${deadline}前到“我的日程”中接受或拒绝，逾期提议将自动失效。`,
    },
    'cancelled-by-exhibitor': {
      subject: ({ exhibitor }) => `洽谈已取消：${exhibitor}`,
      lead: ({ exhibitor }) => `很抱歉，${exhibitor}取消了与您的洽谈。`,
    },
    expired: {
      subject: ({ exhibitor }) => `洽谈预约已过期：${exhibitor}`,
      lead: ({ exhibitor }) => `您向${exhibitor}提交的洽谈预约未在时限内得到答复，已自动过期，洽谈桌已释放。欢迎重新预约其他时间。`,
    },
    'proposal-expired': {
      subject: ({ exhibitor }) => `提议时间已失效：${exhibitor}`,
      lead: ({ exhibitor }) => `${exhibitor}提议的时间未在时限内被接受，已自动失效，洽谈桌已释放。如仍有需要，欢迎重新预约。`,
    },
  },
  staff: {
    requested: {
      subject: ({ when, code }) => `新的洽谈预约申请 · ${when} · ${code}`,
      lead: ({ exhibitor, deadline }) =>
        `有观众向${exhibitor}提交了洽谈预约。请在${deadline}前到展商后台接受、拒绝或提议其他时间；逾期申请将自动过期，洽谈桌随之释放。`,
    },
    'auto-confirmed': {
      subject: ({ when, code }) => `新的洽谈预约（已自动确认）· ${when} · ${code}`,
      lead: ({ exhibitor }) => `有观众预约了与${exhibitor}的洽谈。您已开启自动接受，预约已直接确认。`,
    },
    'proposal-accepted': {
      subject: ({ when, code }) => `观众已接受您提议的时间 · ${when} · ${code}`,
      lead: () => `观众已接受您提议的时间，洽谈已确认。`,
    },
    'proposal-declined': {
      subject: ({ code }) => `观众未接受您提议的时间 · ${code}`,
      lead: () => `观众未接受您提议的时间，这条预约已结束，洽谈桌已释放。`,
    },
    'cancelled-by-visitor': {
      subject: ({ when, code }) => `观众已取消洽谈 · ${when} · ${code}`,
      lead: ({ exhibitor }) => `观众取消了与${exhibitor}的这场洽谈，该时段已释放。`,
    },
    'rescheduled-by-visitor': {
      subject: ({ when, code }) => `观众已改约 · ${when} · ${code}`,
      lead: () => `观众将这场洽谈改到了其他时间，新时间将另行邮件通知；原时段已释放。`,
    },
    expired: {
      subject: ({ when, code }) => `洽谈预约已过期 · ${when} · ${code}`,
      lead: () => `这条洽谈预约申请未在时限内答复，已自动过期，洽谈桌已释放。`,
    },
    'proposal-expired': {
      subject: ({ when, code }) => `提议时间已失效 · ${when} · ${code}`,
      lead: () => `观众未在时限内接受您提议的时间，提议已失效，洽谈桌已释放。`,
    },
  },
  signIn: {
    'visitor-sign-in': {
      subject: ({ event }) => `${event}登录链接`,
      intro: ({ event }) => `请点击以下链接，查看和管理您在${event}的洽谈预约：`,
      ignore: '如果这不是您本人的操作，请忽略此邮件。',
    },
    'staff-invitation': {
      subject: ({ exhibitor }) => `邀请您为${exhibitor}处理洽谈预约`,
      intro: ({ exhibitor, event }) => `您已受邀加入${event}展商后台，为${exhibitor}处理观众的洽谈预约、设置洽谈时间。请点击以下链接登录：`,
      ignore: '如果您并不知道这份邀请，请忽略此邮件。',
    },
    'organiser-invitation': {
      subject: ({ event }) => `邀请您查看${event}洽谈总览`,
      intro: ({ event }) => `您已受邀作为主办方查看${event}的洽谈总览：每天各状态的洽谈数量和洽谈桌使用情况（只读）。请点击以下链接登录：`,
      ignore: '如果您并不知道这份邀请，请忽略此邮件。',
    },
    'staff-sign-in': {
      subject: ({ event }) => `${event}展商后台登录链接`,
      intro: ({ event }) => `请点击以下链接登录${event}展商后台：`,
      ignore: '如果这不是您本人的操作，请忽略此邮件。',
    },
  },
  greeting: {
    visitor: ({ name }) => `${name}，您好：`,
    staff: ({ name }) => (name ? `${name}，您好：` : '您好：'),
  },
  colon: '：',
  labels: {
    exhibitor: '展商',
    time: '时间',
    proposedTime: '提议时间',
    originalTime: '原申请时间',
    mode: '洽谈方式',
    table: '洽谈桌',
    code: '确认码',
    topic: '洽谈主题',
    reason: '原因',
    message: '展商留言',
    meetingLink: '会议链接',
    name: '姓名',
    company: '公司或机构',
    email: '邮箱',
    phone: '电话',
    role: '身份',
    visitorTime: '观众时间',
  },
  aVisitor: '观众',
  mode: { online: () => '线上视频洽谈', 'on-site': ({ venue }) => `大会现场洽谈（${venue}洽谈区）` },
  roles: { buyer: '采购商', investor: '投资方', media: '媒体', other: '其他' },
  times: {
    yours: ({ date, time }) => dated(date, `${time} 您的时间`),
    zone: ({ date, time, zone }) => dated(date, `${time} ${zone}`),
    visitors: ({ date, time, zone }) => dated(date, `${time} 观众时间（${zone}）`),
  },
  deadline: { yours: ({ date, time }) => `${date} ${time}（您的时间）`, zone: ({ date, time, zone }) => `${zone} ${date} ${time}` },
  visitorShared: '观众同意向您提供以下信息：',
  visitorNotShared: '观众未同意向您提供个人信息（姓名、公司、联系方式）。',
  calendarAdd: '打开附件中的日历文件（invite.ics），即可将洽谈添加到日历。',
  calendarRemove: '打开附件中的日历文件，即可将这场洽谈从日历中移除。',
  agendaLink: '查看和管理您的预约：',
  consoleLink: '打开展商后台：',
  signInExpires: ({ duration, time }) => `该链接仅可使用一次，${duration}后（${time}）失效。`,
  signInKeepPrivate: '此链接仅供您本人使用，请勿转发。',
  duration: { minutes: (n) => `${n} 分钟`, hours: (n) => `${n} 小时`, days: (n) => `${n} 天` },
  automated: '此邮件由系统自动发送，请勿直接回复。',
}

const en: MailMessages = {
  visitor: {
    requested: {
      subject: ({ exhibitor }) => `Meeting request sent to ${exhibitor}`,
      lead: ({ exhibitor, deadline }) =>
        `Your meeting request has been sent to ${exhibitor}. The exhibitor has until ${deadline} to answer; until then the time and the table are held for you. We will e-mail you as soon as they reply.`,
    },
    'auto-confirmed': {
      subject: ({ exhibitor, when }) => `Meeting confirmed: ${exhibitor} · ${when}`,
      lead: ({ exhibitor }) => `Your meeting with ${exhibitor} is confirmed. We look forward to seeing you.`,
    },
    confirmed: {
      subject: ({ exhibitor }) => `${exhibitor} accepted your meeting request`,
      lead: ({ exhibitor }) => `${exhibitor} has accepted your meeting request, so your meeting is confirmed. We look forward to seeing you.`,
    },
    'proposal-accepted': {
      subject: ({ exhibitor, when }) => `Meeting confirmed: ${exhibitor} · ${when}`,
      lead: ({ exhibitor }) => `You accepted the time ${exhibitor} proposed, so your meeting is confirmed. We look forward to seeing you.`,
    },
    declined: {
      subject: ({ exhibitor }) => `${exhibitor} cannot take your meeting request`,
      lead: ({ exhibitor }) =>
        `We are sorry: ${exhibitor} has declined your meeting request. The time is free again, and you are welcome to book another time or another exhibitor.`,
    },
    proposed: {
      subject: ({ exhibitor }) => `${exhibitor} proposes another time for your meeting`,
      lead: ({ exhibitor, deadline }) =>
        `${exhibitor} cannot meet at the time you asked for and proposes the time below instead. Please accept or decline it in your agenda by ${deadline}; after that the proposal lapses.`,
    },
    'cancelled-by-exhibitor': {
      subject: ({ exhibitor }) => `Meeting cancelled by ${exhibitor}`,
      lead: ({ exhibitor }) => `We are sorry: ${exhibitor} has had to cancel your meeting.`,
    },
    expired: {
      subject: ({ exhibitor }) => `Meeting request expired: ${exhibitor}`,
      lead: ({ exhibitor }) =>
        `Your meeting request to ${exhibitor} was not answered in time and has expired, so the table has been released. You are welcome to book another time.`,
    },
    'proposal-expired': {
      subject: ({ exhibitor }) => `Proposed time lapsed: ${exhibitor}`,
      lead: ({ exhibitor }) =>
        `The time ${exhibitor} proposed was not accepted in time and has lapsed, so the table has been released. You are welcome to book another time.`,
    },
  },
  staff: {
    requested: {
      subject: ({ when, code }) => `New meeting request · ${when} · ${code}`,
      lead: ({ exhibitor, deadline }) =>
        `A visitor has asked to meet ${exhibitor}. Please accept, decline or propose another time in the exhibitor console by ${deadline}; after that the request expires and the table is released.`,
    },
    'auto-confirmed': {
      subject: ({ when, code }) => `New meeting (confirmed automatically) · ${when} · ${code}`,
      lead: ({ exhibitor }) => `A visitor has booked a meeting with ${exhibitor}. Auto-accept is on, so it is already confirmed.`,
    },
    'proposal-accepted': {
      subject: ({ when, code }) => `Proposed time accepted · ${when} · ${code}`,
      lead: () => `The visitor accepted the time you proposed, so the meeting is confirmed.`,
    },
    'proposal-declined': {
      subject: ({ code }) => `Proposed time declined · ${code}`,
      lead: () => `The visitor declined the time you proposed. The request is closed and the table is free again.`,
    },
    'cancelled-by-visitor': {
      subject: ({ when, code }) => `Meeting cancelled by the visitor · ${when} · ${code}`,
      lead: ({ exhibitor }) => `The visitor has cancelled this meeting with ${exhibitor}. The time is free again.`,
    },
    'rescheduled-by-visitor': {
      subject: ({ when, code }) => `Meeting moved by the visitor · ${when} · ${code}`,
      lead: () => `The visitor has moved this meeting to another time, which comes in a separate mail. The old time is free again.`,
    },
    expired: {
      subject: ({ when, code }) => `Meeting request expired · ${when} · ${code}`,
      lead: () => `This meeting request was not answered in time and has expired. The table is free again.`,
    },
    'proposal-expired': {
      subject: ({ when, code }) => `Proposed time lapsed · ${when} · ${code}`,
      lead: () => `The visitor did not accept the time you proposed in time, so the proposal has lapsed and the table is free again.`,
    },
  },
  signIn: {
    'visitor-sign-in': {
      subject: ({ event }) => `Your ${event} sign-in link`,
      intro: ({ event }) => `Open this link to see and manage your meeting bookings at ${event}:`,
      ignore: 'If you did not ask for this mail, you can ignore it.',
    },
    'staff-invitation': {
      subject: ({ exhibitor }) => `Invitation: answer meeting requests for ${exhibitor}`,
      intro: ({ exhibitor, event }) =>
        `You have been invited to the ${event} exhibitor console for ${exhibitor}, where you answer visitors' meeting requests and keep your meeting hours. Open this link to sign in:`,
      ignore: 'If you were not expecting this invitation, you can ignore it.',
    },
    'organiser-invitation': {
      subject: ({ event }) => `Invitation: the ${event} negotiations overview`,
      intro: ({ event }) =>
        `You have been invited, as an organiser, to the ${event} negotiations overview: negotiations per day by state and how the negotiation tables are used (read-only). Open this link to sign in:`,
      ignore: 'If you were not expecting this invitation, you can ignore it.',
    },
    'staff-sign-in': {
      subject: ({ event }) => `Your ${event} exhibitor console sign-in link`,
      intro: ({ event }) => `Open this link to sign in to the ${event} exhibitor console:`,
      ignore: 'If you did not ask for this mail, you can ignore it.',
    },
  },
  greeting: {
    visitor: ({ name }) => `Dear ${name},`,
    staff: ({ name }) => (name ? `Hello ${name},` : 'Hello,'),
  },
  colon: ': ',
  labels: {
    exhibitor: 'Exhibitor',
    time: 'Time',
    proposedTime: 'Proposed time',
    originalTime: 'Originally requested',
    mode: 'Meeting',
    table: 'Negotiation-area table',
    code: 'Confirmation code',
    topic: 'Topic',
    reason: 'Reason',
    message: 'Message from the exhibitor',
    meetingLink: 'Meeting link',
    name: 'Name',
    company: 'Company',
    email: 'E-mail',
    phone: 'Phone',
    role: 'Visiting as',
    visitorTime: 'Visitor’s time',
  },
  aVisitor: 'a visitor',
  mode: { online: () => 'Online video meeting', 'on-site': ({ venue }) => `On site, in the negotiation area of ${venue}` },
  roles: { buyer: 'Buyer', investor: 'Investor', media: 'Media', other: 'Other' },
  times: {
    yours: ({ date, time }) => dated(date, `${time} your time`, ', '),
    zone: ({ date, time, zone }) => dated(date, `${time} ${zone}`, ', '),
    visitors: ({ date, time, zone }) => dated(date, `${time} visitor’s time (${zone})`, ', '),
  },
  deadline: { yours: ({ date, time }) => `${date}, ${time} your time`, zone: ({ date, time, zone }) => `${date}, ${time} ${zone}` },
  visitorShared: 'The visitor agreed to share these details with you:',
  visitorNotShared: 'The visitor did not share their details (name, company, contact) with you.',
  calendarAdd: 'Open the attached calendar file (invite.ics) to add the meeting to your calendar.',
  calendarRemove: 'Open the attached calendar file to remove the meeting from your calendar.',
  agendaLink: 'See and manage your bookings:',
  consoleLink: 'Open the exhibitor console:',
  signInExpires: ({ duration, time }) => `The link works once and expires in ${duration} (${time}).`,
  signInKeepPrivate: 'This link is yours alone; please do not forward it.',
  duration: {
    minutes: (n) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
    hours: (n) => `${n} ${n === 1 ? 'hour' : 'hours'}`,
    days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
  },
  automated: 'This mail was sent automatically; replies are not read.',
}

const ko: MailMessages = {
  visitor: {
    requested: {
      subject: ({ exhibitor }) => `[상담 예약 신청] ${exhibitor}`,
      lead: ({ exhibitor, deadline }) =>
        `${exhibitor}에 상담 예약을 신청했습니다. 참가기업은 ${deadline}까지 답변하며, 그때까지 해당 시간과 상담 테이블이 확보됩니다. 답변이 오면 바로 메일로 알려 드리겠습니다.`,
    },
    'auto-confirmed': {
      subject: ({ exhibitor, when }) => `[상담 예약 확정] ${exhibitor} · ${when}`,
      lead: ({ exhibitor }) => `${exhibitor} 상담 예약이 확정되었습니다.`,
    },
    confirmed: {
      subject: ({ exhibitor }) => `[상담 예약 확정] ${exhibitor}`,
      lead: ({ exhibitor }) => `${exhibitor}에서 상담 신청을 수락하여 상담 예약이 확정되었습니다.`,
    },
    'proposal-accepted': {
      subject: ({ exhibitor, when }) => `[상담 예약 확정] ${exhibitor} · ${when}`,
      lead: ({ exhibitor }) => `${exhibitor}에서 제안한 시간을 수락하셔서 상담 예약이 확정되었습니다.`,
    },
    declined: {
      subject: ({ exhibitor }) => `[상담 예약 불가] ${exhibitor}`,
      lead: ({ exhibitor }) =>
        `죄송합니다. ${exhibitor}에서 이번 상담 신청을 수락하지 못했습니다. 해당 시간은 다시 예약할 수 있으니 다른 시간이나 다른 참가기업으로 신청해 주세요.`,
    },
    proposed: {
      subject: ({ exhibitor }) => `[상담 시간 변경 제안] ${exhibitor}`,
      lead: ({ exhibitor, deadline }) =>
        `${exhibitor}에서 신청하신 시간에는 상담이 어려워 아래 시간을 제안했습니다. ${deadline}까지 내 일정에서 수락 또는 거절해 주세요. 기한이 지나면 제안은 자동으로 취소됩니다.`,
    },
    'cancelled-by-exhibitor': {
      subject: ({ exhibitor }) => `[상담 취소] ${exhibitor}`,
      lead: ({ exhibitor }) => `죄송합니다. ${exhibitor}의 사정으로 상담이 취소되었습니다.`,
    },
    expired: {
      subject: ({ exhibitor }) => `[상담 신청 만료] ${exhibitor}`,
      lead: ({ exhibitor }) =>
        `${exhibitor} 상담 신청이 기한 내에 답변을 받지 못해 만료되었으며, 상담 테이블 예약도 해제되었습니다. 다른 시간으로 다시 신청해 주세요.`,
    },
    'proposal-expired': {
      subject: ({ exhibitor }) => `[제안 시간 만료] ${exhibitor}`,
      lead: ({ exhibitor }) =>
        `${exhibitor}에서 제안한 시간이 기한 내에 수락되지 않아 만료되었으며, 상담 테이블 예약도 해제되었습니다. 필요하시면 다른 시간으로 다시 신청해 주세요.`,
    },
  },
  staff: {
    requested: {
      subject: ({ when, code }) => `[새 상담 신청] ${when} · ${code}`,
      lead: ({ exhibitor, deadline }) =>
        `${exhibitor}에 새 상담 신청이 접수되었습니다. ${deadline}까지 참가기업 관리 페이지에서 수락, 거절 또는 다른 시간 제안을 해 주세요. 기한이 지나면 신청은 만료되고 상담 테이블 예약이 해제됩니다.`,
    },
    'auto-confirmed': {
      subject: ({ when, code }) => `[상담 예약 확정] ${when} · ${code}`,
      lead: ({ exhibitor }) => `${exhibitor}에 새 상담 예약이 접수되었습니다. 자동 수락이 설정되어 있어 바로 확정되었습니다.`,
    },
    'proposal-accepted': {
      subject: ({ when, code }) => `[제안 시간 수락] ${when} · ${code}`,
      lead: () => `참관객이 제안하신 시간을 수락하여 상담이 확정되었습니다.`,
    },
    'proposal-declined': {
      subject: ({ code }) => `[제안 시간 거절] ${code}`,
      lead: () => `참관객이 제안하신 시간을 거절했습니다. 이 신청은 종료되었으며 상담 테이블 예약도 해제되었습니다.`,
    },
    'cancelled-by-visitor': {
      subject: ({ when, code }) => `[상담 취소] ${when} · ${code}`,
      lead: ({ exhibitor }) => `참관객이 ${exhibitor} 상담을 취소했습니다. 해당 시간은 다시 예약할 수 있습니다.`,
    },
    'rescheduled-by-visitor': {
      subject: ({ when, code }) => `[상담 일정 변경] ${when} · ${code}`,
      lead: () => `참관객이 이 상담을 다른 시간으로 변경했습니다. 새 일정은 별도 메일로 안내해 드리며, 기존 시간은 다시 예약할 수 있습니다.`,
    },
    expired: {
      subject: ({ when, code }) => `[상담 신청 만료] ${when} · ${code}`,
      lead: () => `이 상담 신청은 기한 내에 답변되지 않아 만료되었으며, 상담 테이블 예약도 해제되었습니다.`,
    },
    'proposal-expired': {
      subject: ({ when, code }) => `[제안 시간 만료] ${when} · ${code}`,
      lead: () => `참관객이 기한 내에 제안 시간을 수락하지 않아 제안이 만료되었으며, 상담 테이블 예약도 해제되었습니다.`,
    },
  },
  signIn: {
    'visitor-sign-in': {
      subject: ({ event }) => `[${event}] 로그인 링크`,
      intro: ({ event }) => `아래 링크를 열면 ${event} 상담 예약을 확인하고 관리할 수 있습니다.`,
      ignore: '요청하지 않으셨다면 이 메일은 무시하셔도 됩니다.',
    },
    'staff-invitation': {
      subject: ({ exhibitor }) => `[초대] ${exhibitor} 상담 예약 관리`,
      intro: ({ exhibitor, event }) =>
        `${event} 참가기업 관리 페이지에 ${exhibitor} 담당자로 초대되었습니다. 참관객의 상담 신청에 답변하고 상담 가능 시간을 설정할 수 있습니다. 아래 링크로 로그인해 주세요.`,
      ignore: '초대받을 일이 없으셨다면 이 메일은 무시하셔도 됩니다.',
    },
    'organiser-invitation': {
      subject: ({ event }) => `[초대] ${event} 상담 현황`,
      intro: ({ event }) =>
        `${event} 주최 측으로서 상담 현황 페이지에 초대되었습니다. 날짜별·상태별 상담 건수와 상담 테이블 이용 현황을 볼 수 있습니다(열람 전용). 아래 링크로 로그인해 주세요.`,
      ignore: '초대받을 일이 없으셨다면 이 메일은 무시하셔도 됩니다.',
    },
    'staff-sign-in': {
      subject: ({ event }) => `[${event}] 참가기업 관리 페이지 로그인 링크`,
      intro: ({ event }) => `아래 링크로 ${event} 참가기업 관리 페이지에 로그인할 수 있습니다.`,
      ignore: '요청하지 않으셨다면 이 메일은 무시하셔도 됩니다.',
    },
  },
  greeting: {
    visitor: ({ name }) => `${name}님, 안녕하세요.`,
    staff: ({ name }) => (name ? `${name}님, 안녕하세요.` : '안녕하세요.'),
  },
  colon: ': ',
  labels: {
    exhibitor: '참가기업',
    time: '일시',
    proposedTime: '제안 일시',
    originalTime: '기존 신청 일시',
    mode: '상담 방식',
    table: '상담 테이블',
    code: '확인 코드',
    topic: '상담 주제',
    reason: '사유',
    message: '참가기업 메시지',
    meetingLink: '화상 상담 링크',
    name: '이름',
    company: '회사 또는 기관',
    email: '이메일',
    phone: '전화번호',
    role: '참관 유형',
    visitorTime: '참관객 시간',
  },
  aVisitor: '참관객',
  mode: { online: () => '온라인 화상 상담', 'on-site': ({ venue }) => `대회 현장 상담 (${venue} 상담장)` },
  roles: { buyer: '바이어', investor: '투자자', media: '언론·미디어', other: '기타' },
  times: {
    yours: ({ date, time }) => dated(date, `내 시간 ${time}`),
    zone: ({ date, time, zone }) => dated(date, `${zone} ${time}`),
    visitors: ({ date, time, zone }) => dated(date, `참관객 시간 ${time} (${zone})`),
  },
  deadline: { yours: ({ date, time }) => `${date} ${time}(내 시간)`, zone: ({ date, time, zone }) => `${zone} 기준 ${date} ${time}` },
  visitorShared: '참관객이 다음 정보의 제공에 동의했습니다.',
  visitorNotShared: '참관객이 개인정보(이름, 회사, 연락처) 제공에 동의하지 않았습니다.',
  calendarAdd: '첨부된 캘린더 파일(invite.ics)을 열면 일정에 추가할 수 있습니다.',
  calendarRemove: '첨부된 캘린더 파일을 열면 캘린더에서 이 일정이 삭제됩니다.',
  agendaLink: '내 일정에서 예약 확인 및 관리:',
  consoleLink: '참가기업 관리 페이지 열기:',
  signInExpires: ({ duration, time }) => `이 링크는 한 번만 사용할 수 있으며 ${duration} 후(${time}) 만료됩니다.`,
  signInKeepPrivate: '본인 전용 링크이므로 다른 사람에게 전달하지 마세요.',
  duration: { minutes: (n) => `${n}분`, hours: (n) => `${n}시간`, days: (n) => `${n}일` },
  automated: '본 메일은 발신 전용입니다.',
}

export const mailMessages: Record<Language, MailMessages> = { 'zh-CN': zhCN, en, ko }

