/**
 * Booth chat, kept in PostgreSQL: one conversation per visitor and exhibitor. Each message takes the next number
 * under its conversation's row lock inside the idempotent change's transaction, so numbers commit in order and a
 * client resuming "after n" never misses one. Who may see what: a visitor their own conversations; staff their
 * exhibitor's; organisers reported messages (to hide them). Every change NOTIFYs on commit (see chatHub.ts).
 */
import { randomUUID } from 'node:crypto'
import type { BookingService } from '../bookings/service'
import {
  STAFF_ONLINE_TTL_MS,
  type BoothChat,
  type ChatMessage,
  type ConversationSummary,
  type ReportedMessage,
  type StaffMessageBody,
  type VisitorMessageBody,
} from '../../src/live/chat'
import { constraintOf, type Database, type Queryable } from '../db/database'
import { ApiFailure, forbidden, notFound } from '../http/errors'
import { changeOnce, type NoticeOutbox, type StoredAnswer } from '../http/idempotency'
import { at, ms } from '../bookings/rows'
import type { ChangeRequest } from '../http/idempotency'

export const CHAT_CHANNEL = 'expo_chat'

/** What a chat notice says: ids only, never text; each process tells its own sockets. */
export interface ChatNotice {
  kind: 'message' | 'read' | 'blocked' | 'hidden' | 'report' | 'staff'
  exhibitorId: string
  conversationId?: string
  visitorId?: string
}

const MESSAGE_COLUMNS = `m.conversation_id, m.seq, m.sender, s.name as staff_name, m.kind, m.body, m.contact, m.call_back,
  ${ms('m.proposed_start')} as proposed_start, ${ms('m.proposed_end')} as proposed_end, m.proposed_mode,
  m.hidden_at is not null as hidden, ${ms('m.created_at')} as created_at`

interface MessageRow {
  conversation_id: string
  seq: number
  sender: 'visitor' | 'staff'
  staff_name: string | null
  kind: ChatMessage['kind']
  body: string
  contact: string | null
  call_back: boolean
  proposed_start: number | null
  proposed_end: number | null
  proposed_mode: 'online' | 'on-site' | null
  hidden: boolean
  created_at: number
}

/** Hidden messages keep their place and kind but not their words, for everyone but the organiser's review. */
function toMessage(row: MessageRow, reveal = false): ChatMessage {
  const hidden = row.hidden && !reveal
  return {
    conversationId: row.conversation_id,
    seq: row.seq,
    sender: row.sender,
    staffName: row.sender === 'staff' ? (row.staff_name ?? '') : null,
    kind: row.kind,
    text: hidden ? '' : row.body,
    hidden: row.hidden,
    ...(row.kind === 'lead' && !hidden ? { lead: { contact: row.contact ?? '', callBack: row.call_back } } : {}),
    ...(row.kind === 'proposal' ? { proposal: { start: row.proposed_start!, end: row.proposed_end!, mode: row.proposed_mode! } } : {}),
    at: row.created_at,
  }
}

/** At most this many messages per fetch; a client asks again "after" the last one it got. */
const PAGE = 200

export type Viewer = { visitorId: string } | { exhibitorId: string }

export class ChatService {
  constructor(
    private readonly options: { db: Database; bookings: BookingService; now: () => number },
  ) {}

  private get db() {
    return this.options.db
  }

  /** What the booth panel shows: whether staff are online and the visitor's conversation with this booth. */
  async boothChat(exhibitorId: string, visitorId: string | undefined): Promise<BoothChat> {
    const staffOnline = await this.staffOnline(exhibitorId)
    if (!visitorId) return { exhibitorId, staffOnline, conversation: null }
    const { rows } = await this.db.query<{ id: string; blocked: boolean; visitor_read_seq: number }>(
      'select id, blocked_at is not null as blocked, visitor_read_seq from conversations where exhibitor_id = $1 and visitor_id = $2',
      [exhibitorId, visitorId],
    )
    const row = rows[0]
    if (!row) return { exhibitorId, staffOnline, conversation: null }
    return { exhibitorId, staffOnline, conversation: { id: row.id, blocked: row.blocked, messages: await this.messagesOf(row.id, 0), readUpTo: row.visitor_read_seq } }
  }

