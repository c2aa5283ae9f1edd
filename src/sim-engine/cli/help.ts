/**
 * Help and usage text, rendered as docker/cli's cobra usage template does
 * (cli/cobra.go usageTemplate) for a terminal of the given width.
 */
import type { Command } from './command.ts';
import { flagUsagesWrapped } from './flag-usage.ts';
import type { Hider } from './support.ts';

function rpad(s: string, n: number): string {
  return s.padEnd(n, ' ');
}

/** The flags help shows: not hidden, nor hidden by what the daemon supports. */
function shownFlags(cmd: Command, hide: Hider | undefined) {
  return cmd.flags.map((f) => (hide?.flag(f) ? { ...f, hidden: true } : f));
}

function hasAvailableFlags(cmd: Command, hide?: Hider): boolean {
  return shownFlags(cmd, hide).some((f) => !f.hidden);
}

/** cobra IsAvailableCommand, with the daemon-hidden commands taken out. */
function available(c: Command, hide: Hider | undefined): boolean {
  if (hide?.command(c)) return false;
  if (c.spec.hidden) return false;
  return c.runnable || c.children.some((k) => available(k, hide));
}

function commandAliases(cmd: Command): string {
  const annotated = cmd.spec.annotations?.['aliases'];
  if (annotated) return annotated;
  const parentPath = cmd.parent ? cmd.parent.commandPath + ' ' : '';
  return [cmd.commandPath, ...(cmd.spec.aliases ?? []).map((a) => parentPath + a)].join(', ');
}

function hasAliases(cmd: Command): boolean {
  return (cmd.spec.aliases ?? []).length > 0 || !!cmd.spec.annotations?.['aliases'];
}

function topCommands(cmd: Command, hide?: Hider): Command[] {
  if (cmd.parent) return [];
  return cmd.children
    .filter((c) => available(c, hide) && c.spec.annotations?.['category-top'] !== undefined)
    .sort(
      (a, b) => Number(a.spec.annotations!['category-top']) - Number(b.spec.annotations!['category-top']),
    );
}

function operationSubCommands(cmd: Command, hide?: Hider): Command[] {
  return cmd.children.filter((c) => {
    if (c.spec.annotations?.['category-top'] !== undefined && !cmd.parent) return false;
    return available(c, hide) && !c.hasSubCommands;
  });
}

function managementSubCommands(cmd: Command, swarm: boolean, hide?: Hider): Command[] {
  return cmd.children.filter(
    (c) => available(c, hide) && c.hasSubCommands && (c.spec.annotations?.['swarm'] !== undefined) === swarm,
  );
}

function listing(title: string, cmds: Command[], decorated: boolean): string {
  if (cmds.length === 0) return '';
  let out = `\n\n${title}:`;
  for (const c of cmds) {
    out += decorated
      ? `\n  ${rpad(c.name + ' ', c.namePadding + 1)}${c.spec.short}`
      : `\n  ${rpad(c.name, c.namePadding)} ${c.spec.short}`;
  }
  return out;
}

/** cli/cobra.go isExperimental: the command or a parent is annotated `experimentalCLI` */
function isExperimental(cmd: Command): boolean {
  for (let c: Command | undefined = cmd; c; c = c.parent) {
    if (c.spec.annotations?.['experimentalCLI'] !== undefined) return true;
  }
  return false;
}

/** The full help of a command (`docker run --help`), ending with a newline. */
export function usageString(cmd: Command, width: number, hide?: Hider): string {
  let out = 'Usage:';
  if (!cmd.hasSubCommands) out += `  ${cmd.useLine}`;
  else out += `  ${cmd.commandPath}${hasAvailableFlags(cmd, hide) ? ' [OPTIONS]' : ''} COMMAND`;
  out += '\n\n' + (cmd.spec.long ?? cmd.spec.short).trim();
  if (isExperimental(cmd)) {
    out +=
      `\n\nEXPERIMENTAL:\n  ${cmd.commandPath} is an experimental feature.\n` +
      '  Experimental features provide early access to product functionality. These\n' +
      '  features may change between releases without warning, or can be removed from a\n' +
      '  future release. Learn more about experimental features in our documentation:\n' +
      '  https://docs.docker.com/go/experimental/';
  }
  if (hasAliases(cmd)) out += `\n\nAliases:\n  ${commandAliases(cmd)}`;
  if (cmd.spec.example) out += `\n\nExamples:\n${cmd.spec.example}`;
  if (cmd.parent && hasAvailableFlags(cmd, hide)) {
    out += '\n\nOptions:\n' + flagUsagesWrapped(shownFlags(cmd, hide), width - 1).trimEnd();
  }
  out += listing('Common Commands', topCommands(cmd, hide), true);
  out += listing('Management Commands', managementSubCommands(cmd, false, hide), true);
  out += listing('Swarm Commands', managementSubCommands(cmd, true, hide), true);
  out += listing('Commands', operationSubCommands(cmd, hide), false);
  if (!cmd.parent && hasAvailableFlags(cmd, hide)) {
    out += '\n\nGlobal Options:\n' + flagUsagesWrapped(shownFlags(cmd, hide), width - 1).trimEnd();
  }
  if (cmd.hasSubCommands)
    out += `\n\nRun '${cmd.commandPath} COMMAND --help' for more information on a command.`;
  const additional = cmd.spec.annotations?.['additionalHelp'];
  if (additional) out += `\n\n${additional}`;
  return out + '\n';
}
