/**
 * COPY and ADD as BuildKit's Dockerfile frontend dispatches them
 * (dockerfile2llb/convert.go `dispatchCopy`): where the files come from (the context,
 * an earlier stage, or an image by `--from`), `--chmod`'s check, the step's history
 * text, its cache key over the sources' checksum, and the failure when a source is not
 * there. How the files are copied is copy.ts.
 */
import { MemFs } from '../fs/mem-fs.ts';
import type { FileSystem } from '../fs/types.ts';
import { canonicalString, parseNormalizedNamed } from '../images/reference.ts';
import type { Builder } from './build.ts';
import { cacheKey } from './cache.ts';
import { copyInto, copyText, sourcesChecksum, SourceNotFound } from './copy.ts';
import type { Instruction } from './dockerfile/index.ts';
import { resolveBase, withLatest } from './from.ts';
import { layerStep } from './layer-step.ts';
import { chownOwner, treeOf } from './layers.ts';
import { commitLast, type StageState } from './stage.ts';

export async function dispatchCopy(
  b: Builder,
  s: StageState,
  cmd: Extract<Instruction, { kind: 'COPY' | 'ADD' }>,
  displayName: (t: string) => string,
): Promise<void> {
  const isAdd = cmd.kind === 'ADD';
  let source: FileSystem;
  let sourceKey: string;
  if (cmd.from) {
    const stage = b.stageByName(cmd.from, s);
    if (stage) {
      if (!stage.dispatched)
        b.fail(
          `cannot copy from stage "${cmd.from}", it needs to be defined before current stage "${s.stageName}"`,
          cmd,
        );
      source = new MemFs({ tree: treeOf(stage.layers) });
      sourceKey = stage.key;
    } else {
      const parsed = parseNormalizedNamed(cmd.from);
      if (!parsed.ok) b.fail(`failed to parse stage name "${cmd.from}": ${parsed.error}`, cmd);
      const ref = withLatest(parsed.ref);
      const image = await resolveBase(b, ref, canonicalString(ref), s);
      source = new MemFs({ tree: treeOf(image.layers) });
      sourceKey = image.id;
    }
  } else {
    for (const src of cmd.sources) {
      if (/^https?:\/\//.test(src)) {
        if (!isAdd) b.fail("source can't be a URL for COPY", cmd);
        b.fail(`ADD of a URL (${src}) is not simulated in Dockyard: the lab has no internet`, cmd);
      }
    }
    source = cmd.sources.length > 0 ? await b.context() : new MemFs();
    sourceKey = 'context';
  }
  let chmod: number | undefined;
  if (cmd.chmod) {
    if (!/^[0-7]+$/.test(cmd.chmod) || parseInt(cmd.chmod, 8) > 0o7777) {
      b.fail(
        `invalid chmod parameter: '${cmd.chmod}'. it should be octal string and between 0 and 07777`,
        cmd,
      );
    }
    chmod = parseInt(cmd.chmod, 8);
  }
  const name = displayName(cmd.original);
  let message = isAdd ? 'ADD' : 'COPY';
  if (cmd.parents) message += ' --parents';
  if (cmd.chown) message += ` --chown=${cmd.chown}`;
  if (cmd.chmod) message += ` --chmod=${cmd.chmod}`;
  for (const src of cmd.sources) message += ` ${src}`;
  for (const h of cmd.sourceContents) message += ` <<${h.path}`;
  message += ` ${cmd.dest}`;

  let checksum: string[];
  try {
    checksum = sourcesChecksum(source, cmd.sources);
  } catch (err) {
    if (err instanceof SourceNotFound) return missingSource(b, cmd, name, err.path);
    throw err;
  }
  const dest = cmd.dest.startsWith('/')
    ? cmd.dest
    : `${(s.config.WorkingDir || '/').replace(/\/$/, '')}/${cmd.dest}`;
  const key = cacheKey(
    s.key,
    isAdd ? 'add' : 'copy',
    sourceKey,
    checksum,
    cmd.sourceContents,
    dest,
    cmd.chown ?? '',
    chmod ?? -1,
  );
  await layerStep(b, s, key, name, message, cmd, async (fs) => {
    let owner = { uid: 0, gid: 0 };
    if (cmd.chown) {
      const o = chownOwner(fs, cmd.chown);
      if ('error' in o) return { error: o.error };
      owner = o;
    }
    const o = { owner, ...(chmod !== undefined ? { mode: chmod } : {}), now: b.now };
    copyInto(fs, source, cmd.sources, dest, o);
    // heredoc sources, already expanded (and chomped for <<-) by expandInstruction
    for (const h of cmd.sourceContents) copyText(fs, h.path, h.data, dest, o);
    return undefined;
  });
  commitLast(s, message, true);
}

/** COPY of a source that is not in the context: BuildKit fails computing the step's cache key. */
function missingSource(b: Builder, cmd: Instruction, name: string, path: string): never {
  // the context's snapshot is named by the daemon's ID and a record ID (moby's worker)
  const record = Array.from(
    { length: 25 },
    () => '0123456789abcdefghijklmnopqrstuvwxyz'[b.d.random.int(36)],
  ).join('');
  const v = b.trace.start(name);
  const message = `failed to compute cache key: failed to calculate checksum of ref ${b.d.id}::${record}: "${path}": not found`;
  b.trace.complete(v, message);
  b.fail(message, cmd, { vertexName: name }, b.classic?.missingSource(cmd, path));
}
