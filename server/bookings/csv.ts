/**
 * The exhibitor's meetings as a CSV file that Excel opens with Chinese and Korean intact: UTF-8 with a byte-order
 * mark, CRLF lines, every field quoted, and formula-like text defused.
 */
import type { ConsoleBooking } from '../../src/booking/api'
import { wallClock } from '../../src/booking/timeZones'
import type { BookingStatus } from '../../src/booking/types'
import type { Language } from '../../src/content/schema'

const HEADERS: Record<Language, string[]> = {
  'zh-CN': ['日期', '开始', '结束', '时区', '方式', '状态', '洽谈桌', '确认码', '议题', '姓名', '公司', '邮箱', '电话', '身份', '视频链接'],
  en: ['Date', 'Start', 'End', 'Time zone', 'Mode', 'Status', 'Table', 'Code', 'Topic', 'Name', 'Company', 'E-mail', 'Phone', 'Role', 'Meeting link'],
  ko: ['날짜', '시작', '종료', '시간대', '방식', '상태', '상담 테이블', '확인 코드', '상담 주제', '이름', '회사', '이메일', '전화', '구분', '화상 회의 링크'],
}

const WORDS: Record<Language, { mode: Record<'online' | 'on-site', string>; status: Record<BookingStatus, string>; notShared: string; role: Record<string, string> }> = {
  'zh-CN': {
    mode: { online: '线上', 'on-site': '现场' },
    status: { requested: '待确认', proposed: '已提议新时间', confirmed: '已确认', declined: '已婉拒', cancelled: '已取消', expired: '已过期' },
    notShared: '访客未同意共享',
    role: { buyer: '采购商', investor: '投资人', media: '媒体', other: '其他' },
  },
  en: {
    mode: { online: 'Online', 'on-site': 'On site' },
    status: { requested: 'Requested', proposed: 'New time proposed', confirmed: 'Confirmed', declined: 'Declined', cancelled: 'Cancelled', expired: 'Expired' },
    notShared: 'Not shared by the visitor',
    role: { buyer: 'Buyer', investor: 'Investor', media: 'Media', other: 'Other' },
  },
  ko: {
    mode: { online: '온라인', 'on-site': '현장' },
    status: { requested: '요청됨', proposed: '새 시간 제안', confirmed: '확정', declined: '거절', cancelled: '취소', expired: '만료' },
    notShared: '방문객이 공유하지 않음',
    role: { buyer: '바이어', investor: '투자자', media: '언론', other: '기타' },
  },
}

/** A cell Excel would run as a formula (=, +, -, @, or a leading tab/CR) gets a leading apostrophe. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** Meetings in the exhibitor's own clock (each meeting's slot zone), headers in the staff member's language. */
export function meetingsCsv(meetings: readonly ConsoleBooking[], language: Language): string {
  const words = WORDS[language]
  const rows = meetings.map((m) => {
    const start = wallClock(m.exhibitorTimeZone, m.start)
    const end = wallClock(m.exhibitorTimeZone, m.end)
    const profile = m.profile
    return [
      start.date,
      start.time,
      end.time,
      m.exhibitorTimeZone,
      words.mode[m.mode],
      words.status[m.status],
      m.tableId.replace(/^table-/, ''),
      m.confirmationCode,
      m.topic,
      profile ? profile.name : words.notShared,
      profile?.company ?? '',
      profile?.email ?? '',
      profile?.phone ?? '',
      profile ? (words.role[profile.role] ?? profile.role) : '',
      m.meetingUrl ?? '',
    ]
  })
  return '\uFEFF' + [HEADERS[language], ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
