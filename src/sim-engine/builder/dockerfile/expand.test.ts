import { describe, expect, it } from 'vitest';
import { parseNormalizedNamed } from '../../images/reference.ts';
import {
  checkCopyFrom,
  defaultArgs,
  expandFrom,
  expandInstruction,
  Linter,
  parseDockerfile,
  parseLintOptions,
  parseOnbuildTrigger,
  resolveStages,
  shellLex,
  StageChecks,
  type Instruction,
  type Problem,
} from './index.ts';

const env =
  (vars: Record<string, string>) =>
  (k: string): string | undefined =>
    Object.hasOwn(vars, k) ? vars[k] : undefined;

function cmds(text: string): Instruction[] {
  const r = parseDockerfile('FROM scratch\n' + text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.stages[0]!.commands;
}

const lex = shellLex('\\');

describe('expandInstruction', () => {
  const vars = env({ HOME: '/root', NAME: 'dockyard', PORTS: '8080 9090', UID: '1000', DIR: '/cache' });

  it('expands ENV and LABEL keys and values, removing quotes', () => {
    const [e, l] = cmds('ENV B="x y" P=$HOME/bin Q=\'$HOME\' LEGACY_UNUSED=1\nLABEL "a b"=$NAME\n');
    const r = expandInstruction(e!, lex, vars);
    expect(r.cmd.kind === 'ENV' && r.cmd.pairs.map((p) => [p.key, p.value])).toEqual([
      ['B', 'x y'],
      ['P', '/root/bin'],
      ['Q', '$HOME'],
      ['LEGACY_UNUSED', '1'],
    ]);
    const rl = expandInstruction(l!, lex, vars);
    expect(rl.cmd.kind === 'LABEL' && rl.cmd.pairs[0]).toEqual({
      key: 'a b',
      value: 'dockyard',
      noDelim: false,
    });
  });

  it('reports the names it could not find, once each, in order', () => {
    const [w] = cmds('WORKDIR /$MISSING/$HOME/${OTHER:-x}/$MISSING\n');
    const r = expandInstruction(w!, lex, vars);
    expect(r.cmd.kind === 'WORKDIR' && r.cmd.path).toBe('///root/x/');
    expect(r.unmatched).toEqual(['MISSING', 'OTHER']);
  });

  it('expands COPY sources, dest, chown and chmod but not --from', () => {
    const [c] = cmds(
      'COPY --from=$STAGE --chown=${UID}:${UID} --chmod=${MODE:-644} $HOME/a ${DEST:-/app}/\n',
    );
    const r = expandInstruction(c!, lex, vars);
    expect(r.cmd).toMatchObject({
      from: '$STAGE',
      chown: '1000:1000',
      chmod: '644',
      sources: ['/root/a'],
      dest: '/app/',
    });
    expect(() => checkCopyFrom('$STAGE', lex)).toThrow(
      'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
    );
    expect(() => checkCopyFrom('build', lex)).not.toThrow();
  });

  it('expands heredoc sources marked expand, keeping quotes', () => {
    const [c] = cmds('COPY <<EOF <<"RAW" /dst/\necho "$NAME" ${NAME:-x}\nEOF\n$NAME\nRAW\n');
    const r = expandInstruction(c!, lex, vars);
    expect(r.cmd.kind === 'COPY' && r.cmd.sourceContents.map((s) => s.data)).toEqual([
      'echo "dockyard" dockyard\n',
      '$NAME\n',
    ]);
  });

  it('splits EXPOSE words after expansion and reports no unmatched names', () => {
    const [x] = cmds('EXPOSE $PORTS $NOPE 53/udp\n');
    const r = expandInstruction(x!, lex, vars);
    // parse.go sorted the ports as written ("$" < "5"), before expansion
    expect(r.cmd.kind === 'EXPOSE' && r.cmd.ports).toEqual(['8080', '9090', '53/udp']);
    expect(r.unmatched).toEqual([]);
  });

  it('reads only --mount from before expansion, as BuildKit builds its stage graph', () => {
    const [run] = cmds('RUN --mount=type=cache,from=build,source=/x,target=$DIR true\n');
    expect(run!.kind === 'RUN' && run.mounts.map((m) => [m.type, m.from, m.target])).toEqual([
      ['bind', 'build', ''],
    ]);
  });

  it('parses RUN --mount once expanded', () => {
    const [run] = cmds(
      'RUN --mount=type=cache,target=$DIR,sharing=locked --mount=type=secret,id=tok,required true\n',
    );
    const r = expandInstruction(run!, lex, vars);
    expect(r.cmd.kind === 'RUN' && r.cmd.mounts).toEqual([
      expect.objectContaining({ type: 'cache', target: '/cache', cacheSharing: 'locked', readOnly: false }),
      expect.objectContaining({ type: 'secret', cacheID: 'tok', required: true, readOnly: true }),
    ]);
    const [bad] = cmds('RUN --mount=type=bnid,target=/x true\n');
    expect(() => expandInstruction(bad!, lex, vars)).toThrow(
      'unsupported mount type "bnid" (did you mean bind?)',
    );
    const [bad2] = cmds('RUN --mount=type=bind,mode=0755,target=/x true\n');
    expect(() => expandInstruction(bad2!, lex, vars)).toThrow('mode not allowed for "bind" type mounts');
  });

  it('expands only the default value of ARG', () => {
    const [a] = cmds('ARG $K=$NAME V\n');
    const r = expandInstruction(a!, lex, vars);
    expect(r.cmd.kind === 'ARG' && r.cmd.args).toEqual([{ key: '$K', value: 'dockyard' }, { key: 'V' }]);
  });

  it('leaves CMD, ENTRYPOINT, RUN commands and HEALTHCHECK alone', () => {
    for (const c of cmds(
      'CMD echo $HOME\nENTRYPOINT ["$HOME"]\nRUN echo $HOME\nHEALTHCHECK CMD echo $HOME\n',
    )) {
      expect(expandInstruction(c, lex, vars).cmd).toEqual(c);
    }
  });

  it('throws BuildKit texts for bad substitutions', () => {
    const [w, u] = cmds('WORKDIR ${A\nUSER ${U:?must be set}\n');
    expect(() => expandInstruction(w!, lex, vars)).toThrow(
      // lex.go prints the EOF rune it read as the operator
      `failed to process "\${A": unsupported modifier (\uFFFD) in substitution`,
    );
    expect(() => expandInstruction(u!, lex, vars)).toThrow(
      'failed to process "${U:?must be set}": U: must be set',
    );
  });

  it('expands FROM against the global args', () => {
    const r = parseDockerfile('ARG TAG=3.20\nFROM --platform=$P alpine:${TAG}\n');
    const st = r.stages[0]!;
    expect(expandFrom(st, lex, env({ TAG: '3.20', P: 'linux/arm64' }))).toEqual({
      baseName: 'alpine:3.20',
      platform: 'linux/arm64',
      matched: ['TAG', 'P'],
      unmatched: [],
    });
    expect(() => expandFrom({ ...st, baseName: '$NOPE' }, lex, env({}))).toThrow(
      'base name ($NOPE) should not be blank',
    );
  });
});

describe('parseOnbuildTrigger', () => {
  it('parses one instruction with the default escape', () => {
    expect(parseOnbuildTrigger('RUN echo hi')).toMatchObject({ kind: 'RUN', args: ['echo hi'] });
    expect(parseOnbuildTrigger('COPY <<EOF /x\nhello\nEOF')).toMatchObject({
      kind: 'COPY',
      sourceContents: [{ path: 'EOF', data: 'hello\n', expand: true }],
    });
  });
  it('rejects what BuildKit rejects', () => {
    expect(() => parseOnbuildTrigger('RUN a\nRUN b')).toThrow(
      'onbuild trigger should be a single expression',
    );
    expect(() => parseOnbuildTrigger('FOO bar')).toThrow('unknown instruction: FOO (did you mean FROM?)');
    expect(() => parseOnbuildTrigger('FROM alpine')).toThrow('*instructions.Stage is not a command type');
  });
});

function collect(check = '') {
  const problems: Problem[] = [];
  return { problems, lint: new Linter(parseLintOptions(check), (p) => problems.push(p)) };
}

describe('resolveStages', () => {
  const platformArgs = defaultArgs(
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'amd64' },
    '',
  );
  const isValidReference = (s: string) => parseNormalizedNamed(s).ok;
  const resolve = (text: string, buildArgs?: Record<string, string>) => {
    const parsed = parseDockerfile(text);
    const { problems, lint } = collect();
    const res = resolveStages(parsed, lex, lint, {
      platformArgs,
      isValidReference,
      ...(buildArgs ? { buildArgs } : {}),
    });
    return { res, messages: problems.map((p) => `${p.rule}@${p.line}: ${p.message}`) };
  };

  it('expands base names with meta ARGs and build args', () => {
    const { res, messages } = resolve('ARG V=3.19\nFROM alpine:$V AS a\nFROM a\n', { V: '3.20' });
    expect(res.stages.map((s) => s.baseName)).toEqual(['alpine:3.20', 'a']);
    expect(messages).toEqual([]);
  });
  it('warns about an undeclared ARG in FROM, with a suggestion', () => {
    const { messages } = resolve('ARG VERSION=1\nFROM alpine:${VERSON:-3}\n');
    expect(messages).toEqual([
      "UndefinedArgInFrom@2: FROM argument 'VERSON' is not declared (did you mean VERSION?)",
    ]);
  });
  it('warns when the default meta ARG gives an invalid base name', () => {
    const { messages } = resolve('ARG TAG\nFROM alpine:$TAG\n', { TAG: '3' });
    expect(messages).toEqual([
      'InvalidDefaultArgInFrom@2: Default value for ARG alpine:$TAG results in empty or invalid base image name',
    ]);
  });
  it('checks --platform', () => {
    expect(resolve('FROM --platform=$TARGETPLATFORM alpine\n').messages).toEqual([
      'RedundantTargetPlatform@1: Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    ]);
    expect(resolve('FROM --platform=linux/arm64 alpine\n').messages).toEqual([
      'FromPlatformFlagConstDisallowed@1: FROM --platform flag should not use constant value "linux/arm64"',
    ]);
    expect(resolve('FROM --platform=linux/arm64 alpine AS build-arm64\n').messages).toEqual([]);
    expect(resolve('FROM --platform=$BUILDPLATFORM alpine\n').messages).toEqual([]);
  });
  it('fails as BuildKit does', () => {
    expect(() => resolve('FROM $EMPTY\n')).toThrow('base name ($EMPTY) should not be blank');
    expect(() => resolve('FROM --platform=$NOPE alpine\n')).toThrow(
      'empty platform value from expression $NOPE',
    );
    expect(() => resolve('ARG A=${B\nFROM alpine\n')).toThrow(
      `failed to process "\${B": unsupported modifier (\uFFFD) in substitution`,
    );
  });
});

describe('StageChecks', () => {
  it('runs the dispatch rules', () => {
    const { problems, lint } = collect();
    const sc = new StageChecks(lint);
    const list = cmds(
      'ENV API_KEY=x PUBLIC_KEY=y\nENV LEGACY v\nLABEL a b\nARG PASSWORD\nCMD a\nCMD ["b"]\nENTRYPOINT x\nWORKDIR rel\nWORKDIR rel2\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n',
    );
    for (const c of list) sc.dispatch(c);
    expect(problems.map((p) => `${p.rule}@${p.line}: ${p.message}`)).toEqual([
      'SecretsUsedInArgOrEnv@2: Do not use ARG or ENV instructions for sensitive data (ENV "API_KEY")',
      'LegacyKeyValueFormat@3: "ENV key=value" should be used instead of legacy "ENV key value" format',
      'LegacyKeyValueFormat@4: "LABEL key=value" should be used instead of legacy "LABEL key value" format',
      'SecretsUsedInArgOrEnv@5: Do not use ARG or ENV instructions for sensitive data (ARG "PASSWORD")',
      'JSONArgsRecommended@6: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
      'MultipleInstructionsDisallowed@6: Multiple CMD instructions should not be used in the same stage because only the last one will be used',
      'JSONArgsRecommended@8: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals',
      'WorkdirRelativePath@9: Relative workdir "rel" can have unexpected results if the base image changes',
      'MultipleInstructionsDisallowed@11: Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used',
    ]);
  });
  it('skips JSONArgsRecommended when the image has a SHELL', () => {
    const { problems, lint } = collect();
    new StageChecks(lint).dispatch(cmds('CMD a\n')[0]!, ['/bin/bash', '-c']);
    expect(problems).toEqual([]);
  });
  it('reports undefined variables with a suggestion, not declared ARGs', () => {
    const { problems, lint } = collect();
    new StageChecks(lint).undefinedVars(
      { line: 3, endLine: 3 },
      ['PAHT', 'DECLARED', 'ZZZ'],
      ['DECLARED'],
      ['PATH', 'HOME'],
    );
    expect(problems.map((p) => p.message)).toEqual([
      "Usage of undefined variable '$PAHT' (did you mean $PATH?)",
      "Usage of undefined variable '$ZZZ'",
    ]);
    expect(problems[0]).toMatchObject({
      rule: 'UndefinedVar',
      url: 'https://docs.docker.com/go/dockerfile/rule/undefined-var/',
    });
  });
  it('reports CopyIgnoredFile only when the experimental rule is on', () => {
    const [c] = cmds('COPY secret.txt /\n');
    const off = collect();
    new StageChecks(off.lint).copyIgnoredFile(c as Instruction & { kind: 'COPY' }, 'secret.txt');
    expect(off.problems).toEqual([]);
    const on = collect('experimental=CopyIgnoredFile');
    new StageChecks(on.lint).copyIgnoredFile(c as Instruction & { kind: 'COPY' }, 'secret.txt');
    expect(on.problems.map((p) => p.message)).toEqual([
      'Attempting to Copy file "secret.txt" that is excluded by .dockerignore',
    ]);
  });
  it('parses EXPOSE ports like convert_expose.go', () => {
    const { problems, lint } = collect();
    const sc = new StageChecks(lint);
    expect(
      sc.exposePorts({ line: 1, endLine: 1 }, ['80', '53/UDP', '8000-8002/tcp', '127.0.0.1:8080:80']),
    ).toEqual(['80/tcp', '53/udp', '8000/tcp', '8001/tcp', '8002/tcp', '80/tcp']);
    expect(problems.map((p) => p.message)).toEqual([
      "Defined protocol '53/UDP' in EXPOSE instruction should be lowercase",
      "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:8080:80'",
    ]);
    expect(() => sc.exposePorts({ line: 1, endLine: 1 }, ['80/xyz'])).toThrow(
      'invalid port: "80/xyz": invalid proto: xyz',
    );
    expect(() => sc.exposePorts({ line: 1, endLine: 1 }, ['abc'])).toThrow('invalid containerPort: abc');
  });
});