  async staffOnline(exhibitorId: string): Promise<boolean> {
    // the database's clock, which every process shares (tests move the rules' clock, not this one)
    const { rows } = await this.db.query<{ online: boolean }>(
      `select exists (select 1 from staff_presence where exhibitor_id = $1 and seen_at > now() - $2 * interval '1 millisecond') as online`,
      [exhibitorId, STAFF_ONLINE_TTL_MS],
    )
    return rows[0]?.online ?? false
  }

  /** A visitor writes to a booth: the conversation is made on the first message. */
  visitorSend(visitorId: string, exhibitorId: string, body: VisitorMessageBody, change: ChangeRequest) {
    return this.change(change, async (tx, notices, now) => {
      await tx.query(
        `insert into conversations (id, exhibitor_id, visitor_id, last_message_at, created_at) values ($1, $2, $3, ${at('$4')}, ${at('$4')})
         on conflict (exhibitor_id, visitor_id) do nothing`,
        [randomUUID(), exhibitorId, visitorId, now],
      )
      const conversation = await this.lockConversation(tx, { exhibitorId, visitorId })
      if (conversation.blocked) throw forbidden('chat-blocked', 'This exhibitor no longer takes messages from you')
      const message = await this.insertMessage(tx, conversation.id, {
        sender: 'visitor',
        kind: body.lead ? 'lead' : 'text',
        text: body.text,
        contact: body.lead?.contact || null,
        callBack: body.lead?.callBack ?? false,
        now,
      })
      await tx.query(
        `update conversations set visitor_read_seq = $2, last_message_at = ${at('$3')}${body.lead ? `, open_lead_at = coalesce(open_lead_at, ${at('$3')})` : ''} where id = $1`,
        [conversation.id, message.seq, now],
      )
      notices.push({ kind: 'message', exhibitorId, conversationId: conversation.id, visitorId })
      return { status: 201, body: { message } }
    })
  }

  /**
   * Staff answer (which answers an open lead) or propose a time: only one of their exhibitor's free slots. The
   * proposal is an offer, checked before the change (with PGlite the change holds the one connection): the visitor
   * books it through the ordinary booking rules, which have the last word if it was taken meanwhile.
   */
  async staffSend(staff: { id: string; exhibitorId: string }, conversationId: string, body: StaffMessageBody, change: ChangeRequest) {
    const proposal = 'proposal' in body ? body.proposal : undefined
    if (proposal) {
      const free = await this.options.bookings.freeSlots(staff.exhibitorId, { from: proposal.start, to: proposal.end })
      const offered = free?.slots.some((slot) => slot.start === proposal.start && slot.end === proposal.end && slot.mode === proposal.mode && slot.tablesLeft > 0)
      if (!offered) throw new ApiFailure(409, 'slot-unavailable', 'That time is not one of your free slots (any more)')
    }
    return this.change(change, async (tx, notices, now) => {
      const conversation = await this.lockConversation(tx, { conversationId, exhibitorId: staff.exhibitorId })
      const message = await this.insertMessage(tx, conversation.id, {
        sender: 'staff',
        staffId: staff.id,
        kind: proposal ? 'proposal' : 'text',
        text: body.text,
        proposal,
        now,
      })
      await tx.query(`update conversations set staff_read_seq = $2, last_message_at = ${at('$3')}, open_lead_at = null where id = $1`, [conversation.id, message.seq, now])
      notices.push({ kind: 'message', exhibitorId: staff.exhibitorId, conversationId: conversation.id, visitorId: conversation.visitorId })
      return { status: 201, body: { message } }
    })
  }

