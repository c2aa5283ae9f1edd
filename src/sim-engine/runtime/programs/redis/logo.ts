/** The ASCII logo redis-server prints instead of `Running mode=…` when stdout is a terminal (asciilogo.h). */
export function LOGO(version: string, port: number, pid: number): string {
  const pad = version.startsWith('7') ? '     ' : '      ';
  const dirty = version.startsWith('7') ? 0 : 1;
  return (
    '                _._                                                  \n' +
    "           _.-``__ ''-._                                             \n" +
    "      _.-``    `.  `_.  ''-._           Redis Community Edition      \n" +
    `  .-\`\` .-\`\`\`.  \`\`\`\\/    _.,_ ''-._${pad}${version} (00000000/${dirty}) 64 bit\n` +
    " (    '      ,       .-`  | `,    )     Running in standalone mode\n" +
    ` |\`-._\`-...-\` __...-.\`\`-._|'\` _.-'|     Port: ${port}\n` +
    ` |    \`-._   \`._    /     _.-'    |     PID: ${pid}\n` +
    "  `-._    `-._  `-./  _.-'    _.-'                                   \n" +
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  \n" +
    " |    `-._`-._        _.-'_.-'    |           https://redis.io       \n" +
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   \n" +
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  \n" +
    " |    `-._`-._        _.-'_.-'    |                                  \n" +
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   \n" +
    "      `-._    `-.__.-'    _.-'                                       \n" +
    "          `-._        _.-'                                           \n" +
    "              `-.__.-'                                               \n\n"
  );
}
