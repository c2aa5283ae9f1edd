/** Helpers shared by the route files. */
import type { AsyncQueue } from '../stream.ts';
import type { ApiResponse, StreamFrame } from '../transport.ts';
import { commonHeaders } from '../router.ts';

export function outputStream(tty: boolean, frames: AsyncQueue<StreamFrame>, status = 200): ApiResponse {
  return {
    status,
    headers: {
      'Content-Type': tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream',
      ...commonHeaders(),
    },
    stream: { kind: 'output', tty, frames, close: () => frames.close() },
  };
}

export function jsonStream(messages: AsyncQueue<Record<string, unknown>>): ApiResponse {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json', ...commonHeaders() },
    stream: { kind: 'json', messages, close: () => messages.close() },
  };
}

/** A JSON body as an object (moby's CheckForJSON + decode); undefined or not an object → {}. */
export function bodyObject<T>(body: unknown): T {
  return (body && typeof body === 'object' ? body : {}) as T;
}
