/** Reads the content pack as the app downloads it (the format: packFormat.ts) and validates it as one pack. */
import { validateReadContentPack, type ContentPackResult, type ContentProblem } from './load'
import { packLogoSource } from './logoSource'

const FILE = '(file)'

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Reads a downloaded pack (`packName` is how the download is named in problems) and validates it as one pack, naming
 * file, entry and field of every problem just as the files on disk would. With `packUrl` (where it was downloaded
 * from) the pack also says where each exhibitor's logo is.
 */
export function decodeContentPackFile(text: string, packName: string, packUrl?: string): ContentPackResult {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [brokenLine(text, packName, error)] }
  }
  if (!isRecord(document) || !isRecord(document.files)) {
    return { ok: false, problems: [{ file: packName, entry: FILE, field: 'files', message: 'is not a content pack: it has no object of files' }] }
  }
  const unreadable: ContentProblem[] = []
  if (document.unreadable !== undefined) {
    if (!isRecord(document.unreadable)) {
      return { ok: false, problems: [{ file: packName, entry: FILE, field: 'unreadable', message: 'must be an object of file names and problems' }] }
    }
    for (const [file, message] of Object.entries(document.unreadable)) {
      unreadable.push({ file, entry: FILE, field: '', message: typeof message === 'string' ? message : 'could not be read' })
    }
  }
  const result = validateReadContentPack(document.files, unreadable)
  if (!result.ok || packUrl === undefined) return result
  return { ok: true, pack: { ...result.pack, logos: packLogoSource(document.logos, packUrl) } }
}

/** A pack that does not parse as a whole (cut short, altered on the way): the first file whose line does not parse. */
function brokenLine(text: string, packName: string, error: unknown): ContentProblem {
  const lines = text.split('\n')
  // The last line is the cut one when the download stopped short.
  for (const line of lines.slice(1)) {
    const file = /^"((?:[^"\\]|\\.)*)":/.exec(line)?.[1]
    try {
      JSON.parse(`{${line.replace(/,$/, '')}}`)
    } catch (lineError) {
      if (file !== undefined) return { file: JSON.parse(`"${file}"`) as string, entry: FILE, field: '', message: `is not valid JSON as the content pack delivered it: ${(lineError as Error).message}` }
    }
  }
  return { file: packName, entry: FILE, field: '', message: `is not valid JSON: ${(error as Error).message}` }
}