  /** Messages after `after` (a resumed client's last one), for one side of the conversation. */
  async messages(conversationId: string, viewer: Viewer, after: number): Promise<{ messages: ChatMessage[]; readUpTo: number; blocked: boolean }> {
    const conversation = await this.conversationFor(this.db, conversationId, viewer)
    return {
      messages: await this.messagesOf(conversationId, after),
      readUpTo: 'visitorId' in viewer ? conversation.visitorReadSeq : conversation.staffReadSeq,
      blocked: conversation.blocked,
    }
  }

  /** One side read up to `upTo`: its unread badge clears everywhere that side is signed in. */
  async read(conversationId: string, viewer: Viewer, upTo: number): Promise<void> {
    const conversation = await this.conversationFor(this.db, conversationId, viewer)
    const column = 'visitorId' in viewer ? 'visitor_read_seq' : 'staff_read_seq'
    await this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(`update conversations set ${column} = least($2, last_seq) where id = $1 and ${column} < least($2, last_seq)`, [conversationId, upTo])
      if (rowCount > 0) await publish(tx, [{ kind: 'read', exhibitorId: conversation.exhibitorId, conversationId, visitorId: conversation.visitorId }])
    })
  }

  async visitorConversations(visitorId: string): Promise<ConversationSummary[]> {
    return this.summaries('c.visitor_id = $1', [visitorId], 'visitor')
  }

  async staffConversations(exhibitorId: string): Promise<ConversationSummary[]> {
    return this.summaries('c.exhibitor_id = $1', [exhibitorId], 'staff')
  }

  async setBlocked(exhibitorId: string, conversationId: string, blocked: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      const conversation = await this.lockConversation(tx, { conversationId, exhibitorId })
      await tx.query(`update conversations set blocked_at = ${blocked ? at('$2') : 'null'} where id = $1`, blocked ? [conversationId, this.options.now()] : [conversationId])
      await publish(tx, [{ kind: 'blocked', exhibitorId, conversationId, visitorId: conversation.visitorId }])
    })
  }

  /** A visitor reports a staff message in their conversation, or staff a visitor's: once per reporter and message. */
  async report(reporter: { kind: 'visitor'; visitorId: string } | { kind: 'staff'; staffId: string; exhibitorId: string }, conversationId: string, seq: number, reason: string): Promise<void> {
    const viewer: Viewer = reporter.kind === 'visitor' ? { visitorId: reporter.visitorId } : { exhibitorId: reporter.exhibitorId }
    const conversation = await this.conversationFor(this.db, conversationId, viewer)
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ sender: string }>('select sender from chat_messages where conversation_id = $1 and seq = $2', [conversationId, seq])
      if (!rows[0]) throw notFound('not-found', 'No such message')
      // one reports what the other side said, not one's own words
      if (rows[0].sender === reporter.kind) throw new ApiFailure(422, 'own-message', 'You cannot report your own message')
      const { rowCount } = await tx.query(
        `insert into chat_reports (conversation_id, seq, reporter_kind, reporter_id, reason, created_at) values ($1, $2, $3, $4, $5, ${at('$6')}) on conflict do nothing`,
        [conversationId, seq, reporter.kind, reporter.kind === 'visitor' ? reporter.visitorId : reporter.staffId, reason, this.options.now()],
      )
      if (rowCount > 0) await publish(tx, [{ kind: 'report', exhibitorId: conversation.exhibitorId, conversationId }])
    })
  }

  /** The organiser's review queue: messages reported and not yet dealt with, words shown so they can judge. */
  async openReports(): Promise<ReportedMessage[]> {
    const { rows } = await this.db.query<MessageRow & { report_id: number; exhibitor_id: string; reporter_kind: 'visitor' | 'staff'; reason: string; reported_at: number }>(
      `select r.id as report_id, c.exhibitor_id, r.reporter_kind, r.reason, ${ms('r.created_at')} as reported_at, ${MESSAGE_COLUMNS}
       from chat_reports r join chat_messages m on m.conversation_id = r.conversation_id and m.seq = r.seq
       join conversations c on c.id = r.conversation_id left join staff s on s.id = m.staff_id
       where r.resolved_at is null order by r.created_at limit 200`,
    )
    return rows.map((row) => ({ reportId: row.report_id, exhibitorId: row.exhibitor_id, message: toMessage(row, true), reporter: row.reporter_kind, reason: row.reason, at: row.reported_at }))
  }

  /** The organiser hides (or shows again) a message; its reports are dealt with either way. */
  async setHidden(organiserId: string, conversationId: string, seq: number, hidden: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ exhibitor_id: string; visitor_id: string }>(
        `update chat_messages m set hidden_at = ${hidden ? at('$3') : 'null'}, hidden_by = ${hidden ? '$4::uuid' : 'null'}
         from conversations c where c.id = m.conversation_id and m.conversation_id = $1 and m.seq = $2
         returning c.exhibitor_id, c.visitor_id`,
        hidden ? [conversationId, seq, this.options.now(), organiserId] : [conversationId, seq],
      )
      if (!rows[0]) throw notFound('not-found', 'No such message')
      await tx.query(`update chat_reports set resolved_at = ${at('$3')} where conversation_id = $1 and seq = $2 and resolved_at is null`, [conversationId, seq, this.options.now()])
      await publish(tx, [{ kind: 'hidden', exhibitorId: rows[0].exhibitor_id, conversationId, visitorId: rows[0].visitor_id }])
    })
  }

  // — internals —

  private async change(change: ChangeRequest, work: (tx: Queryable, notices: ChatNotice[], now: number) => Promise<StoredAnswer>) {
    try {
      return await changeOnce(this.db, change, this.options.now(), CHAT_OUTBOX, work)
    } catch (error) {
      // a block that landed between the check and the insert: the database's trigger had the last word
      if (constraintOf(error) === 'chat_visitor_blocked') throw forbidden('chat-blocked', 'This exhibitor no longer takes messages from you')
      throw error
    }
  }

  private async insertMessage(
    tx: Queryable,
    conversationId: string,
    message: { sender: 'visitor' | 'staff'; staffId?: string; kind: ChatMessage['kind']; text: string; contact?: string | null; callBack?: boolean; proposal?: { start: number; end: number; mode: string }; now: number },
  ): Promise<ChatMessage> {
    const { rows } = await tx.query<MessageRow>(
      `with next as (update conversations set last_seq = last_seq + 1 where id = $1 returning last_seq)
       insert into chat_messages (conversation_id, seq, sender, staff_id, kind, body, contact, call_back, proposed_start, proposed_end, proposed_mode, created_at)
       select $1, next.last_seq, $2, $3, $4, $5, $6, $7, ${at('$8')}, ${at('$9')}, $10, ${at('$11')} from next
       returning conversation_id, seq, sender, (select name from staff where id = $3) as staff_name, kind, body, contact, call_back,
         ${ms('proposed_start')} as proposed_start, ${ms('proposed_end')} as proposed_end, proposed_mode, hidden_at is not null as hidden, ${ms('created_at')} as created_at`,
      [
        conversationId,
        message.sender,
        message.staffId ?? null,
        message.kind,
        message.text,
        message.contact ?? null,
        message.callBack ?? false,
        message.proposal?.start ?? null,
        message.proposal?.end ?? null,
        message.proposal?.mode ?? null,
        message.now,
      ],
    )
    return toMessage(rows[0])
  }

  private async lockConversation(tx: Queryable, which: { conversationId: string; exhibitorId: string } | { exhibitorId: string; visitorId: string }) {
    const { rows } = await tx.query<{ id: string; visitor_id: string; blocked: boolean }>(
      'conversationId' in which
        ? 'select id, visitor_id, blocked_at is not null as blocked from conversations where id = $1 and exhibitor_id = $2 for update'
        : 'select id, visitor_id, blocked_at is not null as blocked from conversations where exhibitor_id = $1 and visitor_id = $2 for update',
      'conversationId' in which ? [which.conversationId, which.exhibitorId] : [which.exhibitorId, which.visitorId],
    )
    if (!rows[0]) throw notFound('not-found', 'No such conversation')
    return { id: rows[0].id, visitorId: rows[0].visitor_id, blocked: rows[0].blocked }
  }

  /** The conversation if the viewer is one of its two sides; otherwise it does not exist for them. */
  private async conversationFor(tx: Queryable, conversationId: string, viewer: Viewer) {
    const { rows } = await tx.query<{ exhibitor_id: string; visitor_id: string; visitor_read_seq: number; staff_read_seq: number; blocked: boolean }>(
      `select exhibitor_id, visitor_id, visitor_read_seq, staff_read_seq, blocked_at is not null as blocked from conversations
       where id = $1 and ${'visitorId' in viewer ? 'visitor_id = $2' : 'exhibitor_id = $2'}`,
      [conversationId, 'visitorId' in viewer ? viewer.visitorId : viewer.exhibitorId],
    )
    const row = rows[0]
    if (!row) throw notFound('not-found', 'No such conversation')
    return { exhibitorId: row.exhibitor_id, visitorId: row.visitor_id, visitorReadSeq: row.visitor_read_seq, staffReadSeq: row.staff_read_seq, blocked: row.blocked }
  }

  private async messagesOf(conversationId: string, after: number): Promise<ChatMessage[]> {
    const { rows } = await this.db.query<MessageRow>(
      `select ${MESSAGE_COLUMNS} from chat_messages m left join staff s on s.id = m.staff_id
       where m.conversation_id = $1 and m.seq > $2 order by m.seq limit ${PAGE}`,
      [conversationId, after],
    )
    return rows.map((row) => toMessage(row))
  }

  private async summaries(where: string, params: unknown[], side: 'visitor' | 'staff'): Promise<ConversationSummary[]> {
    const other = side === 'visitor' ? 'staff' : 'visitor'
    const readColumn = side === 'visitor' ? 'visitor_read_seq' : 'staff_read_seq'
    const { rows } = await this.db.query<
      { id: string; exhibitor_id: string; visitor_name: string | null; unread: number; open_lead: boolean; blocked: boolean; last_message_at: number } & Partial<MessageRow> & { last_seq: number }
    >(
      `select c.id, c.exhibitor_id, c.last_seq, ${ms('c.last_message_at')} as last_message_at, c.open_lead_at is not null as open_lead, c.blocked_at is not null as blocked,
         (select count(*)::int from chat_messages u where u.conversation_id = c.id and u.sender = '${other}' and u.seq > c.${readColumn} and u.hidden_at is null) as unread,
         ${side === 'staff' ? `(select b.profile->>'name' from bookings b where b.visitor_id = c.visitor_id and b.exhibitor_id = c.exhibitor_id and b.share_profile order by b.created_at desc limit 1)` : 'null'} as visitor_name,
         ${MESSAGE_COLUMNS}
       from conversations c
       left join chat_messages m on m.conversation_id = c.id and m.seq = c.last_seq
       left join staff s on s.id = m.staff_id
       where ${where} order by c.last_message_at desc limit 500`,
      params,
    )
    return rows.map((row) => ({
      id: row.id,
      exhibitorId: row.exhibitor_id,
      visitor: { name: row.visitor_name, code: visitorCode(row.id) },
      lastMessage: row.seq ? toMessage(row as MessageRow) : null,
      unread: row.unread,
      openLead: row.open_lead,
      blocked: row.blocked,
      lastMessageAt: row.last_message_at,
    }))
  }
}

/** A short label that tells conversations apart without saying who the visitor is: from the conversation, not the visitor. */
export const visitorCode = (conversationId: string) => conversationId.replace(/-/g, '').slice(0, 4).toUpperCase()

/** Queued in the transaction; PostgreSQL delivers them on commit, to every process. */
export async function publish(tx: Queryable, notices: ChatNotice[]): Promise<void> {
  for (const notice of notices) await tx.query('select pg_notify($1, $2)', [CHAT_CHANNEL, JSON.stringify(notice)])
}

/** A chat change's notices: a list, each queued as it is. */
const CHAT_OUTBOX: NoticeOutbox<ChatNotice[]> = { open: () => [], publish }
