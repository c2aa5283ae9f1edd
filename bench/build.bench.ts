/**
 * `npm run bench` (second part): `docker build` of a 20-instruction Dockerfile, cold
 * (nothing cached, the base image local) and fully cached (the same build again),
 * through the whole stack as `dockersim transcript` runs it. Wall-clock milliseconds
 * per build, median and worst of several runs. Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { createLab } from '../src/sim-engine/index.ts';
import { drive } from '../src/sim-engine/headless/drive.ts';

const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

/** 20 instructions: 9 that make layers (RUN, COPY, WORKDIR), 11 that change only the config. */
const DOCKERFILE = `FROM alpine
LABEL org.opencontainers.image.title=bench
ARG VERSION=1.0
ENV APP_HOME=/app NODE_ENV=production
WORKDIR /app
COPY package.json .
RUN mkdir -p /app/data /app/logs && echo "$VERSION" > /app/VERSION
COPY src/ ./src/
RUN ls -R /app > /app/manifest.txt
RUN addgroup -S app && adduser -S -G app app
COPY config/ /etc/app/
RUN chown -R app:app /app
EXPOSE 8080
VOLUME /app/data
USER app
WORKDIR /app/src
RUN cat /app/VERSION
HEALTHCHECK --interval=30s CMD test -f /app/VERSION
ENTRYPOINT ["sh", "-c"]
CMD ["cat /app/VERSION"]
`;

function files(i: number): Record<string, string> {
  const out: Record<string, string> = {
    'ctx/Dockerfile': DOCKERFILE,
    'ctx/package.json': `{"name":"bench","version":"1.0.${i}"}\n`,
    'ctx/.dockerignore': 'node_modules\n*.log\n',
    'ctx/config/app.conf': 'port=8080\n',
  };
  for (let f = 0; f < 30; f++) out[`ctx/src/module${f}.js`] = `export const n = ${f};\n`.repeat(20);
  return out;
}

async function time(lab: ReturnType<typeof createLab>, command: string): Promise<number> {
  const session = lab.engine.session();
  let err = '';
  const t = performance.now();
  const { value: status } = await drive(
    session.run(command, {
      stdout: { write: (s: string) => void (err += s) },
      stderr: { write: (s: string) => void (err += s) },
    }),
    {
      clock: lab.engine.clock,
      yieldToEngine,
    },
  );
  const ms = performance.now() - t;
  if (status !== 0) throw new Error(`${command} failed: ${err}`);
  return ms;
}

async function main(): Promise<void> {
  const cold: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < 12; i++) {
    const lab = createLab({ images: ['alpine:latest'], seed: `bench-build-${i}`, files: files(i) });
    cold.push(await time(lab, 'docker build -q -t app:1 ctx'));
    cached.push(await time(lab, 'docker build -q -t app:1 ctx'));
  }
  // the first runs warm the JIT
  const report = (name: string, xs: number[]) => {
    const s = xs.slice(2).sort((a, b) => a - b);
    console.log(
      `${name}: median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms   max ${s[s.length - 1]!.toFixed(1)} ms`,
    );
  };
  console.log('build of a 20-instruction Dockerfile (9 layer steps), wall clock per build:');
  report('  cold (no cache)   ', cold);
  report('  fully cached      ', cached);
}

await main();
