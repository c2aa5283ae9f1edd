/**
 * The classic `POST /build` (no `version=2`): the legacy builder's messages, from the
 * build that ran — the exact JSON lines moby's classic builder writes, its cache rule,
 * `q`, `rm`/`forcerm`, and the failures before and after the first line.
 */
import { describe, expect, it } from 'vitest';
import { testLab, yieldToEngine } from '../../../test/kit/lab.ts';
import { drive } from '../headless/drive.ts';
import type { ApiResponse } from '../api/transport.ts';

type Message = Record<string, unknown>;

function setup(images = ['alpine:latest']) {
  const lab = testLab({ images });
  const host = lab.engine.host();
  const run = <T>(p: Promise<T>) =>
    drive(p, { clock: lab.engine.clock, yieldToEngine }).then((r) => r.value as T);
  /** POST /build with a Dockerfile (and files) as the context; the response and its messages */
  const build = async (
    dockerfile: string,
    query: Record<string, string> = {},
    files: Record<string, string> = {},
  ) => {
    const entries = Object.entries({ Dockerfile: dockerfile, ...files }).map(([path, data]) => ({
      path,
      kind: 'file' as const,
      data,
      mode: 0o644,
    }));
    const r = await run(
      host.api({
        method: 'POST',
        path: '/v1.51/build',
        query: { version: '1', dockerfile: 'Dockerfile', ...query },
        body: { context: { entries }, dockerfile },
      }),
    );
    const messages: Message[] = [];
    if (r.stream?.kind === 'json')
      await run(
        (async () => {
          for await (const m of r.stream!.kind === 'json' ? r.stream!.messages : []) messages.push(m);
        })(),
      );
    return { response: r, messages };
  };
  return { lab, host, build };
}

const text = (ms: Message[]) => ms.map((m) => (typeof m['stream'] === 'string' ? m['stream'] : '')).join('');
const short = (id: string) => id.slice(7, 19);

