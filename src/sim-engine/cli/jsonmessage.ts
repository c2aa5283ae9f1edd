/**
 * Printing a JSON message stream (pull, push, legacy build) as docker's
 * pkg/jsonmessage DisplayJSONMessagesStream does: on a terminal, one line per ID
 * rewritten in place with progress bars; on a pipe, plain status lines only (messages
 * carrying progress are dropped).
 */
import type { Writer } from '../process/types.ts';
import { humanSize } from '../golang/units.ts';

export interface JSONProgress {
  current?: number;
  total?: number;
  start?: number;
  hidecounts?: boolean;
  units?: string;
}

export interface JSONMessage {
  status?: string;
  id?: string;
  stream?: string;
  progress?: string;
  progressDetail?: JSONProgress;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: unknown;
  from?: string;
}

/** A stream's error message; `code` is its errorDetail's (a failed RUN's exit status in a legacy build). */
export class JSONMessageError extends Error {
  readonly code: number;
  constructor(message: string, code = 0) {
    super(message);
    this.code = code;
  }
}

function progressString(p: JSONProgress, width: number): string {
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return p.units ? `${current} ${p.units}` : humanSize(current).padStart(8);
  let percentage = Math.floor(Math.floor((current / total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  let box = '';
  if (width > 110) box = `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  let numbers = '';
  if (!p.hidecounts) {
    if (!p.units)
      numbers =
        current > total
          ? humanSize(current).padStart(8)
          : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
    else numbers = current > total ? `${current} ${p.units}` : `${current}/${total} ${p.units}`;
  }
  return box + numbers;
}

/** Renders messages one at a time; keeps the line bookkeeping of a terminal. */
export class JSONMessageDisplay {
  readonly #out: Writer;
  readonly #terminal: boolean;
  readonly #width: number;
  #ids = new Map<string, number>();

  constructor(out: Writer, terminal: boolean, width: number) {
    this.#out = out;
    this.#terminal = terminal;
    this.#width = width;
  }

  /** Display one message; throws JSONMessageError for an error message. */
  show(jm: JSONMessage): void {
    if (jm.aux !== undefined) return;
    const hasProgress = jm.progressDetail !== undefined;
    let diff = 0;
    if (jm.id && hasProgress) {
      let line = this.#ids.get(jm.id);
      if (line === undefined) {
        line = this.#ids.size;
        this.#ids.set(jm.id, line);
        if (this.#terminal) this.#out.write('\n');
      }
      diff = this.#ids.size - line;
      if (this.#terminal) this.#out.write(`\x1b[${diff}A`);
    } else {
      this.#ids = new Map();
    }
    this.#display(jm, hasProgress);
    if (jm.id && this.#terminal) this.#out.write(`\x1b[${diff}B`);
  }

  #display(jm: JSONMessage, hasProgress: boolean): void {
    if (jm.error !== undefined || jm.errorDetail !== undefined) {
      throw new JSONMessageError(jm.errorDetail?.message ?? jm.error ?? '', jm.errorDetail?.code ?? 0);
    }
    let endl = '';
    const progress = hasProgress ? progressString(jm.progressDetail!, this.#width) : '';
    if (this.#terminal && !jm.stream && hasProgress) {
      this.#out.write('\x1b[2K\r');
      endl = '\r';
    } else if (hasProgress && progress !== '') {
      return;
    }
    let text = '';
    if (jm.id) text += `${jm.id}: `;
    if (jm.from) text += `(from ${jm.from}) `;
    if (hasProgress && this.#terminal) text += `${jm.status ?? ''} ${progress}${endl}`;
    else if (jm.stream) text += `${jm.stream}${endl}`;
    else text += `${jm.status ?? ''}${endl}\n`;
    this.#out.write(text);
  }
}

/** Read a whole stream to the writer; rejects with the stream's error message. */
export async function displayJSONMessages(
  messages: AsyncIterable<Record<string, unknown>>,
  out: Writer,
  terminal: boolean,
  width: number,
): Promise<void> {
  const display = new JSONMessageDisplay(out, terminal, width);
  for await (const m of messages) display.show(m as JSONMessage);
}
