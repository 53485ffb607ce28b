/**
 * Booth chat between a visitor and an exhibitor's staff: what either side may send and what both read back.
 * Shared by the app, the console and the server, validated on both sides; pure TypeScript.
 *
 * Text only: a message is stored and shown as plain text, never as markup. Its length is counted in characters
 * (code points), as the database's check counts them, so an emoji is one character on both sides.
 */
import { z } from 'zod'
import { instantSchema } from '../booking/api'

export const CHAT_TEXT_MAX = 1_000
export const LEAD_CONTACT_MAX = 200
export const REPORT_REASON_MAX = 500
/** Messages one visitor or one staff member may send per minute, across conversations (the API refuses more with 429). */
export const CHAT_MESSAGES_PER_MINUTE = 20
/** Staff whose console went quiet count as offline after this long (a closed laptop sends no goodbye). */
export const STAFF_ONLINE_TTL_MS = 45_000

export const characterCount = (text: string): number => [...text].length

/** Control characters other than line breaks and tabs are refused: PostgreSQL cannot store NUL, and the rest only hide text. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

export const chatTextSchema = z
  .string()
  .trim()
  .min(1, 'chat.empty')
  .refine((text) => characterCount(text) <= CHAT_TEXT_MAX, 'chat.tooLong')
  .refine((text) => !FORBIDDEN_CONTROLS.test(text), 'chat.controlCharacters')

export const conversationIdSchema = z.uuid('is not a conversation id')
export const messageSeqSchema = z.number().int().min(1).max(2_000_000_000)

/** A visitor's message; with `lead`, it was left for staff who were not online (optionally asking for a call back). */
export const visitorMessageBodySchema = z.strictObject({
  text: chatTextSchema,
  lead: z
    .strictObject({
      contact: z.string().trim().max(LEAD_CONTACT_MAX, 'chat.contactTooLong').refine((text) => !FORBIDDEN_CONTROLS.test(text), 'chat.controlCharacters'),
      callBack: z.boolean(),
    })
    .optional(),
})
export type VisitorMessageBody = z.infer<typeof visitorMessageBodySchema>

/** Staff answer with text, or propose a time: one of the exhibitor's free slots, which the visitor may book. */
export const staffMessageBodySchema = z.union([
  z.strictObject({ text: chatTextSchema }),
  z.strictObject({
    text: chatTextSchema,
    proposal: z.strictObject({ start: instantSchema, end: instantSchema, mode: z.enum(['online', 'on-site']) }),
  }),
])
export type StaffMessageBody = z.infer<typeof staffMessageBodySchema>

export const readBodySchema = z.strictObject({ upTo: messageSeqSchema })
export const blockBodySchema = z.strictObject({ blocked: z.boolean() })
export const hideBodySchema = z.strictObject({ hidden: z.boolean() })
export const reportBodySchema = z.strictObject({ reason: z.string().trim().max(REPORT_REASON_MAX).optional() })

export interface ChatMessage {
  conversationId: string
  seq: number
  sender: 'visitor' | 'staff'
  /** The staff member's name as they set it in the console (never an email); null for the visitor. */
  staffName: string | null
  kind: 'text' | 'lead' | 'proposal'
  /** Empty when the organiser hid the message: readers see that a message was hidden, not what it said. */
  text: string
  hidden: boolean
  lead?: { contact: string; callBack: boolean }
  proposal?: { start: number; end: number; mode: 'online' | 'on-site' }
  at: number
}

/** One conversation as a list shows it. */
export interface ConversationSummary {
  id: string
  exhibitorId: string
  /** What staff see of the visitor: their name only where they shared their profile on a booking with this exhibitor; else a short code made from the conversation. */
  visitor: { name: string | null; code: string }
  lastMessage: ChatMessage | null
  /** Messages from the other side after this side's read mark. */
  unread: number
  openLead: boolean
  blocked: boolean
  lastMessageAt: number
}

/** What a visitor's booth panel needs: whether anyone is there to answer, and the visitor's conversation if any. */
export interface BoothChat {
  exhibitorId: string
  staffOnline: boolean
  conversation: { id: string; blocked: boolean; messages: ChatMessage[]; readUpTo: number } | null
}

export interface ReportedMessage {
  reportId: number
  exhibitorId: string
  message: ChatMessage
  reporter: 'visitor' | 'staff'
  reason: string
  at: number
}

/** Unread messages for one side: the other side's visible messages after its read mark. */
export function unreadFor(side: 'visitor' | 'staff', messages: readonly ChatMessage[], readUpTo: number): number {
  return messages.filter((message) => message.sender !== side && message.seq > readUpTo && !message.hidden).length
}

/** Merges fetched messages into those held, by sequence number: a resumed fetch or a repeated event never duplicates one. */
export function mergeMessages(held: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return held as ChatMessage[]
  const bySeq = new Map(held.map((message) => [message.seq, message]))
  for (const message of incoming) bySeq.set(message.seq, message)
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}
