/**
 * Small network look-ups: `getent hosts|ahosts|passwd|group`, BusyBox `nslookup`,
 * and `ip addr` / `hostname`-style views of the namespace's addresses.
 *
 * Differs from the real tools: prefixes are assumed (/16 for Docker bridges, /24 for
 * 10.x overlay networks) and MAC addresses derive from the IPv4 address, as Docker
 * did before 25.0.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { busyboxUsage, variantOf } from '../support/command.ts';
import { strftime } from '../support/time.ts';
import { groups, passwd } from '../support/users.ts';

export const getent: Program = async (ctx) => {
  const [db, ...keys] = ctx.argv.slice(1);
  if (db === undefined) {
    ctx.stderr.write(
      `Usage: getent [OPTION...] database [key ...]\nTry 'getent --help' or 'getent --usage' for more information.\n`,
    );
    return 1;
  }
  if (db === 'hosts' || db === 'ahosts' || db === 'ahostsv4') {
    if (keys.length === 0) {
      ctx.stdout.write('127.0.0.1       localhost\n');
      return 0;
    }
    let status = 0;
    for (const key of keys) {
      const address = ctx.net.resolve(key);
      if (!address) {
        status = 2;
        continue;
      }
      if (db === 'hosts') ctx.stdout.write(`${address.padEnd(15)} ${key}\n`);
      else
        ctx.stdout.write(
          `${address.padEnd(15)} STREAM ${key}\n${address.padEnd(15)} DGRAM  \n${address.padEnd(15)} RAW    \n`,
        );
    }
    return status;
  }
  if (db === 'passwd' || db === 'group') {
    const path = db === 'passwd' ? '/etc/passwd' : '/etc/group';
    let lines: string[];
    try {
      lines = ctx.fs
        .readFile(path)
        .split('\n')
        .filter((l) => l !== '');
    } catch {
      lines = [];
    }
    if (keys.length === 0) {
      ctx.stdout.write(lines.map((l) => l + '\n').join(''));
      return 0;
    }
    const ids =
      db === 'passwd'
        ? passwd(ctx.fs).map((u) => [u.name, u.uid] as const)
        : groups(ctx.fs).map((g) => [g.name, g.gid] as const);
    let status = 0;
    for (const key of keys) {
      const i = ids.findIndex(([name, id]) => name === key || String(id) === key);
      if (i < 0) status = 2;
      else ctx.stdout.write(lines[i] + '\n');
    }
    return status;
  }
  ctx.stderr.write(
    `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`,
  );
  return 1;
};

function nameserver(ctx: ProcessContext): string {
  try {
    return /^nameserver\s+(\S+)/m.exec(ctx.fs.readFile('/etc/resolv.conf'))?.[1] ?? '127.0.0.11';
  } catch {
    return '127.0.0.11';
  }
}

/** nslookup: BusyBox's (Alpine, busybox) and BIND's (`nslookup@bind`, dnsutils). */
export const nslookup: Program = async (ctx) => {
  const bind = ctx.variant === 'bind';
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const host = args[0];
  if (host === undefined) {
    if (!bind) return busyboxUsage(ctx, 'nslookup');
    ctx.stderr.write('nslookup: interactive mode is not available in this simulator\n');
    return 1;
  }
  const server = args[1] ?? nameserver(ctx);
  const address = ctx.net.resolve(host);
  let out = `Server:\t\t${server}\nAddress:\t${server}${bind ? '#' : ':'}53\n\n`;
  if (!address) {
    out += `** server can't find ${host}: NXDOMAIN\n\n`;
    ctx.stdout.write(out);
    return 1;
  }
  out += `Non-authoritative answer:\nName:\t${host}\nAddress: ${address}\n\n`;
  ctx.stdout.write(out);
  return 0;
};

function prefixOf(address: string): number {
  return address.startsWith('10.') ? 24 : 16;
}

function broadcast(address: string, prefix: number): string {
  const parts = address.split('.').map(Number);
  const value = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const b = (value | (2 ** (32 - prefix) - 1)) >>> 0;
  return [b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255].join('.');
}

function mac(address: string): string {
  return ['02', '42', ...address.split('.').map((n) => Number(n).toString(16).padStart(2, '0'))].join(':');
}

