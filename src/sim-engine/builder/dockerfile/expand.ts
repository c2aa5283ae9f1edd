/**
 * Variable expansion at dispatch time, field by field as BuildKit does it: each
 * command's Expand/ExpandRaw method (instructions/commands.go), dispatchArg,
 * dispatchExpose, and the FROM expansion of toDispatchState (convert.go).
 */
import { parseRunMount } from './mount.ts';
import { shellLex, type EnvLookup, type ShellLex } from './shell-lex.ts';
import type { Instruction, KeyValuePair, Stage } from './types.ts';

/**
 * Expand the fields BuildKit expands for this instruction. Returns a copy; `unmatched`
 * lists the variables looked up and not found (for UndefinedVar), in first-use order.
 * Throws an Error with BuildKit's text on a bad substitution.
 *
 * - ENV, LABEL: keys and values. ARG: the default value only (dispatchArg; the builder
 *   decides whether a --build-arg replaces it). COPY: --chown, --chmod, sources, dest,
 *   and heredoc sources marked expand (with `\` as escape and quotes kept, ExpandRaw).
 *   ADD: also --checksum. COPY --from is never expanded (see checkCopyFrom).
 * - WORKDIR, USER, STOPSIGNAL: the one value. VOLUME: each volume. EXPOSE: each port
 *   with ProcessWords (may split; reports no unmatched names, as BuildKit).
 * - RUN: the --mount options (mounts is filled); the command is left to the shell.
 * - CMD, ENTRYPOINT, HEALTHCHECK, SHELL, ONBUILD, MAINTAINER: nothing.
 */
export function expandInstruction<T extends Instruction>(
  cmd: T,
  lex: ShellLex,
  env: EnvLookup,
): { cmd: T; unmatched: string[] } {
  const unmatched: string[] = [];
  const note = (names: string[]) => {
    for (const n of names) if (!unmatched.includes(n)) unmatched.push(n);
  };
  const word = (w: string): string => {
    const r = lex.processWord(w, env);
    note(r.unmatched);
    return r.result;
  };
  const kvps = (pairs: KeyValuePair[]) =>
    pairs.map((p) => {
      const key = word(p.key);
      return { key, value: word(p.value), noDelim: p.noDelim };
    });
  const c = cmd as Instruction;
  let out: Instruction;
  switch (c.kind) {
    case 'ENV':
    case 'LABEL':
      out = { ...c, pairs: kvps(c.pairs) };
      break;
    case 'ARG':
      out = {
        ...c,
        args: c.args.map((a) => (a.value === undefined ? { ...a } : { ...a, value: word(a.value) })),
      };
      break;
    case 'COPY':
    case 'ADD': {
      const chown = c.chown !== undefined ? word(c.chown) : undefined;
      const chmod = c.chmod !== undefined ? word(c.chmod) : undefined;
      const checksum = c.kind === 'ADD' && c.checksum !== undefined ? word(c.checksum) : undefined;
      const sources = c.sources.map(word);
      const dest = word(c.dest);
      // ExpandRaw: heredoc contents keep their quotes and always use "\" as escape
      const raw = shellLex('\\', { skipProcessQuotes: true });
      const sourceContents = c.sourceContents.map((sc) => {
        if (!sc.expand) return { ...sc };
        const r = raw.processWord(sc.data, env);
        note(r.unmatched);
        return { ...sc, data: r.result };
      });
      const o = { ...c, sources, dest, sourceContents };
      if (chown !== undefined) o.chown = chown;
      if (chmod !== undefined) o.chmod = chmod;
      if (o.kind === 'ADD' && checksum !== undefined) o.checksum = checksum;
      out = o;
      break;
    }
    case 'WORKDIR':
      out = { ...c, path: word(c.path) };
      break;
    case 'USER':
      out = { ...c, user: word(c.user) };
      break;
    case 'STOPSIGNAL':
      out = { ...c, signal: word(c.signal) };
      break;
    case 'VOLUME':
      out = { ...c, volumes: c.volumes.map(word) };
      break;
    case 'EXPOSE':
      out = { ...c, ports: c.ports.flatMap((p) => lex.processWords(p, env).result) };
      break;
    case 'RUN':
      out = { ...c, mounts: c.mountSpecs.map((m) => parseRunMount(m, word)) };
      break;
    default:
      out = { ...c };
  }
  return { cmd: out as T, unmatched };
}

/**
 * toCommand's check of COPY --from: a variable there is an error (it names a stage,
 * resolved before any ARG is known). Throws with BuildKit's text.
 */
export function checkCopyFrom(from: string, lex: ShellLex): void {
  const r = lex.processWordWithMatches(from, () => undefined);
  if (r.result !== from) {
    throw new Error(
      'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
    );
  }
}

export interface ExpandedFrom {
  baseName: string;
  platform?: string;
  /** Names used (found) while expanding, base name then platform. */
  matched: string[];
  unmatched: string[];
}

/**
 * The FROM line's expansion against the global (meta) args, as toDispatchState does:
 * the base name must not come out empty. Throws with BuildKit's text; the platform's
 * own parsing is the builder's.
 */
export function expandFrom(stage: Stage, lex: ShellLex, globalArgs: EnvLookup): ExpandedFrom {
  const name = lex.processWordWithMatches(stage.baseName, globalArgs);
  if (name.result === '') throw new Error(`base name (${stage.baseName}) should not be blank`);
  const out: ExpandedFrom = {
    baseName: name.result,
    matched: [...name.matched],
    unmatched: [...name.unmatched],
  };
  if (stage.platform !== undefined) {
    let p;
    try {
      p = lex.processWordWithMatches(stage.platform, globalArgs);
    } catch (e) {
      throw new Error(`failed to process arguments for platform : ${(e as Error).message}`, { cause: e });
    }
    if (p.result === '') throw new Error(`empty platform value from expression ${stage.platform}`);
    out.platform = p.result;
    for (const n of p.matched) if (!out.matched.includes(n)) out.matched.push(n);
    for (const n of p.unmatched) if (!out.unmatched.includes(n)) out.unmatched.push(n);
  }
  return out;
}
