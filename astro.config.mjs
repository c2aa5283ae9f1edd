// @ts-check
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { MODULES } from './src/content/modules.ts';

/**
 * A sidebar group per module that has lessons, in course order, each lesson by its
 * `order`, a challenge marked with a badge. (Starlight's `autogenerate` only sees
 * src/content/docs/, so the lessons are listed here; their titles come from their
 * frontmatter through `slug` links. The lesson schema checks `order` and `kind`
 * properly; this only reads them.)
 */
function lessonsOf(module) {
  const dir = `src/content/lessons/${module}`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .map((f) => {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      return {
        slug: `lessons/${module}/${f.replace(/\.mdx?$/, '')}`,
        order: Number(/^order:\s*(\d+)/m.exec(text)?.[1] ?? 0),
        challenge: /^kind:\s*challenge\s*$/m.test(text),
      };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
    .map(({ slug, challenge }) =>
      challenge ? { slug, badge: { text: 'Challenge', variant: 'tip' } } : { slug },
    );
}

/**
 * Monaco's modules import their own CSS (over a hundred files). Astro puts CSS that a
 * lazily loaded chunk imports into the <head> of every page using it, render-blocking
 * (shared/reference/web-notes.md), and the editor must cost nothing until it is opened.
 * So each of those imports becomes a small module that injects that CSS (processed by
 * Vite, `?inline`, fonts and all) into a <style> when Monaco's module runs — that is,
 * when the learner opens the editor.
 */
function monacoCssOnLoad() {
  const PREFIX = '\0dockyard-monaco-css:';
  return {
    name: 'dockyard:monaco-css-on-load',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !/[\\/]monaco-editor[\\/]esm[\\/]/.test(importer))
        return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // ends in .js, or Vite's CSS plugin would take this module for a stylesheet
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        `if (typeof document !== 'undefined') {`,
        `  const style = document.createElement('style');`,
        `  style.dataset.monaco = ${JSON.stringify(file.slice(file.lastIndexOf('monaco-editor')))};`,
        `  style.textContent = css;`,
        `  document.head.append(style);`,
        `}`,
      ].join('\n');
    },
  };
}

const moduleGroups = MODULES.map((m) => ({ label: m.title, items: lessonsOf(m.id) })).filter(
  (group) => group.items.length > 0,
);

export default defineConfig({
  vite: {
    plugins: [monacoCssOnLoad()],
    resolve: {
      alias: [
        {
          // monaco-yaml's worker (through monaco-worker-manager) imports Monaco's old deep
          // path, which Monaco 0.57's exports map no longer resolves
          find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/,
          replacement: `${fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))}$1.js`,
        },
      ],
    },
    // Monaco's ES modules as they are, so the plugin above sees their CSS imports in dev too
    optimizeDeps: { exclude: ['monaco-editor'] },
    worker: { format: 'es' },
  },
  integrations: [
    starlight({
      title: 'Dockyard',
      description: 'Learn Docker by doing it, in a Docker engine and swarm simulated in your browser.',
      // the Progress page last: the course's last lesson leads to it, and no lesson's
      // "Previous" does (Starlight's prev/next follow the sidebar)
      sidebar: [
        { label: 'Start here', items: [{ label: 'Course home', link: '/' }] },
        ...moduleGroups,
        { label: 'Your progress', link: '/progress/' },
      ],
      // a code block that scrolls sideways is a region with no name, and two on a page
      // fail axe's landmark-unique: long commands wrap instead
      expressiveCode: { defaultProps: { wrap: true } },
      components: {
        // lessons: intro above the text, the lab panel below it
        MarkdownContent: './src/components/LessonContent.astro',
      },
    }),
  ],
});