/** `ip addr` (iproute2 and BusyBox print it alike); other objects are refused. */
export const ip: Program = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !/^-/.test(a));
  const object = args[0] ?? '';
  const busybox = variantOf(ctx) === 'busybox';
  if (!/^(a|ad|add|addr|addre|addres|address|l|li|lin|link)$/.test(object)) {
    if (object === '')
      return busybox
        ? busyboxUsage(ctx, 'ip')
        : (ctx.stderr.write('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n'), 255);
    ctx.stderr.write(`Object "${object}" is unknown, try "ip help".\n`);
    return busybox ? 1 : 255;
  }
  const link = object.startsWith('l');
  const oneLine = ctx.argv.slice(1).some((a) => /^-(o|oneline|-oneline)$/.test(a));
  // `ip addr show eth0`, `ip link show dev lo`
  const rest = args.slice(1).filter((a) => !['show', 'list', 'lst', 'dev'].includes(a));
  const only = rest[0];
  const tidy = (l: string) =>
    busybox ? l.replace(' mode DEFAULT', '').replace(' group default', '').replace(' link-netnsid 0', '') : l;
  const blocks: { dev: string; lines: string[] }[] = [];
  const lo = [
    `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN${link ? ' mode DEFAULT' : ''} group default qlen 1000`,
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  ];
  if (!link) lo.push('    inet 127.0.0.1/8 scope host lo', '       valid_lft forever preferred_lft forever');
  blocks.push({ dev: 'lo', lines: lo });
  ctx.net.addresses().forEach((address, i) => {
    const prefix = prefixOf(address);
    const dev = `eth${i}`;
    const lines = [
      `${i + 2}: ${dev}@if${i * 2 + 7}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${address.startsWith('10.') ? 1450 : 1500} qdisc noqueue state UP${link ? ' mode DEFAULT' : ''} group default `,
      `    link/ether ${mac(address)} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
    ];
    if (!link)
      lines.push(
        `    inet ${address}/${prefix} brd ${broadcast(address, prefix)} scope global ${dev}`,
        '       valid_lft forever preferred_lft forever',
      );
    blocks.push({ dev, lines });
  });
  const shown = only === undefined ? blocks : blocks.filter((b) => b.dev === only);
  if (only !== undefined && shown.length === 0) {
    ctx.stderr.write(`Device "${only}" does not exist.\n`);
    return 1;
  }
  // -o: one line per interface (per address for `ip -o addr`), continuation lines joined by a backslash
  const out = shown.flatMap((b) => {
    const lines = b.lines.map(tidy);
    if (!oneLine) return lines;
    if (link) return [lines.join('\\')];
    const index = lines[0]!.split(':')[0];
    return lines
      .filter((l) => l.startsWith('    inet'))
      .map((l) => `${index}: ${b.dev}    ${l.trim()}\\       valid_lft forever preferred_lft forever`);
  });
  ctx.stdout.write(out.join('\n') + '\n');
  return 0;
};

/** dig (BIND 9.20): +short, or the full answer as dig prints it for an A query. */
export const dig: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const short = args.includes('+short');
  const name = args.find(
    (a) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-') && a !== 'A' && a !== 'IN',
  );
  const server = args.find((a) => a.startsWith('@'))?.slice(1) ?? nameserver(ctx);
  if (name === undefined) {
    ctx.stdout.write(short ? '' : '\n; <<>> DiG 9.20.11-4+deb13u1-Debian <<>>\n;; global options: +cmd\n');
    return 0;
  }
  const address = ctx.net.resolve(name);
  if (short) {
    if (address) ctx.stdout.write(`${address}\n`);
    return 0;
  }
  const fqdn = name.endsWith('.') ? name : `${name}.`;
  const id = Math.floor(ctx.random() * 65536);
  const lines = [
    '',
    `; <<>> DiG 9.20.11-4+deb13u1-Debian <<>> ${args.join(' ')}`,
    ';; global options: +cmd',
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${address ? 'NOERROR' : 'NXDOMAIN'}, id: ${id}`,
    `;; flags: qr rd ra; QUERY: 1, ANSWER: ${address ? 1 : 0}, AUTHORITY: 0, ADDITIONAL: 0`,
    '',
    ';; QUESTION SECTION:',
    `;${fqdn}\t\t\tIN\tA`,
    '',
  ];
  if (address) lines.push(';; ANSWER SECTION:', `${fqdn}\t\t600\tIN\tA\t${address}`, '');
  lines.push(
    ';; Query time: 0 msec',
    `;; SERVER: ${server}#53(${server}) (UDP)`,
    `;; WHEN: ${strftime('%a %b %d %H:%M:%S UTC %Y', ctx.now())}`,
    `;; MSG SIZE  rcvd: ${address ? 40 + fqdn.length : 24 + fqdn.length}`,
    '',
    '',
  );
  ctx.stdout.write(lines.join('\n'));
  return 0;
};

/** BusyBox ipaddr: `ip addr`. */
export const ipaddr: Program = async (ctx) => ip({ ...ctx, argv: ['ip', 'addr', ...ctx.argv.slice(1)] });
