/**
 * The booth chat beside a negotiation in the agenda: the conversation with that exhibitor, folded under
 * "Message" with its unread count. Its own chunk, loaded only beside the booking server (with the live layer).
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { ChatClient } from '../chat/chatClient'
import ChatThread from '../chat/ChatThread'
import { chatText } from '../chat/chatText'
import { visitorChat } from '../state/live/startLive'
import { useExpoActions, useExpoStore } from '../state/store'
import { describeSlotTimes, holdLabel } from './bookingFormat'

export default function AgendaChat({ exhibitorId, exhibitorName }: { exhibitorId: string; exhibitorName: string }) {
  const client = visitorChat()
  return client ? <AgendaConversation client={client} exhibitorId={exhibitorId} exhibitorName={exhibitorName} /> : null
}

function AgendaConversation({ client, exhibitorId, exhibitorName }: { client: ChatClient; exhibitorId: string; exhibitorName: string }) {
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const actions = useExpoActions()
  const unread = useStore(client.store, (s) => s.conversations?.find((c) => c.exhibitorId === exhibitorId)?.unread ?? 0)
  const conversationId = useStore(client.store, (s) => s.booths[exhibitorId]?.conversationId ?? null)
  const online = useStore(client.store, (s) => s.booths[exhibitorId]?.staffOnline ?? false)
  useEffect(() => {
    if (client.store.getState().conversations === null) void client.loadConversations()
  }, [client])
  return (
    <details className="agenda-chat" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && void client.loadBooth(exhibitorId)}>
      <summary>
        {chatText(language, 'chat.open')}
        {unread > 0 && <span className="badge">{chatText(language, 'chat.unread', { count: unread })}</span>}
      </summary>
      <p className={`chat-status${online ? ' is-online' : ''}`}>{chatText(language, online ? 'chat.staffOnline' : 'chat.staffOffline')}</p>
      <ChatThread
        client={client}
        conversationId={conversationId}
        side="visitor"
        language={language}
        partner={exhibitorName}
        leadMode={!online}
        formatTime={(at) => holdLabel(at, visitorTimeZone, language)}
        formatSlot={(slot) => {
          const times = describeSlotTimes({ ...slot, timeZone: visitorTimeZone }, visitorTimeZone, language)
          return `${times.visitorDate} ${times.line}`
        }}
        onBookProposal={(proposal) => actions.requestBooking(exhibitorId, proposal)}
        send={(body) => client.sendToBooth(exhibitorId, body)}
      />
    </details>
  )
}
