/**
 * The console's end of the booth chat: a live socket that does not join the hall (staff are not visitors) but
 * marks this exhibitor's staff online while the console is open, and carries chat notices to the chat store.
 */
import { useEffect, useState } from 'react'
import { ChatClient } from '../chat/chatClient'
import { LiveConnection, liveUrl } from '../state/live/liveConnection'

/** One chat client for as long as the component using it is mounted, with its socket. */
export function useConsoleChat(): ChatClient {
  const [client] = useState(() => new ChatClient({ side: 'staff' }))
  useEffect(() => {
    const connection = new LiveConnection({
      url: liveUrl(),
      joinHall: false,
      presence: () => ({ name: null, invisible: true }),
      zoneId: () => 'lobby',
      pose: () => ({ x: 0, z: 0, yaw: 0 }),
      onCounts: () => undefined,
      onAvatars: () => undefined,
      onChatNotice: (message) => client.live(message),
      onConnected: (up) => client.connected(up),
    })
    connection.start()
    return () => {
      connection.dispose()
      client.dispose()
    }
  }, [client])
  return client
}
