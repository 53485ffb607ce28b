/**
 * The rules an exhibitor's logo (`logos/<exhibitor id>.svg` in the pack folder) must keep before the hall draws it:
 * well-formed SVG, nothing that runs (script, event attributes, foreignObject) and nothing fetched from elsewhere
 * (href, src, url(), @import, data: URLs), at most 8 KB. Pure: a small XML reader, no DOM, so content:check, the
 * server and the tests run the same rules.
 */

import type { ContentProblem } from './load'

export const LOGO_MAX_BYTES = 8 * 1024

export const logoFileOf = (exhibitorId: string): string => `logos/${exhibitorId}.svg`

export type LogoRule = 'size' | 'xml' | 'svg-root' | 'script' | 'event-handler' | 'foreign-object' | 'external-reference' | 'data-url'

export interface LogoProblem {
  rule: LogoRule
  message: string
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/
const ENTITY = /&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/g

interface Element {
  name: string
  attributes: Map<string, string>
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase()

class NotWellFormed extends Error {}

/** Checks a logo's text; every rule it breaks, the well-formedness one alone when it does not parse. */
export function checkLogoSvg(text: string): LogoProblem[] {
  const problems: LogoProblem[] = []
  const bytes = new TextEncoder().encode(text).length
  if (bytes > LOGO_MAX_BYTES) problems.push({ rule: 'size', message: `is ${bytes} bytes; a logo may have at most ${LOGO_MAX_BYTES} (8 KB)` })

  let parsed: { elements: Element[]; styleTexts: string[] }
  try {
    parsed = readXml(text)
  } catch (error) {
    if (!(error instanceof NotWellFormed)) throw error
    problems.push({ rule: 'xml', message: `is not well-formed SVG: ${error.message}` })
    return problems
  }
  const { elements, styleTexts } = parsed
  const root = elements[0]
  if (!root || localName(root.name) !== 'svg' || root.name.includes(':')) {
    problems.push({ rule: 'svg-root', message: `must have <svg> as its root element, not <${root?.name ?? 'nothing'}>` })
  } else if (root.attributes.get('xmlns') !== SVG_NAMESPACE) {
    problems.push({ rule: 'svg-root', message: `its <svg> must declare xmlns="${SVG_NAMESPACE}" (browsers show nothing without it)` })
  }

  const once = new Set<LogoRule>()
  const add = (rule: LogoRule, message: string) => {
    // the first place a rule is broken is enough to find the others
    if (once.has(rule)) return
    once.add(rule)
    problems.push({ rule, message })
  }
  for (const element of elements) {
    const local = localName(element.name)
    if (local === 'script') add('script', 'contains a <script> element')
    if (local === 'foreignobject') add('foreign-object', 'contains a <foreignObject> element')
    for (const [name, value] of element.attributes) {
      const attribute = localName(name)
      if (attribute.startsWith('on')) add('event-handler', `<${element.name}> has the event attribute ${name}`)
      checkValue(add, `<${element.name} ${name}>`, value)
      if ((attribute === 'href' || attribute === 'src') && /^\s*data:/i.test(value)) add('data-url', `<${element.name} ${name}> holds a data: URL; draw the shape in the SVG itself`)
      else if ((attribute === 'href' || attribute === 'src') && !value.trim().startsWith('#')) {
        add('external-reference', `<${element.name}> refers to ${show(value)} (${name}); only references inside the file (#id) are allowed`)
      }
    }
  }
  for (const style of styleTexts) checkValue(add, 'a <style>', style)
  return problems
}

/** url() and @import inside an attribute value or a stylesheet (a word such as "Big Data:" in a label is no URL). */
function checkValue(add: (rule: LogoRule, message: string) => void, where: string, value: string) {
  if (/@import/i.test(value)) add('external-reference', `${where} has an @import`)
  for (const match of value.matchAll(/url\(\s*(['"]?)\s*([^)'"]*)/gi)) {
    if (/^data:/i.test(match[2])) add('data-url', `${where} holds a data: URL; draw the shape in the SVG itself`)
    else if (!match[2].startsWith('#')) add('external-reference', `${where} has url(${match[1]}${match[2]}${match[1]}); only url(#id) is allowed`)
  }
}

const show = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value)

function lineAt(text: string, at: number): string {
  const before = text.slice(0, at).split('\n')
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`
}

function checkEntities(text: string, at: number, source: string) {
  const stray = source.replace(ENTITY, '').indexOf('&')
  if (stray !== -1) throw new NotWellFormed(`a stray or unknown & entity near ${lineAt(text, at)}`)
}

/**
 * The elements (in document order) and the text of every <style>, refusing what a browser's XML parser would refuse:
 * unclosed or crossed tags, unquoted or repeated attributes, unknown entities, text or a second element outside the
 * root. A DOCTYPE is refused too: it is how entities that fetch other files get in.
 */
function readXml(text: string): { elements: Element[]; styleTexts: string[] } {
  const elements: Element[] = []
  const styleTexts: string[] = []
  const open: string[] = []
  let rootClosed = false
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0
  if (text.startsWith('<?xml', at)) {
    const end = text.indexOf('?>', at)
    if (end === -1) throw new NotWellFormed('the <?xml declaration is not closed')
    at = end + 2
  }
  while (at < text.length) {
    const lt = text.indexOf('<', at)
    const chunk = text.slice(at, lt === -1 ? text.length : lt)
    if (chunk.trim()) {
      if (open.length === 0) throw new NotWellFormed(`text outside the root element at ${lineAt(text, at)}`)
      checkEntities(text, at, chunk)
      if (chunk.includes('>') && chunk.includes(']]>')) throw new NotWellFormed(`"]]>" in text at ${lineAt(text, at)}`)
      if (localName(open[open.length - 1]) === 'style') styleTexts.push(decodeEntities(chunk))
    }
    if (lt === -1) break
    at = lt
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4)
      if (end === -1) throw new NotWellFormed(`a comment is not closed (${lineAt(text, at)})`)
      at = end + 3
    } else if (text.startsWith('<![CDATA[', at)) {
      if (open.length === 0) throw new NotWellFormed(`CDATA outside the root element at ${lineAt(text, at)}`)
      const end = text.indexOf(']]>', at)
      if (end === -1) throw new NotWellFormed(`a CDATA section is not closed (${lineAt(text, at)})`)
      // a stylesheet in CDATA is still a stylesheet (its url() and @import are checked); a script's is found by its element
      styleTexts.push(text.slice(at + 9, end))
      at = end + 3
    } else if (text.startsWith('<!', at)) {
      throw new NotWellFormed(`a DOCTYPE or other declaration at ${lineAt(text, at)} is not allowed in a logo`)
    } else if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at)
      if (end === -1) throw new NotWellFormed(`a processing instruction is not closed (${lineAt(text, at)})`)
      at = end + 2
    } else if (text.startsWith('</', at)) {
      const end = text.indexOf('>', at)
      const name = end === -1 ? '' : text.slice(at + 2, end).trim()
      const expected = open.pop()
      if (end === -1 || name !== expected) {
        throw new NotWellFormed(`</${name}> at ${lineAt(text, at)} does not close ${expected ? `<${expected}>` : 'any element'}`)
      }
      if (open.length === 0) rootClosed = true
      at = end + 1
    } else {
      at = readStartTag(text, at, elements, open, rootClosed)
    }
  }
  if (open.length > 0) throw new NotWellFormed(`<${open[open.length - 1]}> is never closed`)
  if (elements.length === 0) throw new NotWellFormed('it holds no element')
  return { elements, styleTexts }
}

function readStartTag(text: string, start: number, elements: Element[], open: string[], rootClosed: boolean): number {
  const nameMatch = /^<([^\s/>]+)/.exec(text.slice(start, start + 200))
  if (!nameMatch || !NAME.test(nameMatch[1])) throw new NotWellFormed(`a "<" that starts no element at ${lineAt(text, start)}`)
  const name = nameMatch[1]
  if (rootClosed || (open.length === 0 && elements.length > 0)) throw new NotWellFormed(`a second root element <${name}> at ${lineAt(text, start)}`)
  const attributes = new Map<string, string>()
  let at = start + nameMatch[0].length
  for (;;) {
    const space = /^\s*/.exec(text.slice(at))![0].length
    at += space
    if (text.startsWith('/>', at)) {
      elements.push({ name, attributes })
      return at + 2
    }
    if (text[at] === '>') {
      elements.push({ name, attributes })
      open.push(name)
      return at + 1
    }
    if (at >= text.length) throw new NotWellFormed(`<${name}> at ${lineAt(text, start)} is not closed`)
    if (space === 0) throw new NotWellFormed(`attributes of <${name}> need spaces between them (${lineAt(text, at)})`)
    const attribute = /^([^\s=/>]+)\s*=\s*(["'])/.exec(text.slice(at, at + 300))
    if (!attribute || !NAME.test(attribute[1])) throw new NotWellFormed(`an attribute of <${name}> at ${lineAt(text, at)} is not name="value"`)
    const valueStart = at + attribute[0].length
    const valueEnd = text.indexOf(attribute[2], valueStart)
    if (valueEnd === -1) throw new NotWellFormed(`the value of ${attribute[1]} on <${name}> is never closed`)
    const value = text.slice(valueStart, valueEnd)
    if (value.includes('<')) throw new NotWellFormed(`the value of ${attribute[1]} on <${name}> holds a "<" (${lineAt(text, valueStart)})`)
    checkEntities(text, valueStart, value)
    if (attributes.has(attribute[1])) throw new NotWellFormed(`<${name}> has ${attribute[1]} twice`)
    attributes.set(attribute[1], decodeEntities(value))
    at = valueEnd + 1
  }
}

/** The value as the browser reads it, so `&#x6A;avascript:` or `&#64;import` cannot slip past the rules. */
function decodeEntities(value: string): string {
  return value.replace(ENTITY, (entity) => {
    const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }
    if (named[entity]) return named[entity]
    const code = entity[2] === 'x' ? parseInt(entity.slice(3, -1), 16) : parseInt(entity.slice(2, -1), 10)
    if (code > 0x10ffff || code === 0) throw new NotWellFormed(`${entity} is no character`)
    return String.fromCodePoint(code)
  })
}

/**
 * Every exhibitor of the pack's exhibitor files has its logo and every logo keeps the rules; a logo file no exhibitor
 * owns is named too. `logos` are the texts of the pack's `logos/*.svg` by pack-relative path. Each problem names the
 * logo's file, the exhibitor's entry (`exhibitors/ai.json #3 "id"`) and the reason.
 */
export function logoProblems(files: Record<string, unknown>, logos: Record<string, string>): ContentProblem[] {
  const problems: ContentProblem[] = []
  const owned = new Set<string>()
  for (const file of Object.keys(files).filter((f) => /^exhibitors\/[^/]+\.json$/.test(f)).sort()) {
    const entries = files[file]
    if (!Array.isArray(entries)) continue
    entries.forEach((raw: unknown, index) => {
      const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined
      // an entry without a usable id is reported by the schema; its logo cannot be named
      if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) return
      const logoFile = logoFileOf(id)
      owned.add(logoFile)
      const entry = `${file} #${index} "${id}"`
      const text = logos[logoFile]
      if (text === undefined) {
        problems.push({ file: logoFile, entry, field: '', message: 'is missing: every exhibitor needs its logo (`npm run logos` makes one for sample exhibitors)' })
        return
      }
      for (const problem of checkLogoSvg(text)) problems.push({ file: logoFile, entry, field: '', message: problem.message })
    })
  }
  for (const logoFile of Object.keys(logos).sort()) {
    if (!owned.has(logoFile)) problems.push({ file: logoFile, entry: '(file)', field: '', message: `no exhibitor has the id "${logoFile.replace(/^logos\/|\.svg$/g, '')}"` })
  }
  return problems
}
