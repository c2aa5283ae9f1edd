/**
 * `docker build` with DOCKER_BUILDKIT=0, the legacy builder's client: docker/cli
 * v28.5.2 cli/command/image/build.go runBuild. The context directory becomes a tar
 * (cli/command/image/build/context.go: the Dockerfile found in it, .dockerignore
 * applied, the Dockerfile and .dockerignore always sent), "Sending build context to
 * Docker daemon" counts its bytes, and the classic `POST /build` (version=1) streams
 * the builder's lines, printed as they come (jsonmessage). With -q nothing is printed
 * but the image ID, or everything on stderr when the build fails; a failed RUN's exit
 * status is the command's.
 */
import { dockerignoreMatcher, parseDockerignore } from '../../../builder/dockerignore/index.ts';
import { dirname, join, normalize, toAbsolute } from '../../../fs/path.ts';
import { humanSize } from '../../../golang/units.ts';
import type { RunFn } from '../../command.ts';
import { StatusError } from '../../errors.ts';
import { JSONMessageDisplay, JSONMessageError, type JSONMessage } from '../../jsonmessage.ts';
import { readContext, refuseUnsimulatedContext, tarSize, utf8Bytes } from '../buildx/context.ts';

/** What the build prints goes here: the terminal, or with -q a buffer kept for a failure. */
interface Sink {
  write(text: string): void;
  text: string;
}

function sink(direct: ((t: string) => void) | undefined): Sink {
  const s: Sink = {
    text: '',
    write: (t) => {
      if (direct) direct(t);
      else s.text += t;
    },
  };
  return s;
}

export async function runLegacyBuild(...[cli, flags, args]: Parameters<RunFn>): Promise<number | void> {
  const contextArg = args[0]!;
  refuseUnsimulatedContext(contextArg, flags.string('file'));
  const quiet = flags.bool('quiet');
  const progress = sink(quiet ? undefined : (t) => cli.out.write(t));
  const output = sink(quiet ? undefined : (t) => cli.out.write(t));
  const fs = cli.fs;

  // isLocalDir, then GetContextFromLocalDir and getDockerfileRelPath
  const contextDir = normalize(toAbsolute(cli.cwd, contextArg));
  if (!fs.stat(contextDir))
    throw new StatusError(`unable to prepare context: path "${contextArg}" not found`, 1);
  // -f names a file from the current directory, not the context (GetContextFromLocalDir)
  let dockerfilePath = flags.string('file') ? normalize(toAbsolute(cli.cwd, flags.string('file'))) : '';
  if (dockerfilePath === '') {
    dockerfilePath = join(contextDir, 'Dockerfile');
    // "Just to be nice ;-) look for 'dockerfile' too"
    if (!fs.lstat(dockerfilePath) && fs.lstat(join(contextDir, 'dockerfile')))
      dockerfilePath = join(contextDir, 'dockerfile');
  }
  if (!fs.stat(dockerfilePath)) {
    throw new StatusError(
      `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfilePath}: no such file or directory`,
      1,
    );
  }
  const relDockerfile = dockerfilePath.startsWith(`${contextDir}/`)
    ? dockerfilePath.slice(contextDir.length + 1)
    : undefined;
  const dockerfile = fs.readFile(dockerfilePath);

  // ReadDockerignore, TrimBuildFilesFromExcludes: the build's own files are always sent
  const ignorePath = join(contextDir, '.dockerignore');
  const ignoreText = fs.stat(ignorePath)?.kind === 'file' ? fs.readFile(ignorePath) : undefined;
  let patterns: string[] = [];
  if (ignoreText !== undefined) {
    try {
      patterns = parseDockerignore(ignoreText);
    } catch (err) {
      throw new StatusError(err instanceof Error ? err.message : String(err), 1);
    }
    const matcher = dockerignoreMatcher(patterns);
    for (const own of ['.dockerignore', relDockerfile ?? '']) {
      if (own && matcher.matches(own)) patterns = [...patterns, `!${own}`];
    }
  }
  const entries = readContext(fs, contextDir, patterns);
  // a Dockerfile outside the context goes into the tar under a name of its own
  // (AddDockerfileToBuildContext)
  const name = relDockerfile ?? `.dockerfile.${randomSuffix(cli.now())}`;
  if (relDockerfile === undefined) entries.push({ path: name, kind: 'file', data: dockerfile, mode: 0o600 });

  // lastProgressOutput: the last update only, as the raw progress formatter writes it
  progress.write(`Sending build context to Docker daemon ${humanSize(tarSize(entries)).padStart(8)}\r\r\n`);

  const buildArgs: Record<string, string | null> = {};
  for (const a of flags.list('build-arg')) {
    const eq = a.indexOf('=');
    // ConvertKVStringsToMapWithNil: a name without a value takes the environment's, or null
    if (eq === -1) buildArgs[a] = cli.env.get(a) ?? null;
    else buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const labels: Record<string, string> = {};
  for (const l of flags.list('label')) {
    const eq = l.indexOf('=');
    labels[eq === -1 ? l : l.slice(0, eq)] = eq === -1 ? '' : l.slice(eq + 1);
  }
  const tags = flags.list('tag');
  const res = await cli.client.request('POST', '/build', {
    query: {
      t: tags.length > 0 ? tags.join('\n') : undefined,
      q: quiet ? '1' : undefined,
      nocache: flags.bool('no-cache') ? '1' : undefined,
      rm: flags.bool('rm') ? undefined : '0',
      forcerm: flags.bool('force-rm') ? '1' : undefined,
      pull: flags.bool('pull') ? '1' : undefined,
      dockerfile: name,
      target: flags.string('target') || undefined,
      buildargs: Object.keys(buildArgs).length > 0 ? JSON.stringify(buildArgs) : undefined,
      labels: Object.keys(labels).length > 0 ? JSON.stringify(labels) : undefined,
      version: '1',
    },
    body: {
      context: { entries },
      dockerfile,
      dockerignoreSize: ignoreText === undefined ? 0 : utf8Bytes(ignoreText),
    },
  });

  let imageId = '';
  const display = new JSONMessageDisplay(
    { write: (t: string) => output.write(t) },
    cli.outIsTerminal && !quiet,
    cli.width,
  );
  try {
    if (res.stream?.kind === 'json') {
      for await (const m of res.stream.messages) {
        const jm = m as JSONMessage;
        if (jm.aux !== undefined) {
          const id = (jm.aux as { ID?: unknown }).ID;
          if (typeof id === 'string') imageId = id;
          continue;
        }
        display.show(jm);
      }
    }
  } catch (err) {
    if (!(err instanceof JSONMessageError)) throw err;
    if (quiet) cli.err.write(progress.text + output.text);
    throw new StatusError(err.message, err.code || 1);
  }

  if (quiet) {
    imageId = output.text;
    cli.out.write(imageId);
  }
  const iid = flags.string('iidfile');
  if (iid) {
    if (imageId === '') throw new StatusError(`Server did not provide an image ID. Cannot write ${iid}`, 1);
    const path = toAbsolute(cli.cwd, iid);
    if (fs.stat(dirname(path))?.kind !== 'dir')
      throw new StatusError(`open ${iid}: no such file or directory`, 1);
    fs.writeFile(path, imageId, { mode: 0o666 });
  }
}

/** The random part of the name a Dockerfile outside the context gets in the tar. */
function randomSuffix(seed: number): string {
  return (seed % 0xffffffff).toString(16).padStart(8, '0');
}
