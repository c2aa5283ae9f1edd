/**
 * `npm run bench`: commands per second and p50/p99 latency of a 1,000-command
 * container script run through the whole stack (host shell → docker CLI → Engine API
 * → daemon → container processes), headless, as `dockersim transcript` runs it.
 * Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { createLab } from '../src/sim-engine/index.ts';
import { drive } from '../src/sim-engine/headless/drive.ts';

const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

/** A learner's session with containers, repeated: 25 commands per round. */
function round(i: number): string[] {
  const web = `web${i}`;
  const box = `box${i}`;
  return [
    `docker run -d --name ${web} -p ${8000 + (i % 1000)}:80 nginx`,
    `docker run -d --name ${box} alpine sleep 3600`,
    'docker ps',
    'docker ps -a --format "{{.Names}}: {{.Status}}"',
    `docker exec ${box} ls /`,
    `docker exec ${box} cat /etc/os-release`,
    `docker logs ${web}`,
    `docker inspect -f "{{.State.Status}}" ${web}`,
    `docker inspect ${box}`,
    `docker port ${web}`,
    `docker top ${box}`,
    'docker run --rm alpine echo hello',
    `docker run alpine sh -c "echo from ${i}; exit 3"`,
    `docker pause ${box}`,
    `docker unpause ${box}`,
    `docker rename ${box} ${box}x`,
    `docker restart ${web}`,
    `docker stop -t 0 ${box}x`,
    `docker kill ${web}`,
    'docker ps -q',
    `docker rm ${web} ${box}x`,
    'docker container prune -f',
    'docker images',
    'docker version --format "{{.Server.Version}}"',
    'docker ps -a',
  ];
}

async function main(): Promise<void> {
  const lab = createLab({ images: ['nginx:latest', 'alpine:latest'], seed: 'bench' });
  const session = lab.engine.session();
  const commands: string[] = [];
  for (let i = 0; commands.length < 1000; i++) commands.push(...round(i));
  commands.length = 1000;
  const sink = { write() {} };
  // warm up the JIT and the image trees on a separate lab
  const warm = createLab({ images: ['nginx:latest', 'alpine:latest'], seed: 'warm' });
  const warmSession = warm.engine.session();
  for (let i = 0; i < 4; i++)
    for (const c of round(i))
      await drive(warmSession.run(c, { stdout: sink, stderr: sink }), {
        clock: warm.engine.clock,
        yieldToEngine,
      });

  const times: number[] = [];
  const t0 = performance.now();
  for (const c of commands) {
    const s = performance.now();
    await drive(session.run(c, { stdout: sink, stderr: sink }), { clock: lab.engine.clock, yieldToEngine });
    times.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  if (process.env.BENCH_SLOWEST) {
    const slow = commands
      .map((c, i) => [times[i]!, c] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 15);
    for (const [t, c] of slow) console.log(t.toFixed(2).padStart(8), c);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  console.log(`container script: ${commands.length} commands in ${total.toFixed(0)} ms`);
  console.log(`commands/s: ${((commands.length / total) * 1000).toFixed(0)}`);
  console.log(
    `p50: ${pct(50).toFixed(3)} ms   p99: ${pct(99).toFixed(3)} ms   max: ${times[times.length - 1]!.toFixed(3)} ms`,
  );
  console.log('(latency includes the yields that let the engine settle between virtual-time steps)');
}

await main();
