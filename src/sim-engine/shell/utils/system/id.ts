/**
 * id: `uid=0(root) gid=0(root) groups=0(root),…`, -u -g -G -n -r, and another user's
 * ids. Supplementary groups are those listing the user in /etc/group.
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';
import { groupByGid, groups, userByName, userByUid } from '../support/users.ts';

export const id: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'id',
    options: [
      { key: 'u', short: 'u', long: 'user' },
      { key: 'g', short: 'g', long: 'group' },
      { key: 'G', short: 'G', long: 'groups' },
      { key: 'n', short: 'n', long: 'name' },
      { key: 'r', short: 'r', long: 'real' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  const prog = progName(ctx, 'id');
  let uid = ctx.user.uid;
  let gid = ctx.user.gid;
  let name = userByUid(ctx.fs, uid)?.name;
  if (operands.length > 0) {
    const user =
      userByName(ctx.fs, operands[0]!) ??
      (/^\d+$/.test(operands[0]!) ? userByUid(ctx.fs, Number(operands[0])) : undefined);
    if (!user) {
      ctx.stderr.write(
        variantOf(ctx) === 'gnu'
          ? `${prog}: '${operands[0]}': no such user\n`
          : `${prog}: unknown user ${operands[0]}\n`,
      );
      return 1;
    }
    ({ uid, gid, name } = user);
  }
  const groupName = (g: number) => groupByGid(ctx.fs, g)?.name;
  const extra =
    name === undefined
      ? []
      : groups(ctx.fs)
          .filter((g) => g.members.includes(name!) && g.gid !== gid)
          .map((g) => g.gid);
  const all = [gid, ...extra];
  const label = (n: number, text: string | undefined) => (text === undefined ? String(n) : `${n}(${text})`);
  const nameOr = (n: number, text: string | undefined) =>
    options.has('n') ? (text ?? String(n)) : String(n);
  if (options.has('u')) {
    ctx.stdout.write(`${nameOr(uid, name)}\n`);
  } else if (options.has('g')) {
    ctx.stdout.write(`${nameOr(gid, groupName(gid))}\n`);
  } else if (options.has('G')) {
    ctx.stdout.write(`${all.map((g) => nameOr(g, groupName(g))).join(' ')}\n`);
  } else {
    ctx.stdout.write(
      `uid=${label(uid, name)} gid=${label(gid, groupName(gid))} groups=${all.map((g) => label(g, groupName(g))).join(',')}\n`,
    );
  }
  return 0;
};
