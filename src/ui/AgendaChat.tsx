/**
 * The booth chat beside a negotiation in the agenda: the conversation with that exhibitor, folded under
 * "Message" with its unread count. Its own chunk, loaded only beside the booking server (with the live layer).
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { ChatClient } from '../chat/chatClient'
import { chatText } from '../chat/chatText'
import { visitorChat } from '../state/live/startLive'
import { useExpoStore } from '../state/store'
import VisitorChatThread from './VisitorChatThread'

export default function AgendaChat({ exhibitorId, exhibitorName }: { exhibitorId: string; exhibitorName: string }) {
  const client = visitorChat()
  return client ? <AgendaConversation client={client} exhibitorId={exhibitorId} exhibitorName={exhibitorName} /> : null
}

function AgendaConversation({ client, exhibitorId, exhibitorName }: { client: ChatClient; exhibitorId: string; exhibitorName: string }) {
  const language = useExpoStore((s) => s.language)
  const unread = useStore(client.store, (s) => s.conversations?.find((c) => c.exhibitorId === exhibitorId)?.unread ?? 0)
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
      <VisitorChatThread client={client} exhibitorId={exhibitorId} exhibitorName={exhibitorName} />
    </details>
  )
}
