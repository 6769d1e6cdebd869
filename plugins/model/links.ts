import path from 'node:path';
import type { SpecSection } from '../remark-spec/index.ts';
import type { SpecConfig } from './config.ts';
import { siteUrls } from './urls.ts';

/** "Edit this section" and "Suggest a change" links; both carry the section id. */
export function sectionLinks(config: SpecConfig, section: SpecSection, filePath: string, contentRoot: string) {
  const repository = config.repository;
  if (!repository) return [];
  const relative = path.relative(contentRoot, path.resolve(filePath)).split(path.sep).join('/');
  const sourcePath = `${repository.contentDir.replace(/\/+$/, '')}/${relative}`;
  const urls = siteUrls(config.site, config.base);
  const permalink = urls.absolute(urls.short(section.id));
  const issueTitle = `[${section.id}] ${section.title}`;
  const issueBody = `Section: ${permalink}\nSource: ${sourcePath}, line ${section.position.start.line}\n\nWhat should change, and why?\n`;
  return [
    {
      href: `${repository.url}/edit/${repository.branch}/${sourcePath}#L${section.position.start.line}`,
      label: 'Edit',
    },
    {
      href: `${repository.url}/issues/new?title=${encodeURIComponent(issueTitle)}&body=${encodeURIComponent(issueBody)}`,
      label: 'Suggest a change',
    },
  ];
}
