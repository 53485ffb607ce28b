/**
 * "Talk to the booth" in the booth panel: whether the exhibitor's staff are online, the visitor's conversation
 * with the booth, and a composer; with nobody online it offers "leave a message / call me back", which reaches
 * the exhibitor console as a lead. Its own chunk, loaded only beside the booking server (with the live layer).
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { ChatClient } from '../chat/chatClient'
import ChatThread from '../chat/ChatThread'
import { chatText } from '../chat/chatText'
import type { Exhibitor } from '../content/schema'
import { localized } from '../i18n/translate'
import { visitorChat } from '../state/live/startLive'
import { useExpoActions, useExpoStore } from '../state/store'
import { describeSlotTimes, holdLabel } from './bookingFormat'

export default function BoothChat({ exhibitor }: { exhibitor: Exhibitor }) {
  const client = visitorChat()
  return client ? <BoothConversation client={client} exhibitor={exhibitor} /> : null
}

function BoothConversation({ client, exhibitor }: { client: ChatClient; exhibitor: Exhibitor }) {
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const actions = useExpoActions()
  const exhibitorId = exhibitor.id
  const booth = useStore(client.store, (s) => s.booths[exhibitorId])
  useEffect(() => {
    void client.loadBooth(exhibitorId)
  }, [client, exhibitorId])
  const online = booth?.staffOnline ?? false
  const name = localized(exhibitor.name, language)
  return (
    <section className="booth-chat" aria-labelledby="booth-chat-heading">
      <h3 id="booth-chat-heading">{chatText(language, 'chat.heading')}</h3>
      <p className={`chat-status${online ? ' is-online' : ''}`} role="status">
        {chatText(language, online ? 'chat.staffOnline' : 'chat.staffOffline')}
      </p>
      <ChatThread
        client={client}
        conversationId={booth?.conversationId ?? null}
        side="visitor"
        language={language}
        partner={name}
        leadMode={!online}
        formatTime={(at) => holdLabel(at, visitorTimeZone, language)}
        formatSlot={(slot) => {
          const times = describeSlotTimes({ ...slot, timeZone: visitorTimeZone }, visitorTimeZone, language)
          return `${times.visitorDate} ${times.line}`
        }}
        onBookProposal={(proposal) => actions.requestBooking(exhibitorId, proposal)}
        send={(body) => client.sendToBooth(exhibitorId, body)}
      />
    </section>
  )
}
