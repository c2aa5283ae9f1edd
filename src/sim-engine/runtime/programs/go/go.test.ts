import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

const lab = () => new TestLab();

const HELLO = `package main

import "fmt"

func main() {
	fmt.Println("Hello, World!")
}
`;

describe('go', () => {
  it('says its version', async () => {
    const c = lab().container('library/golang', '1.26');
    expect((await c.exec(['go', 'version'])).stdout).toBe('go version go1.26.5 linux/amd64\n');
    expect((await lab().container('library/golang', '1.25').exec(['go', 'version'])).stdout).toBe(
      'go version go1.25.12 linux/amd64\n',
    );
  });

  it('runs hello world, and a program with functions, slices, maps, structs and methods', async () => {
    const c = lab().container('library/golang', 'latest');
    c.fs.mkdir('/app', { parents: true });
    c.fs.writeFile('/app/main.go', HELLO);
    expect(await c.exec(['go', 'run', 'main.go'], { cwd: '/app' })).toMatchObject({
      status: 0,
      stdout: 'Hello, World!\n',
      stderr: '',
    });
    c.fs.writeFile(
      '/app/main.go',
      `package main

import (
	"fmt"
	"strings"
)

type User struct {
	Name string
	Age  int
}

func (u User) Greeting() string {
	return fmt.Sprintf("Hi, %s (%d)", u.Name, u.Age)
}

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func main() {
	users := []User{{"Ann", 30}, {Name: "Bob", Age: 25}}
	for i, u := range users {
		fmt.Println(i, u.Greeting())
	}
	q, r := divmod(17, 5)
	counts := map[string]int{}
	for _, w := range strings.Fields("a b a c a") {
		counts[w]++
	}
	fmt.Println(q, r, counts, len(users), users[1])
	fmt.Printf("%v %+v %.2f %q %T\\n", []int{1, 2}, users[0], 3.14159, "x", 1.5)
	total := 0.0
	for i := 1; i <= 4; i++ {
		total += float64(i) / 2
	}
	fmt.Println(total, 10/4, 10/4.0)
}
`,
    );
    const r = await c.exec(['go', 'run', 'main.go'], { cwd: '/app' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      '0 Hi, Ann (30)\n1 Hi, Bob (25)\n3 2 map[a:3 b:1 c:1] 2 {Bob 25}\n[1 2] {Name:Ann Age:30} 3.14 "x" float64\n5 2 2.5\n',
    );
  });

  it('reports compile errors as gc does', async () => {
    const c = lab().container('library/golang', 'latest');
    c.fs.mkdir('/app', { parents: true });
    c.fs.writeFile(
      '/app/main.go',
      'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tx := 1\n\tfmt.Println(y)\n}\n',
    );
    const r = await c.exec(['go', 'run', 'main.go'], { cwd: '/app' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      '# command-line-arguments\n./main.go:5:2: "os" imported and not used\n./main.go:9:2: declared and not used: x\n./main.go:10:14: undefined: y\n',
    );
    expect((await c.exec(['go', 'build'], { cwd: '/app' })).stderr).toBe(
      "go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n",
    );
  });

  it('panics with a trace and exit status 2', async () => {
    const c = lab().container('library/golang', 'latest');
    c.fs.writeFile(
      '/m.go',
      'package main\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 5\n\t_ = s[i]\n}\n',
    );
    const r = await c.exec(['go', 'run', '/m.go']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/m.go:6 +0x1d\nexit status 2\n',
    );
  });

  it('go mod init, go build -o, and the binary serves HTTP from another image', async () => {
    const l = lab();
    const builder = l.container('library/golang', '1.26');
    builder.fs.mkdir('/src', { parents: true });
    builder.fs.writeFile(
      '/src/main.go',
      `package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "Hello from %s at %s\\n", os.Getenv("NAME"), r.URL.Path)
	})
	http.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, \`{"id":%q}\`, r.PathValue("id"))
	})
	log.Println("listening on :8080")
	log.Fatal(http.ListenAndServe(":8080", nil))
}
`,
    );
    const init = await builder.exec(['go', 'mod', 'init', 'example.com/hello'], { cwd: '/src' });
    expect(init.stderr).toBe(
      'go: creating new go.mod: module example.com/hello\ngo: to add module requirements and sums:\n\tgo mod tidy\n',
    );
    expect(builder.fs.readFile('/src/go.mod')).toBe('module example.com/hello\n\ngo 1.26.5\n');
    expect(await builder.exec(['go', 'build', '-o', '/out/server', '.'], { cwd: '/src' })).toMatchObject({
      status: 0,
      stderr: '',
    });
    const binary = builder.fs.readFile('/out/server');

    const runner = l.container('library/alpine', 'latest', { env: { NAME: 'alpine' } });
    runner.fs.writeFile('/server', binary, { mode: 0o755, program: 'go-app' });
    const r = runner.run(['/server']);
    await l.advance(0);
    expect(r.err.text).toMatch(/^2026\/11\/28 05:21:\d\d listening on :8080\n$/);
    const res = await runner.http(8080, '/hi');
    expect(res).toMatchObject({ status: 200, body: 'Hello from alpine at /hi\n' });
    expect(res.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect((await runner.http(8080, '/items/42')).body).toBe('{"id":"42"}');
    await runner.stop();
    expect(r.proc.exitCode).toBe(2);
  });
});
