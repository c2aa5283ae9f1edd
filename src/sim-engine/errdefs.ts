/**
 * Error kinds the daemon raises, as moby's `errdefs` does: the kind decides the HTTP
 * status the Engine API answers with (api/server/httpstatus), the message is the text
 * the docker CLI prints after "Error response from daemon: ".
 */
export type ErrorKind =
  | 'NotFound'
  | 'InvalidParameter'
  | 'Conflict'
  | 'Unauthorized'
  | 'Unavailable'
  | 'Forbidden'
  | 'NotModified'
  | 'NotImplemented'
  | 'System';

const STATUS: Record<ErrorKind, number> = {
  NotFound: 404,
  InvalidParameter: 400,
  Conflict: 409,
  Unauthorized: 401,
  Unavailable: 503,
  Forbidden: 403,
  NotModified: 304,
  NotImplemented: 501,
  System: 500,
};

export class DaemonError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
  get status(): number {
    return STATUS[this.kind];
  }
}

export const notFound = (message: string) => new DaemonError('NotFound', message);
export const invalidParameter = (message: string) => new DaemonError('InvalidParameter', message);
export const conflict = (message: string) => new DaemonError('Conflict', message);
export const unavailable = (message: string) => new DaemonError('Unavailable', message);
export const forbidden = (message: string) => new DaemonError('Forbidden', message);
export const notModified = () => new DaemonError('NotModified', '');
export const systemError = (message: string) => new DaemonError('System', message);
export const notImplemented = (message: string) => new DaemonError('NotImplemented', message);

export function statusOf(kind: ErrorKind): number {
  return STATUS[kind];
}
