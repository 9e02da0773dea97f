import type { z } from 'zod';
import { checkOf, ExportedEvent, FileEnd, FileHeader, LineCheck } from './file-format';

/**
 * The checks a chunk of a backup file passes on its own, before anything is read from the database: each line
 * is JSON, its check follows from the line before it, and it is what its place in the file says it must be
 * (the first line the file's header, the last its end, every other an event, in increasing positions). The
 * first line that fails is named, with what is wrong with it.
 */

/** Where the file is, as far as the lines before this chunk have brought it. */
export interface FileSoFar {
  /** The lines the file has, as the restore was asked for. */
  lines: number;
  /** The check of the file's last line, as the restore was asked for. */
  fileCheck: string;
  /** Lines already checked. */
  received: number;
  lastCheck: string;
  lastPosition: number;
  /** What the header announced, once it has been read. */
  events: number | null;
  through: number | null;
}

export interface LineRefusal {
  line: number;
  detail: string;
}

export interface CheckedChunk {
  header: FileHeader | null;
  events: { line: number; event: ExportedEvent }[];
  end: FileEnd | null;
  lastCheck: string;
  lastPosition: number;
}

export async function checkChunk(texts: string[], file: FileSoFar): Promise<CheckedChunk | LineRefusal> {
  const chunk: CheckedChunk = { header: null, events: [], end: null, lastCheck: file.lastCheck, lastPosition: file.lastPosition };
  let announced = file.events;
  let through = file.through;
  for (const [index, text] of texts.entries()) {
    const line = file.received + index + 1;
    const refuse = (detail: string): LineRefusal => ({ line, detail: `line ${line}: ${detail}` });
    if (line > file.lines) return refuse(`the file has more lines than the ${file.lines} it was announced with`);
    let members: Record<string, unknown>;
    try {
      members = JSON.parse(text);
    } catch {
      return refuse('not JSON (a line cut short, or not a backup of this service)');
    }
    if (typeof members !== 'object' || members === null || Array.isArray(members)) return refuse('not a JSON object');
    const { check, ...content } = members;
    if (!LineCheck.safeParse(check).success) return refuse('no check (every line of a backup ends with one)');
    if ((await checkOf(chunk.lastCheck, content)) !== check) {
      return refuse('its check does not follow from the line before it: this line was changed, or a line before it is missing or out of place');
    }
    chunk.lastCheck = check as string;
    if (line === 1) {
      const header = FileHeader.safeParse(content);
      if (!header.success) return refuse(`not the first line of a backup: ${issues(header.error)}`);
      if (header.data.events + 2 !== file.lines) {
        return refuse(`the file announces ${header.data.events} events, so ${header.data.events + 2} lines, but it has ${file.lines}`);
      }
      chunk.header = header.data;
      announced = header.data.events;
      through = header.data.through;
    } else if (line === file.lines) {
      const end = FileEnd.safeParse(content);
      if (!end.success) return refuse(`not the last line of a backup (the file was cut short, or lines were added): ${issues(end.error)}`);
      if (end.data.events !== announced) return refuse(`the file ends after ${end.data.events} events, but it announced ${announced}`);
      if (check !== file.fileCheck) return refuse('this last line is not the one the restore was asked for: another file');
      chunk.end = end.data;
    } else {
      const event = ExportedEvent.safeParse(content);
      if (!event.success) return refuse(`not an event of the log: ${issues(event.error)}`);
      if (event.data.position <= chunk.lastPosition) {
        return refuse(`position ${event.data.position} does not follow position ${chunk.lastPosition}: the events are out of order`);
      }
      if (through !== null && event.data.position > through) {
        return refuse(`position ${event.data.position} is past ${through}, the last the file announced`);
      }
      chunk.lastPosition = event.data.position;
      chunk.events.push({ line, event: event.data });
    }
  }
  return chunk;
}

export const isRefusal = (outcome: CheckedChunk | LineRefusal): outcome is LineRefusal => 'detail' in outcome;

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`).join('; ');
}
