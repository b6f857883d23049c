import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { IatiImportError, IatiImportErrorCode } from './iati.errors';

/** One element of an `iati-activity`, as small as the import needs: no namespaces, text joined. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The characters one activity may hold; a larger one is skipped (publishers' activities are a few KB). */
export const MAX_ACTIVITY_CHARACTERS = 8 * 1024 * 1024;

/** What the reader met: an activity, or one too large to read (counted and skipped). */
export type ReadActivity = { element: XmlElement; tooLarge: false } | { element: null; tooLarge: true };

/** What the first pass learnt about a well-formed IATI activity file. */
export interface CheckedFile {
  version: string | null;
  activities: number;
  bytes: number;
}

interface ReaderOptions {
  /** Called with the bytes read so far after each chunk (the progress bar). */
  onBytes?: (bytes: number) => void;
  /** Build the activities' trees (the import) or only count them (the check). */
  collect: boolean;
}

/**
 * `text` in storage of its own. saxes hands out slices of the chunk it was given, and V8 keeps a
 * slice's whole parent alive (a 256 KB chunk for an 18-character identifier): an activity's
 * strings that outlive it (identifiers, titles, warnings of the report) would pin one chunk each.
 * Slicing the concatenation flattens it into a fresh string of these characters only (V8
 * copies strings shorter than 13 characters anyway).
 */
function own(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

function notWellFormed(message: string): IatiImportError {
  const position = /^(?:[^:\d][^:]*:)?(\d+):(\d+):/.exec(message);
  const detail = message.replace(/^(?:[^:\d][^:]*:)?(\d+):(\d+):\s*/, 'line $1, column $2: ').replace(/\.$/, '');
  return new IatiImportError(
    IatiImportErrorCode.IATI_NOT_WELL_FORMED,
    `The file is not well-formed XML (${detail}). Nothing was imported.`,
    position ? { line: Number(position[1]), column: Number(position[2]) } : {},
  );
}

/**
 * The `iati-activity` elements of an IATI activity file, one at a time, read with a streaming
 * (SAX) parser: the memory it holds is one chunk of the file and one activity, whatever the
 * file's size. Throws IatiImportError when the file is not well-formed XML or its root is not
 * `iati-activities` (an organisation file, or not IATI at all), or it is IATI 1.x.
 */
async function* readActivities(path: string, options: ReaderOptions): AsyncGenerator<ReadActivity, CheckedFile> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: ReadActivity[] = [];
  let failure: Error | null = null;
  let depth = 0;
  let rootSeen = false;
  let version: string | null = null;
  let activities = 0;
  /** The open elements of the current activity, outermost first; empty outside one. */
  const stack: XmlElement[] = [];
  let characters = 0;
  let tooLarge = false;

  parser.on('error', (error) => {
    failure ??= notWellFormed(error.message);
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    const attributes = tag.attributes as Record<string, string>;
    if (depth === 1) {
      rootSeen = true;
      if (tag.name !== 'iati-activities') {
        failure ??= new IatiImportError(
          IatiImportErrorCode.IATI_NOT_ACTIVITIES,
          `The file's root element is <${tag.name}>, not <iati-activities>: it is not an IATI activity file${tag.name === 'iati-organisations' ? ' (it is an IATI organisation file)' : ''}. Nothing was imported.`,
          { root: tag.name },
        );
      }
      version = attributes.version ?? null;
      if (version && /^1\./.test(version)) {
        failure ??= new IatiImportError(IatiImportErrorCode.IATI_UNSUPPORTED_VERSION, `The file is IATI ${version}; the import reads IATI 2.01 and later. Nothing was imported.`, {
          version,
        });
      }
      return;
    }
    if (depth === 2 && tag.name === 'iati-activity') {
      activities += 1;
      characters = 0;
      tooLarge = false;
    }
    if (depth >= 2 && (stack.length > 0 || tag.name === 'iati-activity') && options.collect && !tooLarge) {
      const owned: Record<string, string> = {};
      for (const [name, value] of Object.entries(attributes)) {
        owned[name] = own(value);
        characters += value.length + 16;
      }
      const element: XmlElement = { name: own(tag.name), attributes: owned, children: [], text: '' };
      stack[stack.length - 1]?.children.push(element);
      stack.push(element);
    }
  });
  const onText = (text: string) => {
    const current = stack[stack.length - 1];
    if (!current || tooLarge) return;
    characters += text.length;
    current.text += own(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (depth === 2 && tag.name === 'iati-activity' && options.collect) {
      ready.push(tooLarge ? { element: null, tooLarge: true } : { element: stack[0], tooLarge: false });
      stack.length = 0;
    } else if (stack.length > 0 && !tooLarge) {
      stack.pop();
    }
    if (characters > MAX_ACTIVITY_CHARACTERS && !tooLarge) {
      tooLarge = true;
      stack.length = 0;
    }
    depth -= 1;
  });

  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    bytes += (chunk as Buffer).length;
    let text = decoder.write(chunk as Buffer);
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    parser.write(text);
    if (failure) throw failure;
    options.onBytes?.(bytes);
    while (ready.length > 0) yield ready.shift()!;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
  if (!rootSeen) throw new IatiImportError(IatiImportErrorCode.IATI_NOT_WELL_FORMED, 'The file holds no XML element (it is empty, or not XML). Nothing was imported.');
  while (ready.length > 0) yield ready.shift()!;
  return { version, activities, bytes };
}

/** The first pass: the whole file is well-formed IATI 2.x activity XML (else IatiImportError); how many activities it holds. */
export async function checkIatiFile(path: string, onBytes?: (bytes: number) => void): Promise<CheckedFile> {
  const reader = readActivities(path, { collect: false, onBytes });
  for (;;) {
    const step = await reader.next();
    if (step.done) return step.value;
  }
}

/** The second pass: each `iati-activity` as an element tree, in file order. */
export async function* iatiActivitiesOf(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<ReadActivity> {
  yield* readActivities(path, { collect: true, onBytes });
}

/** The first child element named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((entry) => entry.name === name);
}

/** Every child element named `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((entry) => entry.name === name) ?? [];
}
