/**
 * ping (iputils and BusyBox): resolves the host with the process's resolver and
 * answers every echo with a small, deterministic round-trip time, one packet a
 * second on the virtual clock. -c COUNT, -i INTERVAL, -W/-w, -q; without -c it runs
 * until interrupted and then prints the statistics, as ping does on Ctrl-C.
 *
 * Differs from ping: every resolvable address answers (the simulation has no ICMP
 * routing model), and replies show the address, not a reverse-resolved name.
 */
import type { Program } from '../../../process/types.ts';
import { busyboxUsage, parseCommand, progName, variantOf } from '../support/command.ts';

const RTTS = [0.061, 0.048, 0.055, 0.072, 0.05, 0.066, 0.044, 0.058, 0.069, 0.052];

export const ping: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const parsed = parseCommand(ctx, {
    name: 'ping',
    options: [
      { key: 'c', short: 'c', arg: 'required' },
      { key: 'i', short: 'i', arg: 'required' },
      { key: 'W', short: 'W', arg: 'required' },
      { key: 'w', short: 'w', arg: 'required' },
      { key: 'q', short: 'q' },
      { key: 's', short: 's', arg: 'required' },
      { key: 't', short: 't', arg: 'required' },
      { key: '4', short: '4' },
      { key: 'n', short: 'n' },
      { key: 'v', short: 'v' },
    ],
    version: 'ping from iputils 20240905',
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const prog = progName(ctx, 'ping');
  const host = parsed.operands[0];
  if (host === undefined) {
    if (busybox) return busyboxUsage(ctx, 'ping');
    ctx.stderr.write(`${prog}: usage error: Destination address required\n`);
    return 1;
  }
  const address = ctx.net.resolve(host);
  if (!address) {
    ctx.stderr.write(
      busybox ? `${prog}: bad address '${host}'\n` : `${prog}: ${host}: Name or service not known\n`,
    );
    return busybox ? 1 : 2;
  }
  const count = o.has('c') ? Number(o.last('c')) : Infinity;
  if (!(count > 0)) {
    ctx.stderr.write(
      busybox
        ? `${prog}: invalid number '${o.last('c')}'\n`
        : `${prog}: invalid argument: '${o.last('c')}': out of range: 1 <= value <= 9223372036854775807\n`,
    );
    return busybox ? 1 : 2;
  }
  const size = Number(o.last('s') ?? 56);
  const interval = Math.round(Number(o.last('i') ?? 1) * 1000);
  const deadline = o.has('w') ? Number(o.last('w')) * 1000 : Infinity;
  const ttl = 64;
  const quiet = o.has('q');
  const times: number[] = [];
  const started = ctx.now();
  let transmitted = 0;
  let done = false;

  const summary = () => {
    if (done) return;
    done = true;
    const received = times.length;
    const loss = transmitted === 0 ? 0 : Math.round(((transmitted - received) * 100) / transmitted);
    const fmt = (n: number) => n.toFixed(3);
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / Math.max(1, received);
    const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / Math.max(1, received));
    if (busybox) {
      ctx.stdout.write(
        `\n--- ${host} ping statistics ---\n${transmitted} packets transmitted, ${received} packets received, ${loss}% packet loss\n`,
      );
      if (received > 0) ctx.stdout.write(`round-trip min/avg/max = ${fmt(min)}/${fmt(avg)}/${fmt(max)} ms\n`);
    } else {
      ctx.stdout.write(
        `\n--- ${host} ping statistics ---\n${transmitted} packets transmitted, ${received} received, ${loss}% packet loss, time ${ctx.now() - started}ms\n`,
      );
      if (received > 0)
        ctx.stdout.write(`rtt min/avg/max/mdev = ${fmt(min)}/${fmt(avg)}/${fmt(max)}/${fmt(mdev)} ms\n`);
    }
  };
  ctx.onSignal('SIGINT', () => {
    summary();
    ctx.exit(times.length > 0 ? 0 : 1);
  });

  ctx.stdout.write(
    busybox
      ? `PING ${host} (${address}): ${size} data bytes\n`
      : `PING ${host} (${address}) ${size}(${size + 28}) bytes of data.\n`,
  );
  for (let seq = 1; seq <= count; seq++) {
    if (ctx.now() - started >= deadline) break;
    transmitted++;
    const rtt = RTTS[(seq - 1) % RTTS.length]!;
    times.push(rtt);
    if (!quiet) {
      ctx.stdout.write(
        busybox
          ? `${size + 8} bytes from ${address}: seq=${seq - 1} ttl=${ttl} time=${rtt.toFixed(3)} ms\n`
          : `${size + 8} bytes from ${address}: icmp_seq=${seq} ttl=${ttl} time=${rtt < 1 ? rtt.toFixed(3) : rtt.toFixed(2)} ms\n`,
      );
    }
    if (seq < count) await ctx.sleep(interval);
  }
  // iputils counts the time from the first to the last packet, plus a little
  if (!busybox && transmitted > 1) await ctx.sleep(transmitted - 1);
  summary();
  return times.length > 0 ? 0 : 1;
};
