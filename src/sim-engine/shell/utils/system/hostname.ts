/**
 * hostname (Debian's hostname package, and BusyBox): the name; -s short; -f/-A the
 * full name; -i the addresses the name resolves to; -I every address of the
 * namespace, each followed by a space. Setting the name needs CAP_SYS_ADMIN, which a
 * container does not have.
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';

export const hostname: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const parsed = parseCommand(ctx, {
    name: 'hostname',
    options: [
      { key: 's', short: 's', long: 'short' },
      { key: 'f', short: 'f', long: 'fqdn' },
      { key: 'f', long: 'long' },
      { key: 'i', short: 'i', long: 'ip-address' },
      { key: 'd', short: 'd', long: 'domain' },
      ...(busybox
        ? [{ key: 'F', short: 'F', arg: 'required' as const }]
        : [
            { key: 'I', short: 'I', long: 'all-ip-addresses' },
            { key: 'A', short: 'A', long: 'all-fqdns' },
          ]),
    ],
    version: 'hostname 3.25',
  });
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  const prog = progName(ctx, 'hostname');
  const addresses = ctx.net.addresses();
  if (operands.length > 0 || options.has('F')) {
    ctx.stderr.write(
      busybox
        ? `${prog}: sethostname: Operation not permitted\n`
        : `${prog}: you must be root to change the host name\n`,
    );
    return 1;
  }
  const name = ctx.hostname;
  if (options.has('I')) ctx.stdout.write(addresses.map((a) => `${a} `).join('') + '\n');
  else if (options.has('i'))
    ctx.stdout.write(`${(ctx.net.resolve(name) ? [ctx.net.resolve(name)!] : addresses).join(' ')}\n`);
  else if (options.has('d')) ctx.stdout.write(busybox ? '' : '\n');
  else if (options.has('s')) ctx.stdout.write(`${name.split('.')[0]}\n`);
  else if (options.has('A')) ctx.stdout.write(`${name} \n`);
  else ctx.stdout.write(`${name}\n`);
  return 0;
};
