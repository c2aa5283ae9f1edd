import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

const lab = () => new TestLab();
const nd = (tag = '20-alpine') => lab().container('library/node', tag);

describe('node', () => {
  it('says its version from the image, through the entrypoint', async () => {
    const c = nd();
    expect((await c.exec(c.argv(['--version']))).stdout).toBe('v20.20.2\n');
    expect((await c.exec(c.argv(['node', '-v']))).stdout).toBe('v20.20.2\n');
    expect((await c.exec(c.argv(['sh', '-c', 'echo hi']))).stdout).toBe('hi\n');
  });

  it('evaluates -e and -p as node prints values', async () => {
    const c = nd();
    const r = await c.exec([
      'node',
      '-e',
      "console.log('hi', 1 + 2, [1, 'a'], { a: 1, b: 'x' }, null, undefined, 0.1 + 0.2, `t${2 * 3}`)",
    ]);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe("hi 3 [ 1, 'a' ] { a: 1, b: 'x' } null undefined 0.30000000000000004 t6\n");
    expect((await c.exec(['node', '-p', '[1, 2, 3].map((x) => x * 2)'])).stdout).toBe('[ 2, 4, 6 ]\n');
    expect((await c.exec(['node', '-p', 'process.version + " " + require("os").platform()'])).stdout).toBe(
      'v20.20.2 linux\n',
    );
  });

  it('runs a script with require of a local module, classes and async code', async () => {
    const c = nd();
    c.fs.mkdir('/app', { parents: true });
    c.fs.writeFile('/app/greet.js', 'module.exports = (name) => `Hello, ${name}!`;\n');
    c.fs.writeFile(
      '/app/index.js',
      [
        "const greet = require('./greet');",
        'class Counter {',
        '  #n = 0;',
        '  inc() { return ++this.n || (this.n = 1); }',
        '}',
        'const sleep = (ms) => new Promise((r) => setTimeout(r, ms));',
        'async function main() {',
        '  console.log(greet(process.env.NAME ?? "World"));',
        '  await sleep(1000);',
        '  const { a, ...rest } = { a: 1, b: 2, c: 3 };',
        '  console.log(a, rest, [..."ab"].join("-"));',
        '}',
        'main();',
      ].join('\n'),
    );
    const r = await c.exec(['node', 'index.js'], { cwd: '/app', env: { NAME: 'Docker' } });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe('Hello, Docker!\n1 { b: 2, c: 3 } a-b\n');
  });

  it('reports an uncaught exception as node does and exits 1', async () => {
    const c = nd();
    c.fs.writeFile('/app.js', "console.log('start');\nthrow new Error('boom');\n");
    const r = await c.exec(['node', '/app.js']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('start\n');
    expect(r.stderr).toBe(
      "/app.js:2\nthrow new Error('boom');\n^\n\nError: boom\n    at Object.<anonymous> (/app.js:2:7)\n    at Module._compile (node:internal/modules/cjs/loader:1469:14)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1548:10)\n    at Module.load (node:internal/modules/cjs/loader:1288:32)\n    at Module._load (node:internal/modules/cjs/loader:1104:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:173:12)\n    at node:internal/main/run_main_module:28:49\n\nNode.js v20.20.2\n",
    );
  });

  it('cannot find a missing script or package', async () => {
    const c = nd();
    c.fs.mkdir('/app', { parents: true });
    const r = await c.exec(c.argv(['server.js']), { cwd: '/app' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '/app/server.js'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:173:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v20.20.2\n",
    );
    c.fs.writeFile('/app/server.js', "const express = require('express');\n");
    const missing = await c.exec(['node', 'server.js'], { cwd: '/app' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      "Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js\n",
    );
    expect(missing.stderr).toContain('    at Object.<anonymous> (/app/server.js:1:24)\n');
    expect(missing.stderr).toContain(
      "  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/app/server.js' ]\n}\n\nNode.js v20.20.2\n",
    );
  });

  it('serves the http.createServer tutorial and stops on SIGTERM with a handler', async () => {
    const l = lab();
    const c = l.container('library/node', '22');
    c.fs.writeFile(
      '/server.js',
      [
        "const http = require('http');",
        'const server = http.createServer((req, res) => {',
        "  res.writeHead(200, { 'Content-Type': 'text/plain' });",
        '  res.end(`Hello from ${req.url}\\n`);',
        '});',
        "server.listen(3000, () => console.log('Server running at http://localhost:3000/'));",
        "process.on('SIGTERM', () => { console.log('bye'); server.close(() => process.exit(0)); });",
      ].join('\n'),
    );
    const r = c.run(c.argv(['node', '/server.js']));
    await l.advance(0);
    expect(r.out.text).toBe('Server running at http://localhost:3000/\n');
    const res = await c.http(3000, '/x');
    expect(res).toMatchObject({ status: 200, body: 'Hello from /x\n' });
    expect(res.headers).toMatchObject({
      'Content-Type': 'text/plain',
      Connection: 'keep-alive',
      'Content-Length': '14',
    });
    await c.stop();
    expect(r.out.text).toContain('bye\n');
    expect(r.proc.exitCode).toBe(0);
  });

  it('as PID 1 without a handler ignores docker stop until SIGKILL', async () => {
    const l = lab();
    const c = l.container('library/node', '20-alpine');
    c.fs.writeFile('/s.js', "require('http').createServer((q, s) => s.end('ok')).listen(8080);\n");
    const r = c.run(c.argv(['node', '/s.js']));
    await l.advance(0);
    await c.stop();
    expect(r.proc.exitCode).toBe(137);
  });

  it('the REPL on a terminal', async () => {
    const l = lab();
    const c = l.container('library/node', '20-alpine');
    const r = c.run(c.argv(), { tty: true, stdin: 'pipe' });
    await l.advance(0);
    r.stdin!.write("1 + 1\nconst s = 'hi'\ns.toUpperCase()\n.exit\n");
    await l.advance(0);
    expect(r.out.text).toBe(
      'Welcome to Node.js v20.20.2.\nType ".help" for more information.\n> \x1b[33m2\x1b[39m\n> \x1b[90mundefined\x1b[39m\n> \x1b[32m\'HI\'\x1b[39m\n> ',
    );
    expect(r.proc.exitCode).toBe(0);
  });
});

describe('npm', () => {
  it('installs express from package.json and runs the app with npm start', async () => {
    const l = lab();
    const c = l.container('library/node', '20');
    c.fs.mkdir('/usr/src/app', { parents: true });
    c.fs.writeFile(
      '/usr/src/app/package.json',
      JSON.stringify({
        name: 'web',
        version: '1.0.0',
        scripts: { start: 'node server.js' },
        dependencies: { express: '^4.18.2' },
      }),
    );
    c.fs.writeFile(
      '/usr/src/app/server.js',
      [
        "const express = require('express');",
        'const app = express();',
        'app.use(express.json());',
        "app.get('/', (req, res) => res.send('Hello World!'));",
        "app.get('/users/:id', (req, res) => res.json({ id: req.params.id, q: req.query.q }));",
        "app.post('/echo', (req, res) => res.status(201).json(req.body));",
        "app.get('/boom', () => { throw new Error('bad'); });",
        'app.listen(3000, () => console.log(`Example app listening on port 3000`));',
      ].join('\n'),
    );
    const install = await c.exec(['npm', 'install'], { cwd: '/usr/src/app' });
    expect(install.status).toBe(0);
    expect(install.stdout).toMatch(
      /^\nadded \d+ packages, and audited \d+ packages in \ds\n\n\d+ packages are looking for funding\n {2}run `npm fund` for details\n\nfound 0 vulnerabilities\n$/,
    );
    expect(install.stderr).toContain('npm notice New major version of npm available! 10.8.2 -> 11.9.0\n');
    expect(c.fs.readdir('/usr/src/app/node_modules')).toContain('express');
    expect(JSON.parse(c.fs.readFile('/usr/src/app/node_modules/express/package.json')).version).toBe(
      '4.21.2',
    );

    const r = c.run(['npm', 'start'], { cwd: '/usr/src/app' });
    await l.advance(0);
    expect(r.out.text).toBe('\n> web@1.0.0 start\n> node server.js\n\nExample app listening on port 3000\n');
    const home = await c.http(3000, '/');
    expect(home).toMatchObject({ status: 200, body: 'Hello World!' });
    expect(home.headers).toMatchObject({
      'X-Powered-By': 'Express',
      'Content-Type': 'text/html; charset=utf-8',
    });
    expect((await c.http(3000, '/users/7?q=x')).body).toBe('{"id":"7","q":"x"}');
    const echo = await c.http(3000, '/echo', 'POST', { 'Content-Type': 'application/json' }, '{"a":1}');
    expect(echo).toMatchObject({ status: 201, body: '{"a":1}' });
    const missing = await c.http(3000, '/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<pre>Cannot GET /nope</pre>');
    const boom = await c.http(3000, '/boom');
    expect(boom.status).toBe(500);
    expect(r.err.text).toContain('Error: bad\n');
  });

  it('npm install <pkg> writes package.json; npm start without package.json fails', async () => {
    const c = nd('22');
    c.fs.mkdir('/w', { parents: true });
    const r = await c.exec(['npm', 'install', 'cors', 'dotenv'], { cwd: '/w' });
    expect(r.stdout).toContain('\nadded 4 packages, and audited 5 packages in ');
    expect(JSON.parse(c.fs.readFile('/w/package.json'))).toEqual({
      dependencies: { cors: '^2.8.5', dotenv: '^17.2.3' },
    });
    const start = await c.exec(['npm', 'start'], { cwd: '/' });
    expect(start.status).toBe(254);
    expect(start.stderr).toContain(
      "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/package.json'\n",
    );
    expect((await c.exec(['npm', '--version'])).stdout).toBe('10.9.4\n');
  });

  it('an Express + node-redis hit counter across containers', async () => {
    const l = lab();
    const redis = l.container('library/redis', 'latest', { ip: '172.17.0.3' });
    redis.run(redis.argv());
    const web = l.container('library/node', '22');
    web.ns.resolver = (h) => (h === 'redis' ? '172.17.0.3' : undefined);
    web.fs.mkdir('/app', { parents: true });
    web.fs.writeFile(
      '/app/package.json',
      JSON.stringify({
        name: 'counter',
        type: 'module',
        dependencies: { express: '^5.1.0', redis: '^5.8.0' },
      }),
    );
    web.fs.writeFile(
      '/app/index.js',
      [
        "import express from 'express';",
        "import { createClient } from 'redis';",
        "const client = createClient({ url: 'redis://redis:6379' });",
        "client.on('error', (err) => console.error('Redis Client Error', err));",
        'await client.connect();',
        'const app = express();',
        "app.get('/', async (req, res) => {",
        "  const hits = await client.incr('hits');",
        '  res.send(`Hello World! I have been seen ${hits} times.\\n`);',
        '});',
        "app.listen(3000, () => console.log('listening'));",
      ].join('\n'),
    );
    expect((await web.exec(['npm', 'install'], { cwd: '/app' })).status).toBe(0);
    const r = web.run(['node', 'index.js'], { cwd: '/app' });
    await l.advance(0);
    expect(r.out.text).toBe('listening\n');
    expect((await web.http(3000)).body).toBe('Hello World! I have been seen 1 times.\n');
    expect((await web.http(3000)).body).toBe('Hello World! I have been seen 2 times.\n');
    expect((await redis.exec(['redis-cli', 'get', 'hits'])).stdout).toBe('2\n');
  });
});
