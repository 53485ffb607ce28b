/** Confirmation codes a person can read out without confusion, and the meeting link derived from one. */

/** No 0/O, 1/I/L or U/V look-alikes. */
export const CONFIRMATION_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789'
export const CONFIRMATION_LENGTH = 6

/** A random code not in `taken`; `random` returns [0, 1) and is injectable for tests. */
export function newConfirmationCode(taken: ReadonlySet<string>, random: () => number = secureRandom): string {
  for (;;) {
    let code = ''
    for (let i = 0; i < CONFIRMATION_LENGTH; i++) code += CONFIRMATION_ALPHABET[Math.floor(random() * CONFIRMATION_ALPHABET.length)]
    if (!taken.has(code)) return code
  }
}

/** Online meetings run on the hall's video service; example.com is reserved, so no real host is implied. */
export const MEETING_BASE_URL = 'https://meet.example.com/'

export function meetingUrlFor(confirmationCode: string): string {
  return `${MEETING_BASE_URL}wmc-${confirmationCode.toLowerCase()}`
}

/** A random booking id: randomUUID where the page is a secure context, the same 122 random bits otherwise. */
export function newBookingId(): string {
  const crypto = globalThis.crypto
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function secureRandom(): number {
  const buffer = new Uint32Array(1)
  globalThis.crypto.getRandomValues(buffer)
  return buffer[0] / 2 ** 32
}
