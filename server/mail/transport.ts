/** Hands a mail to SMTP, or in development to an outbox of .eml files (or memory) that a developer reads instead. */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type { ServerConfig } from '../config'

export interface OutgoingMail {
  to: string
  subject: string
  /** Plain text; the mails have no HTML part. */
  text: string
  /** An iCalendar file, attached as invite.ics. */
  ics?: string | null
  /** Its METHOD line's value (PUBLISH), repeated in the attachment's content type as RFC 6047 asks. */
  icsMethod?: string | null
  /** Unique to the mail and the same on every retry, for its Message-ID: a receiver can tell a resend from a second mail. */
  messageKey?: string
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox-folder' | 'memory'
  /** Resolves once the mail is handed over (accepted by the SMTP server, or written); rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>
  close(): Promise<void>
}

/** A mail of the development outbox, as the developer endpoint and tests read it. */
export interface DevOutboxMail {
  to: string
  subject: string
  text: string
  /** Every http(s) address in the text: sign-in links, the agenda, the console. */
  links: string[]
  /** When it was written, epoch milliseconds. */
  at: number
}

export const ICS_ATTACHMENT_NAME = 'invite.ics'
export const DEV_OUTBOX_FOLDER = 'outbox'
const MEMORY = 'memory://'
/** A long-running development server with an in-memory database keeps this many mails. */
const MEMORY_OUTBOX_LIMIT = 500

/**
 * Bounded waits, so one stuck server cannot hold a claimed mail longer than the outbox worker's lease (nodemailer's
 * defaults are 2 minutes to connect and 10 minutes of socket silence).
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }

/** The development outboxes of 'memory://' data folders: raw mails, newest last. */
const memoryOutbox: { raw: string; at: number }[] = []

export function createMailTransport(config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom' | 'dataDir'>): MailTransport {
  if (config.smtpUrl) return smtpTransport(config.smtpUrl, config.mailFrom)
  return devOutboxTransport(config.dataDir, config.mailFrom)
}

/**
 * The .ics goes as an attachment only, not also as nodemailer's `icalEvent` (a text/calendar alternative body):
 * Outlook turns a message with such a part into a calendar item and shows the event instead of the text, which
 * carries what the file does not (the reason, the link to the agenda); and the file is METHOD:PUBLISH with no
 * ORGANIZER, which Gmail and Outlook do not treat as an invitation to answer anyway. As an attachment, every
 * client offers to open or import it, and the cancelled file with the same UID removes the event.
 */
function messageOf(mail: OutgoingMail, from: string, at: number) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    date: new Date(at),
    ...(mail.messageKey ? { messageId: `<${mail.messageKey}@${domainOf(from)}>` } : {}),
    attachments: mail.ics
      ? [{ filename: ICS_ATTACHMENT_NAME, content: mail.ics, contentType: `text/calendar; charset=utf-8; method=${mail.icsMethod ?? 'PUBLISH'}` }]
      : [],
  }
}

/** The sender's domain, for Message-IDs (receivers' filters expect one that belongs to the sender). */
const domainOf = (from: string) => /@([^\s>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost'

function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS })
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail(messageOf(mail, from, Date.now()))
    },
    async close() {
      transporter.close()
    },
  }
}

function devOutboxTransport(dataDir: string, from: string): MailTransport {
  // streamTransport builds the exact RFC 822 message SMTP would carry: encoded UTF-8 headers, MIME parts, CRLF lines
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  const inMemory = dataDir === MEMORY
  const folder = join(dataDir, DEV_OUTBOX_FOLDER)
  return {
    kind: inMemory ? 'memory' : 'outbox-folder',
    async send(mail) {
      const at = Date.now()
      const info = await composer.sendMail(messageOf(mail, from, at))
      const raw = Buffer.isBuffer(info.message) ? info.message : Buffer.from(String(info.message))
      if (inMemory) {
        memoryOutbox.push({ raw: raw.toString('utf8'), at })
        if (memoryOutbox.length > MEMORY_OUTBOX_LIMIT) memoryOutbox.splice(0, memoryOutbox.length - MEMORY_OUTBOX_LIMIT)
        return
      }
      mkdirSync(folder, { recursive: true })
      writeNewFile(folder, `${fileTime(at)}-${fileSafe(mail.to)}-${slug(mail.subject)}`, raw)
    },
    async close() {
      composer.close()
    },
  }
}

