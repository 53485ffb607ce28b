/**
 * The console's messages: every conversation with visitors, newest first, with unread badges and open leads;
 * a conversation opens beside the list (alone on phones) to answer, propose a free time or block the visitor.
 */
import { useEffect, useId, useState } from 'react'
import { useStore } from 'zustand'
import { bookableWindow } from '../booking/slots'
import type { Slot } from '../booking/types'
import type { ChatClient } from '../chat/chatClient'
import ChatThread from '../chat/ChatThread'
import { chatText } from '../chat/chatText'
import type { ConversationSummary } from '../live/chat'
import { consoleApi, type ConsoleMe } from './api'
import { formatDayAndTime, formatTimeRange } from './format'
import { useLanguage, useT } from './i18n'
import ViewHeading from './ViewHeading'

export default function Messages({ client, me }: { client: ChatClient; me: ConsoleMe }) {
  const t = useT()
  const language = useLanguage()
  const conversations = useStore(client.store, (s) => s.conversations)
  const [openId, setOpenId] = useState<string | null>(null)
  const open = conversations?.find((c) => c.id === openId) ?? null
  const zone = me.exhibitor.availability.timeZone
  const label = (c: ConversationSummary) => c.visitor.name ?? chatText(language, 'chat.visitor', { code: c.visitor.code })

  useEffect(() => {
    if (openId) void client.refreshThread(openId)
  }, [client, openId])

  return (
    <section className="console-messages">
      <ViewHeading>{t('messages.heading')}</ViewHeading>
      {conversations?.length === 0 && <p>{t('messages.empty')}</p>}
      <div className={`messages-layout${open ? ' has-open' : ''}`}>
        {conversations && conversations.length > 0 && (
          <nav className="messages-list" aria-label={t('messages.list')}>
            <ul>
              {conversations.map((c) => (
                <li key={c.id}>
                  <button type="button" aria-current={c.id === openId ? 'true' : undefined} onClick={() => setOpenId(c.id)}>
                    <span className="messages-who">{label(c)}</span>
                    {c.openLead && <span className="chat-tag">{t('messages.lead')}</span>}
                    {c.unread > 0 && (
                      <span className="badge console-badge">
                        <span aria-hidden="true">{c.unread}</span>
                        <span className="visually-hidden">{chatText(language, 'chat.unread', { count: c.unread })}</span>
                      </span>
                    )}
                    <span className="messages-preview">{c.lastMessage?.hidden ? chatText(language, 'chat.hidden') : (c.lastMessage?.text ?? '')}</span>
                    <span className="messages-when">{formatDayAndTime(c.lastMessageAt, zone, language)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {open ? (
          <div className="messages-thread">
            <button type="button" className="link-button messages-back" onClick={() => setOpenId(null)}>
              ← {t('messages.back')}
            </button>
            <h3>{label(open)}</h3>
            {open.blocked && <p className="chat-blocked">{t('messages.blockedNote')}</p>}
            <ChatThread
              client={client}
              conversationId={open.id}
              side="staff"
              language={language}
              partner={label(open)}
              visitorLabel={label(open)}
              formatTime={(at) => formatDayAndTime(at, zone, language)}
              formatSlot={(slot) => formatTimeRange(slot.start, slot.end, zone, language)}
              send={(body) => client.sendToConversation(open.id, { text: body.text })}
            >
              <ProposeTime client={client} conversationId={open.id} zone={zone} />
              <button type="button" onClick={() => void client.setBlocked(open.id, !open.blocked)}>
                {t(open.blocked ? 'messages.unblock' : 'messages.block')}
              </button>
            </ChatThread>
          </div>
        ) : (
          conversations && conversations.length > 0 && <p className="messages-select">{t('messages.select')}</p>
        )}
      </div>
    </section>
  )
}

/** One of the exhibitor's free slots, sent into the conversation; the visitor books it through the ordinary rules. */
function ProposeTime({ client, conversationId, zone }: { client: ChatClient; conversationId: string; zone: string }) {
  const t = useT()
  const language = useLanguage()
  const id = useId()
  const [slots, setSlots] = useState<Slot[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [failed, setFailed] = useState(false)
  const [opened, setOpened] = useState(false)

  useEffect(() => {
    if (!opened) return
    let current = true
    consoleApi.freeSlots(bookableWindow(Date.now())).then(
      (free) => current && setSlots(free.slice(0, 200)),
      () => current && setFailed(true),
    )
    return () => {
      current = false
    }
  }, [opened])

  if (!opened)
    return (
      <button type="button" onClick={() => setOpened(true)}>
        {t('messages.propose')}
      </button>
    )
  const slot = slots?.find((s) => s.id === chosen)
  return (
    <form
      className="messages-propose"
      onSubmit={async (event) => {
        event.preventDefault()
        if (!slot) return
        const result = await client.sendToConversation(conversationId, { text: t('messages.proposeText'), proposal: { start: slot.start, end: slot.end, mode: slot.mode } })
        setFailed(!result.ok)
        if (result.ok) {
          setOpened(false)
          setChosen('')
        }
      }}
    >
      <label htmlFor={`${id}-slot`}>{t('messages.proposeSlot')}</label>
      {slots && slots.length === 0 ? (
        <p>{t('messages.noSlots')}</p>
      ) : (
        <select id={`${id}-slot`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="" />
          {slots?.map((s) => (
            <option key={s.id} value={s.id}>
              {formatDayAndTime(s.start, zone, language)} · {t(`card.mode.${s.mode}`)}
            </option>
          ))}
        </select>
      )}
      <button type="submit" className="button-primary" disabled={!slot}>
        {t('messages.proposeSend')}
      </button>
      <div role="alert">{failed && chatText(language, 'chat.error.network')}</div>
    </form>
  )
}
