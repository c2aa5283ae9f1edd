import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

const lab = () => new TestLab();
const py = (tag = '3.12') => lab().container('library/python', tag);

describe('python3', () => {
  it('says its version from the image', async () => {
    expect((await py().exec(['python3', '--version'])).stdout).toBe('Python 3.12.13\n');
    expect((await py('latest').exec(['python', '-V'])).stdout).toBe('Python 3.14.7\n');
  });

  it('prints what CPython prints for literals and expressions', async () => {
    const r = await py().exec([
      'python3',
      '-c',
      "print(1/2, 7//2, 2**100, 10/2, 0.1+0.2, [1, 'a'], {'k': (1,)}, None, True, 'x'*3, 1e20, 1e-7)",
    ]);
    expect(r.stdout).toBe(
      "0.5 3 1267650600228229401496703205376 5.0 0.30000000000000004 [1, 'a'] {'k': (1,)} None True xxx 1e+20 1e-07\n",
    );
  });

  it('runs a script: functions, loops, f-strings, comprehensions, classes, environment', async () => {
    const c = py();
    c.fs.mkdir('/app', { parents: true });
    c.fs.writeFile(
      '/app/app.py',
      [
        'import os',
        'class Greeter:',
        '    def __init__(self, name):',
        '        self.name = name',
        '    def greet(self):',
        '        return f"Hello, {self.name}!"',
        'def squares(n):',
        '    return [i * i for i in range(n) if i % 2 == 0]',
        'name = os.environ.get("NAME", "World")',
        'print(Greeter(name).greet())',
        'print(squares(7), sum(squares(7)))',
        'for i, word in enumerate(["a", "b"]):',
        '    print(i, word.upper(), end="; ")',
        'print()',
        "print('{:>5}|{:.2f}|{}'.format('x', 3.14159, len('abc')))",
        'try:',
        '    {}["missing"]',
        'except KeyError as e:',
        '    print("caught", repr(e))',
      ].join('\n'),
    );
    const r = await c.exec(['python3', '/app/app.py'], { env: { NAME: 'Docker' } });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      "Hello, Docker!\n[0, 4, 16, 36] 56\n0 A; 1 B; \n    x|3.14|3\ncaught KeyError('missing')\n",
    );
  });

  it('prints a traceback for an uncaught exception and exits 1', async () => {
    const c = py();
    c.fs.writeFile('/app.py', 'def f():\n    return undefined_name\n\nprint("start")\nf()\n');
    const r = await c.exec(['python3', '/app.py']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('start\n');
    expect(r.stderr).toBe(
      'Traceback (most recent call last):\n  File "/app.py", line 5, in <module>\n    f()\n  File "/app.py", line 2, in f\n    return undefined_name\nNameError: name \'undefined_name\' is not defined\n',
    );
    expect((await c.exec(['python3', 'nope.py'])).stderr).toBe(
      "python3: can't open file '/nope.py': [Errno 2] No such file or directory\n",
    );
    expect((await c.exec(['python3', '-c', 'import flask'])).stderr).toMatch(
      /ModuleNotFoundError: No module named 'flask'\n$/,
    );
  });

  it('buffers stdout in a container without a terminal, unless PYTHONUNBUFFERED', async () => {
    const l = lab();
    const c = l.container('library/python', '3.12');
    c.fs.writeFile('/loop.py', 'import time\nwhile True:\n    print("tick")\n    time.sleep(1)\n');
    const buffered = c.run(['python3', '/loop.py']);
    await l.advance(5000);
    expect(buffered.out.text).toBe('');
    const unbuffered = c.run(['python3', '/loop.py'], { env: { PYTHONUNBUFFERED: '1' } });
    await l.advance(2500);
    expect(unbuffered.out.text).toBe('tick\ntick\ntick\n');
  });

  it('the REPL on a terminal', async () => {
    const l = lab();
    const c = l.container('library/python', '3.12');
    const r = c.run(['python3'], { tty: true, stdin: 'pipe' });
    await l.advance(0);
    r.stdin!.write('1 + 1\nx = "hi"\nx\nexit()\n');
    await l.advance(0);
    expect(r.out.text).toBe(
      'Python 3.12.13 (main, Aug  5 2026, 01:10:20) [GCC 14.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n>>> 2\n>>> >>> \'hi\'\n>>> ',
    );
    expect(r.proc.exitCode).toBe(0);
  });

  it('serves a directory with -m http.server', async () => {
    const l = lab();
    const c = l.container('library/python', '3.12');
    c.fs.mkdir('/site', { parents: true });
    c.fs.writeFile('/site/hello.txt', 'hello\n');
    const r = c.run(['python3', '-m', 'http.server', '8000', '--directory', '/site']);
    await l.advance(0);
    const res = await c.http(8000, '/hello.txt');
    expect(res.body).toBe('hello\n');
    expect((await c.http(8000, '/')).body).toContain('<li><a href="hello.txt">hello.txt</a></li>');
    expect(r.err.text).toMatch(
      /^172\.17\.0\.1 - - \[28\/Nov\/2026 05:21:18\] "GET \/hello\.txt HTTP\/1\.1" 200 -\n/,
    );
    expect(r.out.text).toBe('');
    c.table.kill(r.proc.pid, 'SIGINT');
    await l.advance(0);
    expect(r.out.text).toBe(
      'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n\nKeyboard interrupt received, exiting.\n',
    );
  });
});