/** Writes without overwriting: two mails in one millisecond to one address with one subject get -2, -3… */
function writeNewFile(folder: string, stem: string, data: Buffer): void {
  for (let n = 1; ; n++) {
    try {
      writeFileSync(join(folder, `${stem}${n === 1 ? '' : `-${n}`}.eml`), data, { flag: 'wx' })
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error
    }
  }
}

/** ISO time with the colons and dot as dashes (Windows forbids colons in file names): 2021-11-19T02-00-00-000Z. */
const fileTime = (at: number) => new Date(at).toISOString().replace(/[:.]/g, '-')
const FILE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/
const timeOfFile = (name: string) => {
  const match = FILE_TIME.exec(name)
  return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : NaN
}
const fileSafe = (address: string) => address.toLowerCase().replace(/[^a-z0-9@._+-]/g, '_').slice(0, 80)
/** Letters of any script are kept, so a Chinese or Korean subject still names its file. */
const slug = (subject: string) =>
  // by code point, so a cut never splits a character
  [...subject.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+/, '')]
    .slice(0, 48)
    .join('')
    .replace(/-+$/, '') || 'mail'

/** The development outbox's mails, newest first: the .eml files of `${dataDir}/outbox`, or the in-memory list. */
export function readDevOutbox(dataDir: string): DevOutboxMail[] {
  if (dataDir === MEMORY) return memoryOutbox.map(({ raw, at }) => ({ ...readEml(raw), at })).reverse()
  const folder = join(dataDir, DEV_OUTBOX_FOLDER)
  let names: string[]
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.eml'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names
    .map((name) => {
      const path = join(folder, name)
      const at = timeOfFile(name)
      return { name, mail: { ...readEml(readFileSync(path, 'utf8')), at: Number.isNaN(at) ? statSync(path).mtimeMs : at } }
    })
    .sort((a, b) => b.mail.at - a.mail.at || (a.name < b.name ? 1 : -1))
    .map(({ mail }) => mail)
}

// — a minimal reader for the messages nodemailer writes: enough for To, Subject and the plain-text part —

interface Part {
  headers: Map<string, string>
  body: string
}

function splitPart(raw: string): Part {
  const end = raw.search(/\r?\n\r?\n/)
  const head = end < 0 ? raw : raw.slice(0, end)
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '')
  const headers = new Map<string, string>()
  // folded header lines continue with whitespace
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(header)
  return match?.[1]
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const charset = parameter(part.headers.get('content-type') ?? '', 'charset') ?? 'utf-8'
  const bytes =
    encoding === 'base64'
      ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(part.body.replace(/=\r?\n/g, ''))
        : Buffer.from(part.body, 'utf8')
  return decoderFor(charset).decode(bytes).replace(/\r\n/g, '\n')
}

/** A file someone else dropped into the folder may name a charset TextDecoder does not know: read it as UTF-8. */
function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset)
  } catch {
    return new TextDecoder('utf-8')
  }
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'))
    }
  }
  return Buffer.from(bytes)
}

/** RFC 2047 encoded words; adjacent ones are joined before decoding, since one character may span two. */
function decodeHeader(value: string): string {
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)(\s+(=\?[^?]+\?[BbQq]\?[^?]*\?=))*/g, (run) => {
    const words = [...run.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)]
    const bytes = Buffer.concat(
      words.map(([, , encoding, text]) =>
        encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text.replace(/_/g, ' ')),
      ),
    )
    return decoderFor(words[0][1]).decode(bytes)
  })
}

function plainText(part: Part): string | undefined {
  const type = part.headers.get('content-type') ?? 'text/plain'
  if (/^multipart\//i.test(type)) {
    const boundary = parameter(type, 'boundary')
    if (!boundary) return undefined
    for (const section of part.body.split(`--${boundary}`).slice(1)) {
      if (section.startsWith('--')) break
      const text = plainText(splitPart(section.replace(/^\r?\n/, '').replace(/\r?\n$/, '')))
      if (text !== undefined) return text
    }
    return undefined
  }
  const attachment = /^attachment/i.test(part.headers.get('content-disposition') ?? '')
  return /^text\/plain/i.test(type) && !attachment ? decodeBody(part) : undefined
}

function readEml(raw: string): Omit<DevOutboxMail, 'at'> {
  const message = splitPart(raw)
  const text = plainText(message) ?? ''
  const links = [...text.matchAll(/https?:\/\/[^\s<>"'（）「」，。、]+/g)].map(([link]) => link.replace(/[.,;:!?)]+$/, ''))
  return {
    to: decodeHeader(message.headers.get('to') ?? ''),
    subject: decodeHeader(message.headers.get('subject') ?? ''),
    text,
    links,
  }
}
