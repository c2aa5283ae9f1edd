/**
 * `nginx -s reload|stop|quit|reopen`: read the master's pid file and signal it, as a
 * new nginx process does (after checking the configuration, and logging
 * `signal process started` at notice level).
 */
import type { ProcessContext, SignalName } from '../../../process/types.ts';
import { logSink } from '../support/log-sink.ts';
import { slashTime } from '../support/log-time.ts';
import { ConfigError } from './config.ts';
import type { NginxArgs } from './args.ts';
import { levelRank } from './model.ts';
import type { Site } from './model.ts';

const SIGNAL: Record<NonNullable<NginxArgs['signal']>, SignalName> = {
  stop: 'SIGTERM',
  quit: 'SIGQUIT',
  reopen: 'SIGUSR1',
  reload: 'SIGHUP',
};

export function sendSignal(
  ctx: ProcessContext,
  args: NginxArgs,
  remember: (sender: number) => void,
  early: (ctx: ProcessContext, level: string, text: string) => void,
  readSite: (ctx: ProcessContext, args: NginxArgs) => Site,
): number {
  let site: Site;
  try {
    site = readSite(ctx, args);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    early(ctx, 'emerg', error.message);
    return 1;
  }
  if (levelRank('notice') >= levelRank(site.errorLog.level)) {
    logSink(ctx, site.errorLog.path).write(
      `${slashTime(ctx.now())} [notice] ${ctx.pid}#${ctx.pid}: signal process started\n`,
    );
  }
  let text: string;
  try {
    text = ctx.fs.readFile(site.pid);
  } catch {
    early(ctx, 'error', `open() "${site.pid}" failed (2: No such file or directory)`);
    return 1;
  }
  const pid = Number(text.trim());
  remember(ctx.pid);
  if (!ctx.kill || !ctx.kill(pid, SIGNAL[args.signal!])) {
    early(
      ctx,
      'alert',
      `kill(${pid}, ${SIGNAL[args.signal!] === 'SIGHUP' ? 1 : 15}) failed (3: No such process)`,
    );
    return 1;
  }
  return 0;
}
