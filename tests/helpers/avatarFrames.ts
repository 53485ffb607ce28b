/** Avatar frames written as the server writes them, from plain lists of avatars: for tests of both ends. */
import { ZONE_IDS } from '../../src/content/schema'
import type { AvatarSlot } from '../../src/live/avatarFrame'
import { AvatarTable, SentView, writeFollowFrame, writeSelectionFrame } from '../../src/live/avatarFrameWriter'
import type { AvatarState } from '../../src/live/protocol'

const EVERY_ZONE = new Uint8Array(ZONE_IDS.length).fill(1)

/** One client's side of the server: a table of avatars by id and what this client was sent. */
export class FrameWriter {
  readonly table = new AvatarTable()
  readonly view = new SentView()
  private readonly handles = new Map<string, number>()

  /** The frame that shows exactly `next` (the server's reselection). */
  select(next: readonly AvatarState[], full = false): Uint8Array | null {
    this.table.release()
    const handles = next.map((avatar) => this.enter(avatar)).filter((handle) => handle >= 0)
    return writeSelectionFrame(this.table, this.view, handles, handles.length, full)
  }

  /** The frame that follows the avatars already shown: `now` gives each as it is, or null when it went out of sight. */
  follow(now: (id: string) => AvatarState | null, around: Uint8Array = EVERY_ZONE): Uint8Array | null {
    this.table.release()
    for (const [id, handle] of this.handles) {
      const avatar = now(id)
      if (avatar) this.table.update(handle, avatar)
      else {
        this.table.remove(handle)
        this.handles.delete(id)
      }
    }
    return writeFollowFrame(this.table, this.view, around)
  }

  /** What the client should hold now, slot by slot, as its AvatarView holds it. */
  sent(): (AvatarSlot | null)[] {
    return Array.from(this.view.handle, (handle, slot) =>
      handle < 0
        ? null
        : {
            id: this.table.ids[handle],
            zone: this.table.zone[handle],
            x: this.view.x[slot],
            z: this.view.z[slot],
            yaw: this.view.yaw[slot],
            name: this.table.nameBytes[handle] ? this.table.names[handle] : null,
            idle: this.table.idle[handle] === 1,
          },
    )
  }

  private enter(avatar: AvatarState): number {
    const known = this.handles.get(avatar.id)
    if (known !== undefined) {
      this.table.update(known, avatar)
      return known
    }
    const handle = this.table.add(avatar)
    if (handle >= 0) this.handles.set(avatar.id, handle)
    return handle
  }
}

/** One frame showing `avatars` to a client that knew nobody. */
export const fullFrameOf = (avatars: readonly AvatarState[]) => new FrameWriter().select(avatars, true)!
