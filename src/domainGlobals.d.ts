/**
 * The few web-standard globals the shared domain may use: each exists in browsers and in Node 20 alike
 * (Web Crypto, the Encoding API, URL). Declared here so the domain compiles with neither DOM nor Node types.
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

/** The WHATWG URL parser (Node 20 and browsers), for checking links by what they are rather than by a regex. */
declare class URL {
  constructor(url: string, base?: string)
  static canParse(url: string, base?: string): boolean
  readonly protocol: string
  readonly href: string
  readonly origin: string
  readonly username: string
  readonly password: string
  readonly hostname: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
}
