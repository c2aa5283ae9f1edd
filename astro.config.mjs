// @ts-check
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { MODULES } from './src/content/modules.ts';

/**
 * A sidebar group per module that has lessons, in course order, each lesson by its
 * `order`. (Starlight's `autogenerate` only sees src/content/docs/, so the lessons are
 * listed here; their titles come from their frontmatter through `slug` links. The
 * lesson schema checks `order` properly; this only reads it.)
 */
function lessonsOf(module) {
  const dir = `src/content/lessons/${module}`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .map((f) => ({
      slug: `lessons/${module}/${f.replace(/\.mdx?$/, '')}`,
      order: Number(/^order:\s*(\d+)/m.exec(readFileSync(`${dir}/${f}`, 'utf8'))?.[1] ?? 0),
    }))
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
    .map(({ slug }) => ({ slug }));
}

const moduleGroups = MODULES.map((m) => ({ label: m.title, items: lessonsOf(m.id) })).filter(
  (group) => group.items.length > 0,
);

export default defineConfig({
  integrations: [
    starlight({
      title: 'Dockyard',
      description: 'Learn Docker by doing it, in a Docker engine and swarm simulated in your browser.',
      sidebar: [{ label: 'Start here', items: [{ label: 'Course home', link: '/' }] }, ...moduleGroups],
      components: {
        // lessons: intro above the text, the lab panel below it
        MarkdownContent: './src/components/LessonContent.astro',
      },
    }),
  ],
});
