/**
 * One conversation as either side sees it: the messages as a live region (new ones are read out by screen
 * readers), plain text only (React escapes it; nothing is ever parsed as markup), and a composer that counts
 * characters as the server does. Shared by the booth panel and the console.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { Language } from '../content/schema'
import { CHAT_TEXT_MAX, LEAD_CONTACT_MAX, characterCount, type ChatMessage } from '../live/chat'
import type { ChatClient, SendFailure, SendResult } from './chatClient'
import { chatText, type ChatTextKey } from './chatText'
import './chat.css'

export interface ChatThreadProps {
  client: ChatClient
  conversationId: string | null
  side: 'visitor' | 'staff'
  language: Language
  /** Names the message log for screen readers ("Messages with …"). */
  partner: string
  /** Staff see visitors by a short code (or their shared name). */
  visitorLabel?: string
  formatTime(at: number): string
  formatSlot?(proposal: NonNullable<ChatMessage['proposal']>): string
  onBookProposal?(proposal: NonNullable<ChatMessage['proposal']>): void
  /** Leave a message for staff who are not online: a contact field and "call me back". */
  leadMode?: boolean
  send(body: { text: string; lead?: { contact: string; callBack: boolean } }): Promise<SendResult>
  /** Extra controls under the composer (the console's "propose a time", "block"). */
  children?: ReactNode
}

const NO_MESSAGES: ChatMessage[] = []

export default function ChatThread(props: ChatThreadProps) {
  const { client, conversationId, side, language } = props
  const tx = (key: ChatTextKey, params?: Record<string, string | number>) => chatText(language, key, params)
  const messages = useStore(client.store, (s) => (conversationId ? (s.threads[conversationId]?.messages ?? NO_MESSAGES) : NO_MESSAGES))
  const blocked = useStore(client.store, (s) => (conversationId ? (s.threads[conversationId]?.blocked ?? false) : false))
  const connected = useStore(client.store, (s) => s.connected)
  const logRef = useRef<HTMLDivElement>(null)
  const [reported, setReported] = useState<Set<number>>(() => new Set())

  // a thread on screen is read: its badge clears on every device of this side
  useEffect(() => {
    if (conversationId && messages.length > 0 && document.visibilityState === 'visible') void client.markRead(conversationId)
  }, [client, conversationId, messages])

  // the newest message in view, without moving the page around it
  useEffect(() => {
    const log = logRef.current
    if (log) log.scrollTop = log.scrollHeight
  }, [messages.length])

  const senderLabel = (message: ChatMessage) => {
    if (message.sender === side) return tx('chat.you')
    if (message.sender === 'staff') return message.staffName || tx('chat.staff')
    return props.visitorLabel ?? tx('chat.visitor', { code: '' })
  }

  return (
    <div className="chat-thread">
      {!connected && <p className="chat-reconnecting">{tx('chat.reconnecting')}</p>}
      <div className="chat-log" role="log" aria-live="polite" aria-label={tx('chat.log', { name: props.partner })} ref={logRef} tabIndex={0}>
        <ol>
        {messages.length === 0 && <li className="chat-empty">{tx('chat.empty')}</li>}
        {messages.map((message) => (
          <li key={message.seq} className={`chat-message from-${message.sender === side ? 'me' : 'them'}${message.hidden ? ' is-hidden' : ''}`}>
            <p className="chat-meta">
              <span className="chat-sender">{senderLabel(message)}</span> <time dateTime={new Date(message.at).toISOString()}>{props.formatTime(message.at)}</time>
              {message.kind === 'lead' && <span className="chat-tag">{tx('chat.lead')}</span>}
            </p>
            {message.hidden ? (
              <p className="chat-text chat-hidden">{tx('chat.hidden')}</p>
            ) : (
              <p className="chat-text">{message.text}</p>
            )}
            {message.lead && message.lead.contact && (
              <p className="chat-lead">{tx(message.lead.callBack ? 'chat.callBackAt' : 'chat.contactAt', { contact: message.lead.contact })}</p>
            )}
            {message.proposal && props.formatSlot && (
              <div className="chat-proposal">
                <p>{tx('chat.proposal', { time: props.formatSlot(message.proposal) })}</p>
                {props.onBookProposal && side === 'visitor' && (
                  <button type="button" className="button-primary" onClick={() => props.onBookProposal!(message.proposal!)}>
                    {tx('chat.bookProposal')}
                  </button>
                )}
              </div>
            )}
            {message.sender !== side && !message.hidden && conversationId && (
              <button
                type="button"
                className="chat-report link-button"
                disabled={reported.has(message.seq)}
                aria-label={reported.has(message.seq) ? tx('chat.reported') : `${tx('chat.reportMessage')}: ${senderLabel(message)} ${props.formatTime(message.at)}`}
                onClick={async () => {
                  if (await client.report(conversationId, message.seq)) setReported((before) => new Set(before).add(message.seq))
                }}
              >
                {reported.has(message.seq) ? tx('chat.reported') : tx('chat.report')}
              </button>
            )}
          </li>
        ))}
        </ol>
      </div>
      {blocked && side === 'visitor' ? <p className="chat-blocked">{tx('chat.blocked')}</p> : <Composer {...props} />}
      {props.children}
    </div>
  )
}

