/**
 * The files a package puts on disk that matter to a learner: its programs, each
 * tagged with the simulated program that runs it (`ps@gnu` runs system/ps.ts as
 * procps), and a few well-known data files. Libraries and documentation are left out.
 * Shared by the Debian/Ubuntu catalogue and (with their own paths) Alpine's.
 */
export interface PackageFile {
  path: string;
  /** the program tag; undefined for a plain data file */
  tag?: string;
  /** size the file reports (bytes) */
  size: number;
  /** text content of a data file */
  text?: string;
  /** a symlink to this target instead of a file */
  link?: string;
}

const bin = (path: string, tag: string, size: number): PackageFile => ({ path, tag, size });
const link = (path: string, target: string): PackageFile => ({ path, link: target, size: target.length });

export const DEBIAN_FILES: Readonly<Record<string, readonly PackageFile[]>> = {
  curl: [bin('/usr/bin/curl', 'curl', 309_712)],
  wget: [bin('/usr/bin/wget', 'wget@gnu', 528_136)],
  procps: [
    bin('/usr/bin/ps', 'ps@gnu', 158_120),
    bin('/usr/bin/free', 'free@gnu', 27_032),
    bin('/usr/bin/kill', 'kill@gnu', 26_952),
    bin('/usr/bin/pgrep', 'pgrep@gnu', 35_280),
    link('/usr/bin/pkill', 'pgrep'),
    link('/usr/bin/pidof', '/usr/bin/pgrep'),
    bin('/usr/bin/uptime', 'uptime@gnu', 14_568),
    bin('/usr/bin/top', 'top@gnu', 137_360),
    bin('/usr/bin/watch', 'watch@gnu', 31_200),
    bin('/usr/bin/vmstat', 'vmstat@gnu', 39_568),
    bin('/usr/sbin/sysctl', 'sysctl@gnu', 31_184),
  ],
  psmisc: [
    bin('/usr/bin/killall', 'killall@psmisc', 31_512),
    bin('/usr/bin/pstree', 'pstree@psmisc', 35_880),
  ],
  'iputils-ping': [bin('/usr/bin/ping', 'ping@iputils', 89_768)],
  'net-tools': [
    bin('/usr/bin/netstat', 'netstat@net-tools', 154_640),
    bin('/usr/sbin/ifconfig', 'ifconfig@net-tools', 88_624),
    bin('/usr/sbin/route', 'route@net-tools', 70_608),
    bin('/usr/sbin/arp', 'arp@net-tools', 62_216),
  ],
  iproute2: [bin('/usr/bin/ip', 'ip@iproute2', 789_928), bin('/usr/bin/ss', 'ss@iproute2', 199_008)],
  'bind9-dnsutils': [
    bin('/usr/bin/dig', 'dig', 206_256),
    bin('/usr/bin/nslookup', 'nslookup@bind', 154_912),
    bin('/usr/bin/host', 'host', 141_016),
  ],
  vim: [
    bin('/usr/bin/vim.basic', 'vim', 4_059_000),
    link('/usr/bin/vim', '/etc/alternatives/vim'),
    link('/etc/alternatives/vim', '/usr/bin/vim.basic'),
    link('/usr/bin/vi', '/etc/alternatives/vi'),
    link('/etc/alternatives/vi', '/usr/bin/vim.basic'),
  ],
  nano: [bin('/usr/bin/nano', 'nano', 314_384)],
  less: [
    bin('/usr/bin/less', 'less@gnu', 196_264),
    link('/usr/bin/pager', '/etc/alternatives/pager'),
    link('/etc/alternatives/pager', '/usr/bin/less'),
  ],
  git: [bin('/usr/bin/git', 'git', 4_206_064)],
  'python3.13': [bin('/usr/bin/python3.13', 'python3', 8_116_840)],
  'python3.13-minimal': [bin('/usr/bin/python3.13', 'python3', 8_116_840)],
  'python3-minimal': [link('/usr/bin/python3', 'python3.13')],
  nodejs: [bin('/usr/bin/node', 'node', 96_520), link('/usr/bin/nodejs', 'node')],
  npm: [bin('/usr/bin/npm', 'npm', 1_200)],
  jq: [bin('/usr/bin/jq', 'jq', 31_160)],
  unzip: [bin('/usr/bin/unzip', 'unzip', 186_384)],
  htop: [bin('/usr/bin/htop', 'htop', 362_968)],
  tree: [bin('/usr/bin/tree', 'tree', 92_064)],
  file: [bin('/usr/bin/file', 'file', 27_024)],
  'netcat-openbsd': [
    bin('/usr/bin/nc.openbsd', 'nc@openbsd', 43_616),
    link('/usr/bin/nc', '/etc/alternatives/nc'),
    link('/etc/alternatives/nc', '/usr/bin/nc.openbsd'),
  ],
  telnet: [
    bin('/usr/bin/telnet.netkit', 'telnet', 96_936),
    link('/usr/bin/telnet', '/etc/alternatives/telnet'),
    link('/etc/alternatives/telnet', '/usr/bin/telnet.netkit'),
  ],
  sudo: [{ path: '/usr/bin/sudo', tag: 'sudo', size: 306_456 }],
  gnupg: [],
  gpg: [bin('/usr/bin/gpg', 'gpg', 1_163_544)],
  'lsb-release': [bin('/usr/bin/lsb_release', 'lsb_release', 4_386)],
  openssl: [bin('/usr/bin/openssl', 'openssl', 1_001_296)],
  'gcc-14': [bin('/usr/bin/gcc-14', 'gcc', 1_023_360)],
  gcc: [
    link('/usr/bin/gcc', 'gcc-14'),
    link('/usr/bin/cc', '/etc/alternatives/cc'),
    link('/etc/alternatives/cc', '/usr/bin/gcc'),
  ],
  'g++-14': [bin('/usr/bin/g++-14', 'g++', 1_027_456)],
  'g++': [
    link('/usr/bin/g++', 'g++-14'),
    link('/usr/bin/c++', '/etc/alternatives/c++'),
    link('/etc/alternatives/c++', '/usr/bin/g++'),
  ],
  make: [bin('/usr/bin/make', 'make', 256_384)],
  'python3-pip': [bin('/usr/bin/pip3', 'pip', 221), link('/usr/bin/pip', 'pip3')],
  tini: [bin('/usr/bin/tini', 'tini', 26_864), bin('/usr/bin/tini-static', 'tini', 856_328)],
  zip: [bin('/usr/bin/zip', 'zip', 221_208)],
  'xz-utils': [bin('/usr/bin/xz', 'xz', 92_456)],
  'openssh-client': [
    bin('/usr/bin/ssh', 'ssh', 1_153_208),
    bin('/usr/bin/scp', 'scp', 142_416),
    bin('/usr/bin/ssh-keygen', 'ssh-keygen', 477_104),
  ],
  'postgresql-client-common': [bin('/usr/share/postgresql-common/pg_wrapper', 'pg_wrapper', 13_917)],
  'postgresql-client-17': [
    bin('/usr/lib/postgresql/17/bin/psql', 'psql', 753_272),
    link('/usr/bin/psql', '../share/postgresql-common/pg_wrapper'),
  ],
  'mariadb-client': [bin('/usr/bin/mariadb', 'mysql', 4_318_272), link('/usr/bin/mysql', 'mariadb')],
  'mariadb-client-compat': [],
  'redis-tools': [
    bin('/usr/bin/redis-cli', 'redis-cli', 4_000_000),
    bin('/usr/bin/redis-benchmark', 'redis-cli', 4_000_000),
  ],
  gosu: [bin('/usr/sbin/gosu', 'gosu', 2_297_176)],
  locales: [bin('/usr/sbin/locale-gen', 'locale-gen', 4_207)],
  socat: [bin('/usr/bin/socat', 'socat', 403_512)],
  'ca-certificates': [
    bin('/usr/sbin/update-ca-certificates', 'update-ca-certificates', 6_462),
    {
      path: '/etc/ssl/certs/ca-certificates.crt',
      size: 219_342,
      text: '# simulated CA bundle (150 certificates)\n',
    },
  ],
};

