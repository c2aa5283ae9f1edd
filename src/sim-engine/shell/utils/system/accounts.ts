/**
 * Creating users and groups, as Dockerfiles do before `USER`: shadow's useradd and
 * groupadd (Debian, Ubuntu) and BusyBox's adduser and addgroup (Alpine). They edit
 * /etc/passwd, /etc/group, /etc/shadow (and /etc/gshadow where it exists) and make the
 * home directory from /etc/skel.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { busyboxUsage, parseCommand, progName } from '../support/command.ts';
import { groupByName, groups, passwd, userByName } from '../support/users.ts';

function append(ctx: ProcessContext, path: string, line: string): void {
  let text = '';
  try {
    text = ctx.fs.readFile(path);
  } catch {
    if (path.endsWith('gshadow')) return;
  }
  ctx.fs.writeFile(path, (text === '' || text.endsWith('\n') ? text : text + '\n') + line + '\n');
}

/** Days since the epoch, the shadow file's "last changed". */
const today = (ctx: ProcessContext) => Math.floor(ctx.now() / 86400000);

function freeId(used: number[], from: number, to: number, down = false): number {
  const taken = new Set(used);
  if (down) {
    for (let id = to; id >= from; id--) if (!taken.has(id)) return id;
  } else for (let id = from; id <= to; id++) if (!taken.has(id)) return id;
  return -1;
}

function addGroupEntry(ctx: ProcessContext, name: string, gid: number): void {
  append(ctx, '/etc/group', `${name}:x:${gid}:`);
  append(ctx, '/etc/gshadow', `${name}:!::`);
}

function addMember(ctx: ProcessContext, group: string, user: string): void {
  const text = ctx.fs.readFile('/etc/group');
  ctx.fs.writeFile(
    '/etc/group',
    text
      .split('\n')
      .map((l) => {
        const f = l.split(':');
        if (f[0] !== group) return l;
        const members = (f[3] ?? '').split(',').filter((m) => m !== '');
        if (!members.includes(user)) members.push(user);
        return [f[0], f[1], f[2], members.join(',')].join(':');
      })
      .join('\n'),
  );
}

function makeHome(ctx: ProcessContext, home: string, uid: number, gid: number, mode: number): void {
  if (ctx.fs.stat(home)) return;
  ctx.fs.mkdir(home, { parents: true, mode, uid, gid });
  ctx.fs.chmod(home, mode);
  ctx.fs.chown(home, uid, gid);
  try {
    for (const name of ctx.fs.readdir('/etc/skel')) {
      const text = ctx.fs.readFile(`/etc/skel/${name}`);
      ctx.fs.writeFile(`${home}/${name}`, text, { uid, gid, mode: 0o644 });
    }
  } catch {
    // no skeleton
  }
}

