/**
 * nc (netcat-openbsd, `nc@openbsd`, and BusyBox nc) as a client of the simulated
 * network's line protocols: each line of standard input goes to HOST:PORT and the
 * reply is printed (`echo PING | nc redis 6379`). -z only checks the port; -v reports.
 *
 * Differs from nc: no listening mode (-l) and no raw byte streams; the simulation
 * carries whole lines and HTTP exchanges, not bytes.
 */
import type { Program } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { busyboxUsage, parseCommand, variantOf } from '../support/command.ts';
import { readLines } from '../support/io.ts';

export const nc: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const parsed = parseCommand(ctx, {
    name: 'nc',
    options: [
      { key: 'z', short: 'z' },
      { key: 'v', short: 'v' },
      { key: 'w', short: 'w', arg: 'required' },
      { key: 'l', short: 'l' },
      { key: 'p', short: 'p', arg: 'required' },
      { key: 'q', short: 'q', arg: 'required' },
      { key: 'N', short: 'N' },
      { key: 'u', short: 'u' },
      { key: 'n', short: 'n' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const [host, port] = parsed.operands;
  if (o.has('l')) {
    ctx.stderr.write('nc: listening is not available in this simulator\n');
    return 1;
  }
  if (host === undefined || port === undefined || !/^\d+$/.test(port)) {
    if (busybox) return busyboxUsage(ctx, 'nc');
    ctx.stderr.write(
      'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n',
    );
    return 1;
  }
  const address = ctx.net.resolve(host);
  if (!address) {
    ctx.stderr.write(
      busybox
        ? `nc: bad address '${host}'\n`
        : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`,
    );
    return 1;
  }
  const refused = (error: NetError) => {
    const why =
      error.code === 'ETIMEDOUT'
        ? 'Connection timed out'
        : error.code === 'EHOSTUNREACH'
          ? 'No route to host'
          : 'Connection refused';
    ctx.stderr.write(
      busybox
        ? `nc: can't connect to remote host (${address}): ${why}\n`
        : `nc: connect to ${host} port ${port} (tcp) failed: ${why}\n`,
    );
    return 1;
  };
  const succeeded = () => {
    if (o.has('v'))
      ctx.stderr.write(
        busybox
          ? `${host} (${address}:${port}) open\n`
          : `Connection to ${host} (${address}) ${port} port [tcp/*] succeeded!\n`,
      );
  };
  if (o.has('z')) {
    try {
      await ctx.net.http(host, Number(port), {
        method: 'HEAD',
        path: '/',
        headers: { Host: host },
        body: '',
      });
    } catch (error) {
      if (!(error instanceof NetError)) throw error;
      // a line service still answers; only a refused connection is closed
      if (error.code !== 'ECONNREFUSED' && error.code !== 'EHOSTUNREACH' && error.code !== 'ETIMEDOUT')
        throw error;
      try {
        await ctx.net.line(host, Number(port), '');
      } catch (second) {
        if (second instanceof NetError) return refused(second);
        throw second;
      }
    }
    succeeded();
    return 0;
  }
  let first = true;
  for await (const { line } of readLines(ctx.stdin)) {
    try {
      const reply = await ctx.net.line(host, Number(port), line);
      if (first) succeeded();
      first = false;
      ctx.stdout.write(reply.endsWith('\n') ? reply : reply + '\n');
    } catch (error) {
      if (error instanceof NetError) return refused(error);
      throw error;
    }
  }
  return 0;
};
