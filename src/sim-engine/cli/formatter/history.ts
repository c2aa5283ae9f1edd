/**
 * `docker history` rows (docker/cli image/formatter_history.go): IMAGE, CREATED,
 * CREATED BY (tabs made spaces, cut at 45 unless --no-trunc), SIZE, COMMENT; with
 * `-H=false` the time is RFC 3339 and the size in bytes.
 */
import type { HistoryItem } from '../../api/types/image.ts';
import { goTime } from '../../golang/time.ts';
import { ellipsis, humanDuration, humanSizeWithPrecision, truncateID } from './display.ts';
import { DEFAULT_QUIET_FORMAT, marshalContext, TABLE_FORMAT_KEY, type HeaderMap } from './formatter.ts';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const NON_HUMAN_TABLE = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

/** 2000-01-01T00:00:00Z: older rows have no meaningful date (scratch-built bases). */
const EPOCH_SECONDS = 946_684_800;

/** newHistoryFormat */
export function historyFormat(source: string, quiet: boolean, human: boolean): string {
  if (source !== TABLE_FORMAT_KEY) return source;
  if (quiet) return DEFAULT_QUIET_FORMAT;
  return human ? DEFAULT_TABLE : NON_HUMAN_TABLE;
}

export const HISTORY_HEADER: HeaderMap = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

export class HistoryContext {
  readonly #h: HistoryItem;
  readonly #trunc: boolean;
  readonly #human: boolean;
  readonly #now: number;

  constructor(h: HistoryItem, trunc: boolean, human: boolean, now: number) {
    this.#h = h;
    this.#trunc = trunc;
    this.#human = human;
    this.#now = now;
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#trunc ? truncateID(this.#h.Id) : this.#h.Id;
  }

  /** time.Unix(created, 0).Format(time.RFC3339), in the host's zone (UTC). */
  CreatedAt(): string {
    return goTime(this.#h.Created * 1000).Format('2006-01-02T15:04:05Z07:00');
  }

  CreatedSince(): string {
    if (!this.#human) return this.CreatedAt();
    if (this.#h.Created <= EPOCH_SECONDS) return 'N/A';
    return humanDuration(this.#now - this.#h.Created * 1000) + ' ago';
  }

  CreatedBy(): string {
    const createdBy = this.#h.CreatedBy.replaceAll('\t', ' ');
    return this.#trunc ? ellipsis(createdBy, 45) : createdBy;
  }

  Size(): string {
    return this.#human ? humanSizeWithPrecision(this.#h.Size, 3) : String(this.#h.Size);
  }

  Comment(): string {
    return this.#h.Comment;
  }
}
