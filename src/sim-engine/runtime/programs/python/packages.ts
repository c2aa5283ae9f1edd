/**
 * What "PyPI" has for pip here: the packages tutorials install, with the versions of
 * autumn 2026 and their dependencies, so `pip install flask` lists the same
 * collection as the real one. Wheel sizes are approximate.
 */
export interface PyPackage {
  /** the name as the project spells it (Flask, Jinja2) */
  name: string;
  version: string;
  deps: string[];
  /** wheel size, and the metadata file's */
  kb: [string, string];
  /** console scripts it installs */
  scripts?: string[];
  /** the module name, when not the lower-cased name */
  module?: string;
  wheel?: string;
}

export const PYPI: Record<string, PyPackage> = {
  flask: {
    name: 'Flask',
    version: '3.1.2',
    deps: [
      'blinker>=1.9.0',
      'click>=8.1.3',
      'itsdangerous>=2.2.0',
      'jinja2>=3.1.2',
      'markupsafe>=2.1.1',
      'werkzeug>=3.1.0',
    ],
    kb: ['103 kB', '3.2 kB'],
    scripts: ['flask'],
  },
  blinker: { name: 'blinker', version: '1.9.0', deps: [], kb: ['8.5 kB', '1.6 kB'] },
  click: { name: 'click', version: '8.3.0', deps: [], kb: ['107 kB', '2.6 kB'] },
  itsdangerous: { name: 'itsdangerous', version: '2.2.0', deps: [], kb: ['16 kB', '1.9 kB'] },
  jinja2: { name: 'Jinja2', version: '3.1.6', deps: ['MarkupSafe>=2.0'], kb: ['134 kB', '2.9 kB'] },
  markupsafe: {
    name: 'MarkupSafe',
    version: '3.0.3',
    deps: [],
    kb: ['22 kB', '2.7 kB'],
    wheel: 'cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64',
  },
  werkzeug: { name: 'Werkzeug', version: '3.1.3', deps: ['MarkupSafe>=2.1.1'], kb: ['224 kB', '3.7 kB'] },
  redis: { name: 'redis', version: '6.4.0', deps: [], kb: ['279 kB', '10 kB'] },
  requests: {
    name: 'requests',
    version: '2.32.5',
    deps: ['charset_normalizer<4,>=2', 'idna<4,>=2.5', 'urllib3<3,>=1.21.1', 'certifi>=2017.4.17'],
    kb: ['64 kB', '4.9 kB'],
  },
  charset_normalizer: {
    name: 'charset-normalizer',
    version: '3.4.3',
    deps: [],
    kb: ['151 kB', '36 kB'],
    wheel: 'cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64',
  },
  idna: { name: 'idna', version: '3.10', deps: [], kb: ['70 kB', '10 kB'] },
  urllib3: { name: 'urllib3', version: '2.5.0', deps: [], kb: ['129 kB', '6.5 kB'] },
  certifi: { name: 'certifi', version: '2025.8.3', deps: [], kb: ['161 kB', '2.4 kB'] },
  gunicorn: {
    name: 'gunicorn',
    version: '23.0.0',
    deps: ['packaging'],
    kb: ['85 kB', '4.4 kB'],
    scripts: ['gunicorn'],
  },
  packaging: { name: 'packaging', version: '25.0', deps: [], kb: ['66 kB', '3.3 kB'] },
  django: {
    name: 'Django',
    version: '5.2.7',
    deps: ['asgiref>=3.8.1', 'sqlparse>=0.3.1'],
    kb: ['8.3 MB', '4.1 kB'],
    scripts: ['django-admin'],
  },
  asgiref: { name: 'asgiref', version: '3.10.0', deps: [], kb: ['24 kB', '8.5 kB'] },
  sqlparse: { name: 'sqlparse', version: '0.5.3', deps: [], kb: ['44 kB', '3.9 kB'] },
  numpy: {
    name: 'numpy',
    version: '2.3.3',
    deps: [],
    kb: ['16.6 MB', '62 kB'],
    wheel: 'cp312-cp312-manylinux_2_27_x86_64.manylinux_2_28_x86_64',
  },
  python_dotenv: {
    name: 'python-dotenv',
    version: '1.1.1',
    deps: [],
    kb: ['20 kB', '24 kB'],
    module: 'dotenv',
  },
  pyyaml: {
    name: 'PyYAML',
    version: '6.0.3',
    deps: [],
    kb: ['807 kB', '2.4 kB'],
    module: 'yaml',
    wheel: 'cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64',
  },
  psycopg2_binary: {
    name: 'psycopg2-binary',
    version: '2.9.10',
    deps: [],
    kb: ['3.0 MB', '4.9 kB'],
    module: 'psycopg2',
    wheel: 'cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64',
  },
};

/** PyPI's normalised key: `Flask-SQLAlchemy` → `flask_sqlalchemy`. */
export const normalise = (name: string) => name.toLowerCase().replace(/[-.]+/g, '_');
