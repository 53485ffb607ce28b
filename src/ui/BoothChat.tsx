/**
 * "Talk to the booth" in the booth panel: whether the exhibitor's staff are online, the visitor's conversation
 * with the booth, and a composer; with nobody online it offers "leave a message / call me back", which reaches
 * the exhibitor console as a lead. Its own chunk, loaded only beside the booking server (with the live layer).
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { ChatClient } from '../chat/chatClient'
import { chatText } from '../chat/chatText'
import type { Exhibitor } from '../content/schema'
import { localized } from '../i18n/translate'
import { visitorChat } from '../state/live/startLive'
import { useExpoStore } from '../state/store'
import VisitorChatThread from './VisitorChatThread'

export default function BoothChat({ exhibitor }: { exhibitor: Exhibitor }) {
  const client = visitorChat()
  return client ? <BoothConversation client={client} exhibitor={exhibitor} /> : null
}

function BoothConversation({ client, exhibitor }: { client: ChatClient; exhibitor: Exhibitor }) {
  const language = useExpoStore((s) => s.language)
  const exhibitorId = exhibitor.id
  const online = useStore(client.store, (s) => s.booths[exhibitorId]?.staffOnline ?? false)
  useEffect(() => {
    void client.loadBooth(exhibitorId)
  }, [client, exhibitorId])
  return (
    <section className="booth-chat" aria-labelledby="booth-chat-heading">
      <h3 id="booth-chat-heading">{chatText(language, 'chat.heading')}</h3>
      <p className={`chat-status${online ? ' is-online' : ''}`} role="status">
        {chatText(language, online ? 'chat.staffOnline' : 'chat.staffOffline')}
      </p>
      <VisitorChatThread client={client} exhibitorId={exhibitorId} exhibitorName={localized(exhibitor.name, language)} />
    </section>
  )
}
