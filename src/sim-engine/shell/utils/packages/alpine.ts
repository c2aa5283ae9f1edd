/**
 * Alpine's package index as apk sees it, for the packages a course adds. Versions are
 * those of Alpine 3.22 as of mid-2025 (from memory, not from the index: the Alpine
 * mirrors are out of reach here); later Alpine releases are shown with the same
 * versions. Dependencies are listed in the order apk installs them.
 *
 * name: [version, installed bytes, dependencies]
 */
export type ApkRow = readonly [version: string, installedBytes: number, depends: readonly string[]];

export const ALPINE_PACKAGES: Readonly<Record<string, ApkRow>> = {
  'brotli-libs': ['1.1.0-r2', 753_664, []],
  'c-ares': ['1.34.5-r0', 208_896, []],
  libunistring: ['1.3-r0', 1_789_952, []],
  libidn2: ['2.3.7-r0', 139_264, ['libunistring']],
  'nghttp2-libs': ['1.65.0-r0', 172_032, []],
  libpsl: ['0.21.5-r3', 73_728, ['libidn2']],
  'zstd-libs': ['1.5.7-r0', 540_672, []],
  libcurl: [
    '8.14.1-r1',
    557_056,
    ['brotli-libs', 'c-ares', 'libidn2', 'nghttp2-libs', 'libpsl', 'zstd-libs'],
  ],
  curl: ['8.14.1-r1', 262_144, ['libcurl']],
  'ncurses-terminfo-base': ['6.5_p20250503-r0', 53_248, []],
  libncursesw: ['6.5_p20250503-r0', 360_448, ['ncurses-terminfo-base']],
  readline: ['8.2.13-r1', 274_432, ['libncursesw']],
  bash: ['5.2.37-r0', 1_236_992, ['readline']],
  libproc2: ['4.0.4-r3', 98_304, []],
  libintl: ['0.24.1-r0', 57_344, []],
  'procps-ng': ['4.0.4-r3', 446_464, ['libncursesw', 'libintl', 'libproc2']],
  libcap2: ['2.76-r0', 36_864, []],
  'iputils-ping': ['20240905-r1', 73_728, ['libcap2']],
  pcre2: ['10.45-r0', 675_840, []],
  wget: ['1.25.0-r1', 475_136, ['libidn2', 'pcre2']],
  libexpat: ['2.7.1-r0', 184_320, []],
  git: ['2.49.1-r0', 17_354_752, ['libcurl', 'libexpat', 'pcre2', 'zlib']],
  libbz2: ['1.0.8-r6', 81_920, []],
  libffi: ['3.4.8-r0', 45_056, []],
  gdbm: ['1.24-r0', 106_496, []],
  'xz-libs': ['5.8.1-r0', 237_568, []],
  mpdecimal: ['4.0.1-r0', 212_992, []],
  libpanelw: ['6.5_p20250503-r0', 16_384, ['libncursesw']],
  'sqlite-libs': ['3.49.2-r1', 1_032_192, []],
  python3: [
    '3.12.11-r0',
    38_268_928,
    ['libbz2', 'libexpat', 'libffi', 'gdbm', 'xz-libs', 'mpdecimal', 'libpanelw', 'readline', 'sqlite-libs'],
  ],
  'ada-libs': ['2.9.2-r3', 286_720, []],
  'icu-data-en': ['76.1-r1', 2_195_456, []],
  libgcc: ['14.2.0-r6', 122_880, []],
  'libstdc++': ['14.2.0-r6', 2_396_160, ['libgcc']],
  'icu-libs': ['76.1-r1', 2_035_712, ['icu-data-en', 'libstdc++']],
  libuv: ['1.51.0-r0', 176_128, []],
  simdjson: ['3.12.3-r0', 942_080, []],
  simdutf: ['7.2.1-r0', 1_167_360, []],
  nodejs: [
    '22.16.0-r2',
    46_440_448,
    [
      'ada-libs',
      'brotli-libs',
      'c-ares',
      'icu-libs',
      'libuv',
      'nghttp2-libs',
      'simdjson',
      'simdutf',
      'sqlite-libs',
      'zstd-libs',
    ],
  ],
  npm: ['11.4.2-r0', 9_367_552, ['nodejs']],
  xxd: ['9.1.1415-r0', 20_480, []],
  'vim-common': ['9.1.1415-r0', 33_054_720, []],
  vim: ['9.1.1415-r0', 3_522_560, ['xxd', 'vim-common', 'libncursesw']],
  libmagic: ['5.46-r2', 9_310_208, []],
  nano: ['8.4-r0', 626_688, ['libmagic', 'libncursesw']],
  less: ['679-r0', 184_320, ['libncursesw']],
  oniguruma: ['6.9.10-r0', 532_480, []],
  jq: ['1.8.0-r0', 380_928, ['oniguruma']],
  htop: ['3.4.1-r0', 286_720, ['libncursesw']],
  tree: ['2.2.1-r0', 69_632, []],
  libmd: ['1.1.0-r0', 65_536, []],
  libbsd: ['0.12.2-r0', 114_688, ['libmd']],
  'netcat-openbsd': ['1.229.1-r0', 57_344, ['libbsd']],
  sudo: ['1.9.17-r0', 2_985_984, []],
  openssl: ['3.5.1-r0', 1_019_904, []],
  'ca-certificates': ['20250619-r0', 704_512, []],
  libelf: ['0.193-r0', 139_264, []],
  libmnl: ['1.0.5-r2', 28_672, []],
  'iproute2-minimal': ['6.15.0-r0', 1_069_056, ['libelf', 'libmnl', 'libcap2']],
  'iproute2-ss': ['6.15.0-r0', 176_128, ['libmnl']],
  iproute2: ['6.15.0-r0', 8_192, ['iproute2-minimal', 'iproute2-ss']],
  'json-c': ['0.18-r1', 69_632, []],
  'bind-libs': ['9.20.11-r0', 4_370_432, ['json-c', 'libuv', 'nghttp2-libs']],
  'bind-tools': ['9.20.11-r0', 339_968, ['bind-libs']],
  tzdata: ['2025b-r0', 1_392_640, []],
};