describe('pip and Flask', () => {
  it('installs flask as pip does and lists it', async () => {
    const c = py();
    const r = await c.exec(['pip', 'install', 'flask']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Collecting flask\n {2}Downloading flask-3\.1\.2-py3-none-any\.whl\.metadata \(3\.2 kB\)\nCollecting blinker>=1\.9\.0 \(from flask\)\n/,
    );
    expect(r.stdout).toContain(
      'Installing collected packages: blinker, click, itsdangerous, markupsafe, jinja2, werkzeug, flask\n',
    );
    expect(r.stdout).toContain(
      'Successfully installed blinker-1.9.0 click-8.3.0 flask-3.1.2 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.3 werkzeug-3.1.3\n',
    );
    expect(r.stderr).toContain("WARNING: Running pip as the 'root' user");
    expect((await c.exec(['pip', 'freeze'])).stdout).toBe(
      'blinker==1.9.0\nclick==8.3.0\nFlask==3.1.2\nitsdangerous==2.2.0\nJinja2==3.1.6\nMarkupSafe==3.0.3\nWerkzeug==3.1.3\n',
    );
    expect((await c.exec(['pip', 'install', 'nosuchpkg'])).stderr).toBe(
      'ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\nERROR: No matching distribution found for nosuchpkg\n',
    );
  });

  it('runs the compose tutorial’s Flask + Redis counter', async () => {
    const l = lab();
    const redis = l.container('library/redis', 'latest', { ip: '172.17.0.3' });
    redis.run(redis.argv());
    const web = l.container('library/python', '3.12', {
      env: { FLASK_APP: 'app.py', FLASK_RUN_HOST: '0.0.0.0' },
    });
    web.ns.resolver = (h) => (h === 'redis' ? '172.17.0.3' : undefined);
    web.fs.mkdir('/code', { parents: true });
    web.fs.writeFile('/code/requirements.txt', 'flask\nredis\n');
    web.fs.writeFile(
      '/code/app.py',
      [
        'import time',
        '',
        'import redis',
        'from flask import Flask',
        '',
        'app = Flask(__name__)',
        "cache = redis.Redis(host='redis', port=6379)",
        '',
        'def get_hit_count():',
        '    retries = 5',
        '    while True:',
        '        try:',
        "            return cache.incr('hits')",
        '        except redis.exceptions.ConnectionError as exc:',
        '            if retries == 0:',
        '                raise exc',
        '            retries -= 1',
        '            time.sleep(0.5)',
        '',
        "@app.route('/')",
        'def hello():',
        '    count = get_hit_count()',
        "    return f'Hello World! I have been seen {count} times.\\n'",
      ].join('\n'),
    );
    expect((await web.exec(['pip', 'install', '-r', '/code/requirements.txt'])).status).toBe(0);
    const run = web.run(['flask', 'run', '--debug'], { cwd: '/code' });
    await l.advance(0);
    const first = await web.http(5000);
    const second = await web.http(5000);
    expect(first.body).toBe('Hello World! I have been seen 1 times.\n');
    expect(second.body).toBe('Hello World! I have been seen 2 times.\n');
    expect(first.headers['Server']).toBe('Werkzeug/3.1.3 Python/3.12.13');
    expect(run.err.text).toContain(
      ' * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://172.17.0.2:5000\nPress CTRL+C to quit\n',
    );
    expect(run.err.text).toMatch(/172\.17\.0\.1 - - \[28\/Nov\/2026 05:21:18\] "GET \/ HTTP\/1\.1" 200 -\n/);
    expect((await web.http(5000, '/nope')).status).toBe(404);
  });

  it('app.run() without host is reachable only from inside the container', async () => {
    const l = lab();
    const c = l.container('library/python', '3.12');
    await c.exec(['pip', 'install', 'flask']);
    c.fs.writeFile(
      '/app.py',
      'from flask import Flask\napp = Flask(__name__)\n@app.route("/")\ndef i():\n    return "hi"\nif __name__ == "__main__":\n    app.run()\n',
    );
    const r = c.run(['python3', '/app.py']);
    await l.advance(0);
    await expect(c.http(5000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(r.err.text).toContain(' * Running on http://127.0.0.1:5000\n');
  });
});