/** Alpine's packages (BusyBox already provides most tools as applets). */
export const ALPINE_FILES: Readonly<Record<string, readonly PackageFile[]>> = {
  curl: [bin('/usr/bin/curl', 'curl', 251_200)],
  wget: [bin('/usr/bin/wget', 'wget@gnu', 440_112)],
  bash: [bin('/bin/bash', 'bash', 808_712)],
  procps: [],
  'procps-ng': [
    bin('/usr/bin/ps', 'ps@gnu', 84_968),
    bin('/usr/bin/free', 'free@gnu', 18_680),
    bin('/usr/bin/pgrep', 'pgrep@gnu', 26_904),
    bin('/usr/bin/top', 'top@gnu', 100_488),
    bin('/usr/bin/uptime', 'uptime@gnu', 14_376),
  ],
  'iputils-ping': [bin('/bin/ping', 'ping@iputils', 65_304)],
  iproute2: [],
  'iproute2-minimal': [bin('/sbin/ip', 'ip@iproute2', 756_304)],
  'bind-tools': [
    bin('/usr/bin/dig', 'dig', 158_392),
    bin('/usr/bin/nslookup', 'nslookup@bind', 134_184),
    bin('/usr/bin/host', 'host', 117_488),
  ],
  vim: [bin('/usr/bin/vim', 'vim', 3_320_920)],
  nano: [bin('/usr/bin/nano', 'nano', 276_704)],
  less: [bin('/usr/bin/less', 'less@gnu', 158_616)],
  git: [bin('/usr/bin/git', 'git', 3_612_328)],
  python3: [bin('/usr/bin/python3.12', 'python3', 14_312), link('/usr/bin/python3', 'python3.12')],
  nodejs: [bin('/usr/bin/node', 'node', 41_998_216)],
  npm: [bin('/usr/bin/npm', 'npm', 1_200)],
  jq: [bin('/usr/bin/jq', 'jq', 346_400)],
  coreutils: [],
  htop: [bin('/usr/bin/htop', 'htop', 261_432)],
  tree: [bin('/usr/bin/tree', 'tree', 62_928)],
  'netcat-openbsd': [bin('/usr/bin/nc', 'nc@openbsd', 43_616)],
  sudo: [bin('/usr/bin/sudo', 'sudo', 246_072)],
  openssl: [bin('/usr/bin/openssl', 'openssl', 723_424)],
  'ca-certificates': [bin('/usr/sbin/update-ca-certificates', 'update-ca-certificates', 22_488)],
  tzdata: [],
  gcc: [bin('/usr/bin/gcc', 'gcc', 1_010_672), link('/usr/bin/cc', 'gcc')],
  'g++': [bin('/usr/bin/g++', 'g++', 1_014_768), link('/usr/bin/c++', 'g++')],
  make: [bin('/usr/bin/make', 'make', 235_432)],
  'py3-pip': [bin('/usr/bin/pip3', 'pip', 221), link('/usr/bin/pip', 'pip3')],
  tini: [bin('/sbin/tini', 'tini', 22_616)],
  'su-exec': [bin('/sbin/su-exec', 'gosu', 10_232)],
  'postgresql17-client': [bin('/usr/bin/psql', 'psql', 612_304)],
  'mariadb-client': [bin('/usr/bin/mariadb', 'mysql', 3_900_000), link('/usr/bin/mysql', 'mariadb')],
  redis: [
    bin('/usr/bin/redis-server', 'redis-server', 1_900_000),
    bin('/usr/bin/redis-cli', 'redis-cli', 1_000_000),
  ],
  socat: [bin('/usr/bin/socat', 'socat', 377_000)],
  zip: [bin('/usr/bin/zip', 'zip', 190_000)],
  unzip: [bin('/usr/bin/unzip', 'unzip', 170_000)],
  xz: [bin('/usr/bin/xz', 'xz', 80_000)],
  'openssh-client-default': [
    bin('/usr/bin/ssh', 'ssh', 900_000),
    bin('/usr/bin/scp', 'scp', 120_000),
    bin('/usr/bin/ssh-keygen', 'ssh-keygen', 400_000),
  ],
  shadow: [bin('/usr/sbin/useradd', 'useradd', 120_000), bin('/usr/sbin/groupadd', 'groupadd', 80_000)],
  'dumb-init': [bin('/usr/bin/dumb-init', 'dumb-init', 30_000)],
};
