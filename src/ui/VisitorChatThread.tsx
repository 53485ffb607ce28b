/** The visitor's side of one booth's conversation, as the booth panel and the agenda show it (beside the server only). */
import { useStore } from 'zustand'
import type { ChatClient } from '../chat/chatClient'
import ChatThread from '../chat/ChatThread'
import { useExpoActions, useExpoStore } from '../state/store'
import { describeSlotTimes, holdLabel } from './bookingFormat'

export default function VisitorChatThread({ client, exhibitorId, exhibitorName }: { client: ChatClient; exhibitorId: string; exhibitorName: string }) {
  const language = useExpoStore((s) => s.language)
  const visitorTimeZone = useExpoStore((s) => s.visitorTimeZone)
  const actions = useExpoActions()
  const conversationId = useStore(client.store, (s) => s.booths[exhibitorId]?.conversationId ?? null)
  const online = useStore(client.store, (s) => s.booths[exhibitorId]?.staffOnline ?? false)
  return (
    <ChatThread
      client={client}
      conversationId={conversationId}
      side="visitor"
      language={language}
      partner={exhibitorName}
      // nobody online: "leave a message / call me back", which waits in the console as a lead
      leadMode={!online}
      formatTime={(at) => holdLabel(at, visitorTimeZone, language)}
      formatSlot={(slot) => {
        const times = describeSlotTimes({ ...slot, timeZone: visitorTimeZone }, visitorTimeZone, language)
        return `${times.visitorDate} ${times.line}`
      }}
      onBookProposal={(proposal) => actions.requestBooking(exhibitorId, proposal)}
      send={(body) => client.sendToBooth(exhibitorId, body)}
    />
  )
}