export const useradd: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'useradd',
    options: [
      { key: 'm', short: 'm', long: 'create-home' },
      { key: 'M', short: 'M', long: 'no-create-home' },
      { key: 'r', short: 'r', long: 'system' },
      { key: 'u', short: 'u', long: 'uid', arg: 'required' },
      { key: 'g', short: 'g', long: 'gid', arg: 'required' },
      { key: 'G', short: 'G', long: 'groups', arg: 'required' },
      { key: 'd', short: 'd', long: 'home-dir', arg: 'required' },
      { key: 's', short: 's', long: 'shell', arg: 'required' },
      { key: 'c', short: 'c', long: 'comment', arg: 'required' },
      { key: 'N', short: 'N', long: 'no-user-group' },
      { key: 'U', short: 'U', long: 'user-group' },
      { key: 'l', short: 'l', long: 'no-log-init' },
      { key: 'o', short: 'o', long: 'non-unique' },
      { key: 'p', short: 'p', long: 'password', arg: 'required' },
    ],
    usageStatus: 2,
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const prog = progName(ctx, 'useradd');
  const name = parsed.operands[0];
  if (name === undefined || parsed.operands.length > 1) {
    ctx.stderr.write('Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n');
    return 2;
  }
  if (ctx.user.uid !== 0) {
    ctx.stderr.write(`${prog}: Permission denied.\n${prog}: cannot lock /etc/passwd; try again later.\n`);
    return 1;
  }
  if (userByName(ctx.fs, name)) {
    ctx.stderr.write(`${prog}: user '${name}' already exists\n`);
    return 9;
  }
  const users = passwd(ctx.fs);
  const system = o.has('r');
  const uid = o.has('u')
    ? Number(o.last('u'))
    : system
      ? freeId(
          users.map((u) => u.uid),
          100,
          999,
          true,
        )
      : freeId(
          users.map((u) => u.uid),
          1000,
          60000,
        );
  if (o.has('u') && !o.has('o') && users.some((u) => u.uid === uid)) {
    ctx.stderr.write(`${prog}: UID ${uid} is not unique\n`);
    return 4;
  }
  let gid: number;
  if (o.has('g')) {
    const g = o.last('g')!;
    const found = groupByName(ctx.fs, g) ?? groups(ctx.fs).find((x) => String(x.gid) === g);
    if (!found) {
      ctx.stderr.write(`${prog}: group '${g}' does not exist\n`);
      return 6;
    }
    gid = found.gid;
  } else if (o.has('N')) gid = 100;
  else {
    if (groupByName(ctx.fs, name)) {
      ctx.stderr.write(
        `${prog}: group ${name} exists - if you want to add this user to that group, use -g.\n`,
      );
      return 9;
    }
    const gids = groups(ctx.fs).map((g) => g.gid);
    gid = !gids.includes(uid) ? uid : system ? freeId(gids, 100, 999, true) : freeId(gids, 1000, 60000);
    addGroupEntry(ctx, name, gid);
  }
  const home = o.last('d') ?? `/home/${name}`;
  const shell = o.last('s') ?? '/bin/sh';
  append(ctx, '/etc/passwd', `${name}:x:${uid}:${gid}:${o.last('c') ?? ''}:${home}:${shell}`);
  append(ctx, '/etc/shadow', `${name}:${o.has('p') ? o.last('p') : '!'}:${today(ctx)}:0:99999:7:::`);
  for (const g of (o.last('G') ?? '').split(',').filter((x) => x !== '')) {
    if (!groupByName(ctx.fs, g)) {
      ctx.stderr.write(`${prog}: group '${g}' does not exist\n`);
      return 6;
    }
    addMember(ctx, g, name);
  }
  if (o.has('m') && !o.has('M')) makeHome(ctx, home, uid, gid, 0o700);
  return 0;
};

export const groupadd: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'groupadd',
    options: [
      { key: 'r', short: 'r', long: 'system' },
      { key: 'g', short: 'g', long: 'gid', arg: 'required' },
      { key: 'f', short: 'f', long: 'force' },
      { key: 'o', short: 'o', long: 'non-unique' },
    ],
    usageStatus: 2,
  });
  if (typeof parsed === 'number') return parsed;
  const prog = progName(ctx, 'groupadd');
  const name = parsed.operands[0];
  if (name === undefined) {
    ctx.stderr.write('Usage: groupadd [options] GROUP\n');
    return 2;
  }
  if (groupByName(ctx.fs, name)) {
    if (parsed.options.has('f')) return 0;
    ctx.stderr.write(`${prog}: group '${name}' already exists\n`);
    return 9;
  }
  const gids = groups(ctx.fs).map((g) => g.gid);
  const gid = parsed.options.has('g')
    ? Number(parsed.options.last('g'))
    : parsed.options.has('r')
      ? freeId(gids, 100, 999, true)
      : freeId(gids, 1000, 60000);
  if (parsed.options.has('g') && gids.includes(gid) && !parsed.options.has('o')) {
    ctx.stderr.write(`${prog}: GID '${gid}' already exists\n`);
    return 4;
  }
  addGroupEntry(ctx, name, gid);
  return 0;
};

