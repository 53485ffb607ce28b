/**
 * The few web-standard globals the shared domain may use: each exists in browsers and in Node 20 alike
 * (Web Crypto, the Encoding API). Declared here so the domain compiles with neither DOM nor Node types.
 */
declare var crypto: {
  randomUUID?: () => string
  getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T
}

declare class TextEncoder {
  encode(input?: string): Uint8Array
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean })
  decode(input?: Uint8Array): string
}
