/**
 * What every utility does first: work out which build it is (GNU or BusyBox, glibc or
 * musl), parse its options, and on a usage error print what that build prints —
 * GNU: the getopt line and `Try 'ls --help' for more information.`; BusyBox: the
 * getopt line, the banner and the applet's usage.
 */
import type { ProcessContext } from '../../../process/types.ts';
import { BUSYBOX_USAGE } from './busybox-usage.ts';
import { getoptMessage, parseOptions } from './getopt.ts';
import type { CommandSpec, Options } from './getopt.ts';

export type Variant = 'gnu' | 'busybox';

export function variantOf(ctx: ProcessContext): Variant {
  return ctx.variant === 'busybox' ? 'busybox' : 'gnu';
}

/** Alpine's BusyBox is linked with musl, whose getopt words its messages differently. */
export function libcOf(ctx: ProcessContext): 'glibc' | 'musl' {
  return ctx.fs.stat('/etc/alpine-release') ? 'musl' : 'glibc';
}

/**
 * The banner line. Alpine 3.20 ships BusyBox 1.36.1, later Alpine and the busybox
 * image ship 1.37.0; the build date is the one of those packages.
 */
export function busyboxBanner(ctx: ProcessContext): string {
  let alpine = '';
  try {
    alpine = ctx.fs.readFile('/etc/alpine-release').trim();
  } catch {
    // not Alpine: the busybox image
  }
  if (alpine.startsWith('3.20') || alpine.startsWith('3.19') || alpine.startsWith('3.18'))
    return 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.';
  if (alpine) return 'BusyBox v1.37.0 (2025-06-04 10:53:25 UTC) multi-call binary.';
  return 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.';
}

/** The name a tool calls itself in messages: GNU uses argv[0] as given, BusyBox the applet name. */
export function progName(ctx: ProcessContext, fallback: string): string {
  const arg0 = ctx.argv[0] ?? fallback;
  return variantOf(ctx) === 'busybox' ? arg0.slice(arg0.lastIndexOf('/') + 1) || fallback : arg0;
}

/** Print the BusyBox usage (after the banner) and return the status BusyBox exits with. */
export function busyboxUsage(ctx: ProcessContext, applet: string, status = 1): number {
  const usage = BUSYBOX_USAGE[applet] ?? `Usage: ${applet}`;
  ctx.stderr.write(`${busyboxBanner(ctx)}\n\n${usage}\n`);
  return status;
}

/** `Try 'ls --help' for more information.` */
export function gnuTry(ctx: ProcessContext, applet: string): string {
  return `Try '${progName(ctx, applet)} --help' for more information.\n`;
}

export interface ToolSpec extends CommandSpec {
  /** the tool's name as its usage texts know it */
  name: string;
  /** GNU status for a usage error (1 for most, 2 for ls, grep, sort…) */
  usageStatus?: number;
  /** BusyBox status for a usage error (1 for most applets, 2 for sort and grep) */
  bbUsageStatus?: number;
  /** GNU version line for --version, e.g. `ls (GNU coreutils) 9.7` */
  version?: string;
  /** GNU one-line usage for --help */
  help?: string;
}

export interface Parsed {
  options: Options;
  operands: string[];
}

/**
 * Parse argv[1..]. Returns the options, or the exit status when the tool must stop
 * now (a usage error, --help, --version), having printed what it prints.
 */
export function parseCommand(ctx: ProcessContext, spec: ToolSpec, args = ctx.argv.slice(1)): Parsed | number {
  const variant = variantOf(ctx);
  if (variant === 'busybox') {
    if (args[0] === '--help') return busyboxUsage(ctx, spec.name, 0);
    // BusyBox has fewer options, and long names only where the applet declares them
    const options = spec.options
      .filter((o) => !o.gnuOnly)
      .map((o) => (o.bbLong || o.long === undefined ? o : { ...o, long: undefined }))
      .filter((o) => o.short !== undefined || o.long !== undefined);
    const result = parseOptions(args, { ...spec, options });
    if (result.ok) return { options: result.options, operands: result.operands };
    ctx.stderr.write(getoptMessage(progName(ctx, spec.name), result.error, libcOf(ctx)) + '\n');
    return busyboxUsage(ctx, spec.name, spec.bbUsageStatus ?? 1);
  }
  const withStd: CommandSpec = {
    ...spec,
    options: [...spec.options, { key: '--help', long: 'help' }, { key: '--version', long: 'version' }],
  };
  const result = parseOptions(args, withStd);
  if (!result.ok) {
    ctx.stderr.write(
      getoptMessage(progName(ctx, spec.name), result.error, 'glibc') + '\n' + gnuTry(ctx, spec.name),
    );
    return spec.usageStatus ?? 1;
  }
  if (result.options.has('--help')) {
    // Differs from GNU: only the synopsis, not the whole manual-like help text.
    ctx.stdout.write(`${spec.help ?? `Usage: ${progName(ctx, spec.name)} [OPTION]...`}\n`);
    return 0;
  }
  if (result.options.has('--version')) {
    ctx.stdout.write(`${spec.version ?? `${spec.name} (GNU coreutils) 9.7`}\n`);
    return 0;
  }
  return { options: result.options, operands: result.operands };
}

/** For a missing operand: GNU `ls: missing operand` + Try; BusyBox prints its usage. */
export function missingOperand(ctx: ProcessContext, spec: ToolSpec, what = 'missing operand'): number {
  if (variantOf(ctx) === 'busybox') return busyboxUsage(ctx, spec.name);
  ctx.stderr.write(`${progName(ctx, spec.name)}: ${what}\n${gnuTry(ctx, spec.name)}`);
  return spec.usageStatus ?? 1;
}
