/** Text from outside (a shared link, stored data, the content pack) made safe to show inside one of our sentences. */

/**
 * Bidi embeddings, overrides, isolates and marks (LRE…RLO, LRI…PDI, LRM, RLM, ALM): one of them in a name can turn
 * the rest of a notice around, so a crafted link could make it read as something else.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
/** C0 and C1 controls, DEL, line and paragraph separators: a name is one line. Lone surrogates have no character. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const LINE_BREAKING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Names in notices are cut here: a notice is one or two lines on a phone. */
export const NOTICE_NAME_MAX_GRAPHEMES = 40
/** Other text in a notice (a storage key the visitor may look for) is kept whole up to this. */
export const NOTICE_TEXT_MAX_GRAPHEMES = 120
/** Notice parameters shown whole up to NOTICE_TEXT_MAX_GRAPHEMES, because they are identifiers, not names. */
const IDENTIFIER_PARAMS: ReadonlySet<string> = new Set(['key'])

/** Without bidi and control characters, whitespace runs (line breaks and tabs included) as one space, trimmed. */
export function cleanDisplayText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(LONE_SURROGATE, '').replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim()
}

type Segments = (text: string) => string[]
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null
/** What a reader counts as one character (an emoji with its modifiers, a Korean syllable, e + accent); code points where Intl.Segmenter is missing. */
const graphemes: Segments = segmenter ? (text) => Array.from(segmenter.segment(text), (s) => s.segment) : (text) => Array.from(text)

/** Cleaned, then cut to `max` graphemes with an ellipsis as the last one; never splits an emoji or a syllable. */
export function shortDisplayText(text: string, max = NOTICE_NAME_MAX_GRAPHEMES): string {
  const clean = cleanDisplayText(text)
  // never fewer UTF-16 units than graphemes: the cheap test spares segmenting short names
  if (clean.length <= max) return clean
  const parts = graphemes(clean)
  return parts.length <= max ? clean : `${parts.slice(0, max - 1).join('').trimEnd()}…`
}

/** A notice's parameters as they may be shown: every text cleaned, names shortened; numbers as they are. */
export function displayNoticeParams(params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' ? shortDisplayText(value, IDENTIFIER_PARAMS.has(name) ? NOTICE_TEXT_MAX_GRAPHEMES : NOTICE_NAME_MAX_GRAPHEMES) : value,
    ]),
  )
}