/** The packages of a fresh alpine image (minirootfs). */
export const ALPINE_BASE: Readonly<Record<string, string>> = {
  'alpine-baselayout': '3.7.0-r0',
  'alpine-baselayout-data': '3.7.0-r0',
  'alpine-keys': '2.5-r0',
  'alpine-release': '3.22.1-r0',
  'apk-tools': '2.14.9-r2',
  busybox: '1.37.0-r18',
  'busybox-binsh': '1.37.0-r18',
  'ca-certificates-bundle': '20250619-r0',
  libcrypto3: '3.5.1-r0',
  libssl3: '3.5.1-r0',
  musl: '1.2.5-r10',
  'musl-utils': '1.2.5-r10',
  scanelf: '1.3.8-r1',
  ssl_client: '1.37.0-r18',
  zlib: '1.3.1-r2',
  libapk2: '2.14.9-r2',
};

/** Bytes the base image's packages occupy (apk's `OK: N MiB`). */
export const ALPINE_BASE_BYTES = 8_110_080;

/** Names apk resolves to another package. */
export const ALPINE_PROVIDES: Readonly<Record<string, string>> = {
  procps: 'procps-ng',
  ping: 'iputils-ping',
  iputils: 'iputils-ping',
  dig: 'bind-tools',
  nslookup: 'bind-tools',
  node: 'nodejs',
  python: 'python3',
};

/** Package scripts apk runs, as `Executing NAME-VERSION.SCRIPT`. */
export const ALPINE_SCRIPTS: Readonly<Record<string, string>> = {
  bash: 'post-install',
  'ca-certificates': 'trigger',
};
