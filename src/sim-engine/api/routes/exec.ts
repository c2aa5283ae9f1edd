/**
 * The exec routes (moby api/server/router/container/exec.go): create an exec in a
 * running container, start it (attached, its output streamed as a hijacked connection
 * would carry it, or detached), resize its TTY, inspect it.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { execCreate, execInspect, execStart, getExec } from '../../daemon/exec.ts';
import { invalidParameter } from '../../errdefs.ts';
import { json, noContent, type Route } from '../router.ts';
import type { ExecConfig } from '../types/container.ts';
import { bodyObject, outputStream } from './util.ts';

export const execRoutes: Route<Daemon>[] = [
  {
    method: 'POST',
    path: '/containers/{name}/exec',
    handler: ({ daemon, params, body }) => {
      const config = bodyObject<ExecConfig>(body);
      if (!Array.isArray(config.Cmd) || config.Cmd.length === 0)
        throw invalidParameter('No exec command specified');
      return json(201, {
        Id: execCreate(daemon, daemon.getContainer(params['name']!), config, params['name']!),
      });
    },
  },
  {
    method: 'POST',
    path: '/exec/{id}/start',
    handler: ({ daemon, params, body, request }) => {
      const record = getExec(daemon, params['id']!);
      const b = bodyObject<{ Detach?: boolean; Tty?: boolean }>(body);
      const frames = execStart(daemon, record, {
        detach: b.Detach ?? false,
        tty: b.Tty ?? false,
        stdin: request.stdin,
      });
      if (b.Detach) return noContent(200);
      return outputStream(record.config.Tty ?? false, frames, 101);
    },
  },
  {
    method: 'POST',
    path: '/exec/{id}/resize',
    handler: ({ daemon, params }) => (getExec(daemon, params['id']!), noContent(201)),
  },
  {
    method: 'GET',
    path: '/exec/{id}/json',
    handler: ({ daemon, params }) => json(200, execInspect(daemon, getExec(daemon, params['id']!))),
  },
];
