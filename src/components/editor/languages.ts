/** The Monaco language of a lab file, from its name. */
export function languageOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^(Dockerfile|Containerfile)(\..+)?$/i.test(name) || /\.dockerfile$/i.test(name)) return 'dockerfile';
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'yml':
    case 'yaml':
      return 'yaml';
    case 'py':
      return 'python';
    case 'sh':
    case 'bash':
      return 'shell';
    case 'html':
    case 'htm':
      return 'html';
    default:
      return 'plaintext';
  }
}