function Composer({ language, leadMode, send }: ChatThreadProps) {
  const tx = (key: ChatTextKey, params?: Record<string, string | number>) => chatText(language, key, params)
  const [text, setText] = useState('')
  const [contact, setContact] = useState('')
  const [callBack, setCallBack] = useState(false)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<SendFailure | null>(null)
  const [leadSent, setLeadSent] = useState(false)
  const id = useId()
  const count = characterCount(text.trim())
  const tooLong = count > CHAT_TEXT_MAX

  const submit = async () => {
    if (sending || count === 0 || tooLong) return
    setSending(true)
    setFailure(null)
    try {
      const result = await send({ text: text.trim(), ...(leadMode ? { lead: { contact: contact.trim(), callBack } } : {}) })
      if (result.ok) {
        setText('')
        if (leadMode) setLeadSent(true)
      } else setFailure(result.failure)
    } finally {
      setSending(false)
    }
  }

  const failureText = (f: SendFailure) =>
    f.code === 'rate-limited'
      ? tx('chat.error.rate', { seconds: f.retryAfterSeconds })
      : f.code === 'blocked'
        ? tx('chat.error.blocked')
        : f.code === 'network'
          ? tx('chat.error.network')
          : tx('chat.error.other', { code: f.detail })

  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={`${id}-text`}>{tx(leadMode ? 'chat.leaveMessage' : 'chat.message')}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={leadMode ? 3 : 2}
        aria-describedby={`${id}-count`}
        aria-invalid={tooLong || undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter sends, Shift+Enter breaks the line (and an IME's Enter only confirms its candidate)
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            void submit()
          }
        }}
      />
      <p id={`${id}-count`} className={`chat-count${tooLong ? ' is-over' : ''}`}>
        {tooLong ? tx('chat.error.tooLong', { max: CHAT_TEXT_MAX }) : tx('chat.count', { count, max: CHAT_TEXT_MAX })}
      </p>
      {leadMode && (
        <>
          <label htmlFor={`${id}-contact`}>{tx('chat.contact')}</label>
          <input id={`${id}-contact`} value={contact} maxLength={LEAD_CONTACT_MAX} autoComplete="tel" onChange={(event) => setContact(event.target.value)} />
          <label className="chat-check">
            <input type="checkbox" checked={callBack} onChange={(event) => setCallBack(event.target.checked)} /> {tx('chat.callBack')}
          </label>
        </>
      )}
      <button type="submit" className="button-primary" disabled={sending || count === 0 || tooLong}>
        {tx(sending ? 'chat.sending' : leadMode ? 'chat.leaveMessage' : 'chat.send')}
      </button>
      <div role="alert" className="chat-error">
        {failure && failureText(failure)}
      </div>
      {leadSent && (
        <p role="status" className="chat-sent">
          {tx('chat.leadSent')}
        </p>
      )}
    </form>
  )
}