/** BusyBox adduser: -D (no password), -S (system), -G GROUP, -h HOME, -s SHELL, -u UID, -g GECOS, -H. */
export const adduser: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'adduser',
    options: [
      { key: 'h', short: 'h', arg: 'required' },
      { key: 'g', short: 'g', arg: 'required' },
      { key: 's', short: 's', arg: 'required' },
      { key: 'G', short: 'G', arg: 'required' },
      { key: 'S', short: 'S' },
      { key: 'D', short: 'D' },
      { key: 'H', short: 'H' },
      { key: 'u', short: 'u', arg: 'required' },
      { key: 'k', short: 'k', arg: 'required' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const prog = progName(ctx, 'adduser');
  const [name, group] = parsed.operands;
  if (name === undefined) return busyboxUsage(ctx, 'adduser');
  if (group !== undefined) {
    if (!groupByName(ctx.fs, group)) {
      ctx.stderr.write(`${prog}: unknown group ${group}\n`);
      return 1;
    }
    addMember(ctx, group, name);
    return 0;
  }
  if (userByName(ctx.fs, name)) {
    ctx.stderr.write(`${prog}: user '${name}' in use\n`);
    return 1;
  }
  const system = o.has('S');
  const users = passwd(ctx.fs);
  const uid = o.has('u')
    ? Number(o.last('u'))
    : system
      ? freeId(
          users.map((u) => u.uid),
          100,
          999,
        )
      : freeId(
          users.map((u) => u.uid),
          1000,
          60000,
        );
  let gid: number;
  if (o.has('G')) {
    const g = groupByName(ctx.fs, o.last('G')!);
    if (!g) {
      ctx.stderr.write(`${prog}: unknown group ${o.last('G')}\n`);
      return 1;
    }
    gid = g.gid;
  } else if (system) gid = groupByName(ctx.fs, 'nogroup')?.gid ?? 65533;
  else {
    const gids = groups(ctx.fs).map((g) => g.gid);
    gid = gids.includes(uid) ? freeId(gids, 1000, 60000) : uid;
    addGroupEntry(ctx, name, gid);
  }
  const home = o.last('h') ?? `/home/${name}`;
  const shell = o.last('s') ?? (system ? '/sbin/nologin' : '/bin/sh');
  append(ctx, '/etc/passwd', `${name}:x:${uid}:${gid}:${o.last('g') ?? 'Linux User,,,'}:${home}:${shell}`);
  append(ctx, '/etc/shadow', `${name}:!:${today(ctx)}:0:99999:7:::`);
  if (!o.has('H')) makeHome(ctx, home, uid, gid, 0o755);
  if (!o.has('D') && !system) {
    // Differs from BusyBox: no interactive password prompt; the account stays locked
    ctx.stdout.write(`Changing password for ${name}\n`);
    ctx.stderr.write(`passwd: password for ${name} is unchanged\n`);
    return 1;
  }
  return 0;
};

/** BusyBox addgroup: `addgroup [-g GID] [-S] GROUP`, or `addgroup USER GROUP`. */
export const addgroup: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'addgroup',
    options: [
      { key: 'g', short: 'g', arg: 'required' },
      { key: 'S', short: 'S' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const prog = progName(ctx, 'addgroup');
  const ops = parsed.operands;
  if (ops.length === 0 || ops.length > 2) return busyboxUsage(ctx, 'addgroup');
  if (ops.length === 2) {
    const [user, group] = ops as [string, string];
    if (!userByName(ctx.fs, user)) {
      ctx.stderr.write(`${prog}: unknown user ${user}\n`);
      return 1;
    }
    if (!groupByName(ctx.fs, group)) {
      ctx.stderr.write(`${prog}: unknown group ${group}\n`);
      return 1;
    }
    addMember(ctx, group, user);
    return 0;
  }
  const name = ops[0]!;
  if (groupByName(ctx.fs, name)) {
    ctx.stderr.write(`${prog}: group '${name}' in use\n`);
    return 1;
  }
  const gids = groups(ctx.fs).map((g) => g.gid);
  const gid = parsed.options.has('g')
    ? Number(parsed.options.last('g'))
    : parsed.options.has('S')
      ? freeId(gids, 100, 999)
      : freeId(gids, 1000, 60000);
  addGroupEntry(ctx, name, gid);
  return 0;
};
