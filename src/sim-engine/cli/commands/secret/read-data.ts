/**
 * The content of `docker secret create NAME FILE|-` and `docker config create` (docker/cli
 * v28.5.2 secret/create.go readSecretData, config/create.go readConfigData): the file,
 * relative to the working directory, or stdin for `-`; neither may be empty. Docker
 * reads at most twice the daemon's limit; what is longer the daemon refuses anyway.
 */
import { readAll } from '../../../process/streams.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';

export async function readData(cli: DockerCli, fileName: string, kind: 'secret' | 'config'): Promise<string> {
  switch (fileName) {
    case '-': {
      const data = await readAll(cli.in);
      if (data === '') throw new CliError('error reading from STDIN: data is empty');
      return data;
    }
    case '':
      throw new CliError(`${kind} file is required`);
    default: {
      const path = fileName.startsWith('/') ? fileName : `${cli.cwd === '/' ? '' : cli.cwd}/${fileName}`;
      const st = cli.fs.stat(path);
      if (!st)
        throw new CliError(`error reading from ${fileName}: open ${fileName}: no such file or directory`);
      // os.Open opens a directory; reading it fails
      if (st.kind === 'dir')
        throw new CliError(`error reading from ${fileName}: read ${fileName}: is a directory`);
      const data = cli.fs.readFile(path);
      if (data === '') throw new CliError(`error reading from ${fileName}: data is empty`);
      return data;
    }
  }
}