describe('the classic /build stream', () => {
  it('writes each step and its newline apart, the image after it, aux per stage, then Successfully built and tagged', async () => {
    const { build, host } = setup();
    const { messages } = await build('FROM alpine\nENV A=1\n', { t: 'app' });
    const alpine = host.daemon.images.byReference('alpine:latest')!.id;
    const app = host.daemon.images.byReference('app:latest')!.id;
    const container = /Running in ([0-9a-f]{12})/.exec(text(messages))![1]!;
    expect(messages).toEqual([
      { stream: 'Step 1/2 : FROM alpine' },
      { stream: '\n' },
      { stream: ` ---> ${short(alpine)}\n` },
      { stream: 'Step 2/2 : ENV A=1' },
      { stream: '\n' },
      { stream: ` ---> Running in ${container}\n` },
      { stream: ` ---> Removed intermediate container ${container}\n` },
      { stream: ` ---> ${short(app)}\n` },
      { aux: { ID: app } },
      { stream: `Successfully built ${short(app)}\n` },
      { stream: 'Successfully tagged app:latest\n' },
    ]);
  });

  it("prints a RUN's output, stderr in red, and the ARGs before FROM as steps without an image", async () => {
    const { build } = setup();
    const { messages } = await build('ARG V=1\nFROM alpine\nRUN echo out && echo err >&2\n');
    const out = text(messages).replace(/[0-9a-f]{12}/g, '<ID>');
    expect(out).toBe(
      'Step 1/3 : ARG V=1\nStep 2/3 : FROM alpine\n ---> <ID>\nStep 3/3 : RUN echo out && echo err >&2\n' +
        ' ---> Running in <ID>\nout\n\x1b[91merr\n\x1b[0m ---> Removed intermediate container <ID>\n ---> <ID>\n' +
        'Successfully built <ID>\n',
    );
  });

  it('shows no image after FROM scratch, and the stage image after FROM <stage>', async () => {
    const { build } = setup();
    const { messages } = await build('FROM scratch AS s\nCOPY f /f\nFROM s\n', {}, { f: 'x' });
    const out = text(messages);
    expect(out).toMatch(
      /^Step 1\/3 : FROM scratch AS s\n ---> \nStep 2\/3 : COPY f \/f\n ---> ([0-9a-f]{12})\n/,
    );
    const copied = /COPY f \/f\n ---> ([0-9a-f]{12})\n/.exec(out)![1];
    expect(out).toContain(`Step 3/3 : FROM s\n ---> ${copied}\nSuccessfully built`);
  });

  it("runs a base image's ONBUILD triggers under its FROM, then shows the image they made", async () => {
    const { build } = setup();
    await build('FROM alpine\nONBUILD RUN echo triggered\n', { t: 'base' });
    const out = text((await build('FROM base\nENV A=1\n')).messages).replace(/[0-9a-f]{12}/g, '<ID>');
    expect(out).toMatch(
      /^Step 1\/2 : FROM base\n# Executing 1 build trigger\n ---> Running in <ID>\ntriggered\n ---> Removed intermediate container <ID>\n ---> <ID>\nStep 2\/2 : ENV A=1\n/,
    );
  });

  it('finds a step in the cache by the image before it: a changed LABEL runs the RUN after it again', async () => {
    const { build } = setup();
    const file = (label: string) => `FROM alpine\nLABEL v=${label}\nRUN echo ran\nCMD ["sh"]\n`;
    await build(file('1'));
    const again = text((await build(file('1'))).messages);
    expect(again.match(/Using cache/g)).toHaveLength(3);
    expect(again).not.toContain('Running in');
    const changed = text((await build(file('2'))).messages);
    expect(changed).not.toContain('Using cache');
    expect(changed).toContain('\nran\n');
    const noCache = text((await build(file('1'), { nocache: '1' })).messages);
    expect(noCache).not.toContain('Using cache');
    expect(noCache.match(/Running in/g)).toHaveLength(3);
  });

  it('builds every stage up to the target, as the classic builder does', async () => {
    const { build } = setup();
    const df =
      'FROM alpine AS a\nRUN echo a\nFROM alpine AS unused\nRUN echo unused\nFROM alpine\nCOPY --from=a /etc/hostname /x\n';
    const out = text((await build(df)).messages);
    expect(out).toContain('Step 4/6 : RUN echo unused\n');
    expect(out).toContain('\nunused\n');
    const target = text((await build(df, { target: 'a' })).messages);
    expect(target).toMatch(/^Step 1\/2 : FROM alpine AS a\n/);
    expect(target).not.toContain('unused');
  });

  it('with q writes only the image ID, and on failure the whole log before the error', async () => {
    const { build, host } = setup();
    const ok = await build('FROM alpine\nENV A=1\n', { q: '1', t: 'q' });
    expect(ok.messages).toEqual([{ stream: `${host.daemon.images.byReference('q:latest')!.id}\n` }]);
    const failed = await build('FROM alpine\nRUN exit 3\n', { q: '1' });
    expect(text(failed.messages)).toMatch(/^Step 1\/2 : FROM alpine\n.*Running in [0-9a-f]{12}\n$/s);
    expect(failed.messages.at(-1)).toEqual({
      errorDetail: { code: 3, message: "The command '/bin/sh -c exit 3' returned a non-zero code: 3" },
      error: "The command '/bin/sh -c exit 3' returned a non-zero code: 3",
    });
  });

  it('keeps the intermediate containers with rm=0, and names the failed one with forcerm', async () => {
    const { build } = setup();
    expect(text((await build('FROM alpine\nENV A=1\n', { rm: '0' })).messages)).not.toContain('Removed');
    const forced = await build('FROM alpine\nRUN exit 2\n', { forcerm: '1' });
    expect(text(forced.messages)).toMatch(
      /Running in ([0-9a-f]{12})\n ---> Removed intermediate container \1\n$/,
    );
  });

  it('answers a failure before any line with an HTTP error, a later one in the stream', async () => {
    const { build } = setup();
    const refused = (r: { response?: ApiResponse }) => ({
      status: r.response?.status,
      message: (r.response?.body as { message?: string } | undefined)?.message,
    });
    expect(refused(await build('FROM alpine\nRUNN x\n'))).toEqual({
      status: 400,
      message: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
    });
    // the parser's own errors are wrapped (readAndParseDockerfile), an empty file named
    expect(refused(await build('# only a comment\n'))).toEqual({
      status: 400,
      message: 'failed to parse Dockerfile: file with no instructions',
    });
    expect(refused(await build(''))).toEqual({
      status: 400,
      message: 'the Dockerfile (Dockerfile) cannot be empty',
    });
    // the classic builder suggests no stage name
    expect(refused(await build('FROM alpine AS bulid\n', { target: 'build' }))).toEqual({
      status: 400,
      message: 'target stage "build" could not be found',
    });
    const missing = await build('FROM alpine\nCOPY nothere.txt /\n');
    expect(missing.messages.at(-1)).toEqual({
      errorDetail: {
        message:
          'COPY failed: file not found in build context or excluded by .dockerignore: stat nothere.txt: file does not exist',
      },
      error:
        'COPY failed: file not found in build context or excluded by .dockerignore: stat nothere.txt: file does not exist',
    });
    expect(refused(await build('FROM alpine\n', { version: '3' }))).toEqual({
      status: 400,
      message: 'invalid version "3"',
    });
  });

  it('pulls a FROM image the store lacks into the store, with the pull in the stream', async () => {
    const { build, host } = setup();
    expect(host.daemon.images.byReference('busybox:latest')).toBeUndefined();
    const { messages } = await build('FROM busybox\n');
    expect(messages[2]).toEqual({ status: 'Pulling from library/busybox', id: 'latest' });
    expect(messages.some((m) => m['status'] === 'Status: Downloaded newer image for busybox:latest')).toBe(
      true,
    );
    expect(host.daemon.images.byReference('busybox:latest')).toBeDefined();
  });

  it('reports the build-args no ARG took, sorted, the proxy ones aside', async () => {
    const { build } = setup();
    const { messages } = await build('ARG USED\nFROM alpine\n', {
      buildargs: JSON.stringify({ USED: '1', ZED: '1', NOVALUE: null, HTTP_PROXY: 'x' }),
    });
    expect(text(messages)).toContain('[Warning] One or more build-args [NOVALUE ZED] were not consumed\n');
  });
});
