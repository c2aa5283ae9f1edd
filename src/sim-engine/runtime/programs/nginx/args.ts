/** nginx's command line (ngx_get_options in nginx.c), with its messages. */
import type { ProcessContext } from '../../../process/types.ts';

export interface NginxArgs {
  version?: 'short' | 'full';
  test?: 'test' | 'dump';
  quiet: boolean;
  signal?: 'stop' | 'quit' | 'reopen' | 'reload';
  conf: string;
  globals?: string;
}

function help(version: string): string {
  return `nginx version: nginx/${version}
Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;
}

export function parseArgs(ctx: ProcessContext): NginxArgs | number {
  const out: NginxArgs = { quiet: false, conf: '/etc/nginx/nginx.conf' };
  const argv = ctx.argv.slice(1);
  const fail = (text: string) => {
    ctx.stderr.write(`nginx: ${text}\n`);
    return 1;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) return fail(`invalid option: "${arg}"`);
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const param = (name: string): string | undefined => {
        const rest = arg.slice(j + 1);
        j = arg.length;
        if (rest !== '') return rest;
        const next = argv[++i];
        if (next === undefined)
          fail(
            `option "-${name}" requires ${name === 'g' ? 'parameter' : name === 's' ? 'parameter' : 'file name'}`,
          );
        return next;
      };
      switch (c) {
        case '?':
        case 'h':
          ctx.stderr.write(help(ctx.env.get('NGINX_VERSION') ?? '1.31.3'));
          return 0;
        case 'v':
          out.version ??= 'short';
          break;
        case 'V':
          out.version = 'full';
          break;
        case 't':
          out.test ??= 'test';
          break;
        case 'T':
          out.test = 'dump';
          break;
        case 'q':
          out.quiet = true;
          break;
        case 's': {
          const s = param('s');
          if (s === undefined) return 1;
          if (!['stop', 'quit', 'reopen', 'reload'].includes(s)) return fail(`invalid option: "-s ${s}"`);
          out.signal = s as NginxArgs['signal'];
          break;
        }
        case 'c': {
          const c2 = param('c');
          if (c2 === undefined) return 1;
          out.conf = c2.startsWith('/') ? c2 : `/etc/nginx/${c2}`;
          break;
        }
        case 'g': {
          const g = param('g');
          if (g === undefined) return 1;
          out.globals = g;
          break;
        }
        case 'p':
        case 'e':
          if (param(c) === undefined) return 1;
          break;
        default:
          return fail(`invalid option: "${arg.slice(j)}"`);
      }
    }
  }
  return out;
}
