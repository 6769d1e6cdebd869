// "Copy as Markdown": a section's source turned into Markdown that reads right wherever it is
// pasted (a chat, an issue, a document): the format's `:::` directives become bold labels, and
// every link, `[?](#id)` cross-references included, is an absolute URL with its target's title.
// Pure; no Node imports (share.ts runs it in the browser, tests in Node).

export interface LinkTarget {
  title: string;
  url: string;
}

const roleNames: Record<string, string> = { user: 'User', system: 'System', developer: 'Developer', assistant: 'Assistant', tool: 'Tool' };
const gradeNames: Record<string, string> = { compliant: 'Compliant', violating: 'Violating', ok: 'OK' };

/**
 * @param markdown the section's source (spec.json `markdown`)
 * @param pageUrl the absolute URL of the section (relative links resolve against it)
 * @param resolve a section or example by id
 */
export function portableMarkdown(markdown: string, pageUrl: string, resolve: (id: string) => LinkTarget | null): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    // Code is copied as written.
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      out.push(line);
      continue;
    }
    if (/^\s*::[a-z][\w-]*(\{.*\})?\s*$/i.test(line)) continue; // a leaf directive (`::section{#id}`)
    if (/^\s*:{3,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    const open = /^\s*:{3,}([a-z][\w-]*)(?:\[(.*)\])?(?:\{.*\})?\s*$/i.exec(line);
    if (open) {
      const [, name = '', label = ''] = open;
      const text = links(label, pageUrl, resolve);
      if (name === 'example' || name === 'prompt') out.push(`**${name === 'prompt' ? 'Eval prompt' : 'Example'}${text ? `: ${text}` : ''}**`, '');
      else if (name in gradeNames) out.push(`**${gradeNames[name]}${text ? ` (${text})` : ''}:**`, '');
      else out.push(`**${roleNames[name] ?? name.charAt(0).toUpperCase() + name.slice(1)}${text ? `: ${text}` : ''}${name in roleNames ? ':' : ''}**`, '');
      continue;
    }
    out.push(links(line, pageUrl, resolve));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `[text](href)` and `![alt](src)` with absolute URLs; `[?](#id)` titled from its target. */
function links(text: string, pageUrl: string, resolve: (id: string) => LinkTarget | null): string {
  return text.replace(/(!?)\[((?:[^\]\\]|\\.)*)\]\(([^)\s]+)(\s+"[^"]*")?\)/g, (whole, bang: string, label: string, href: string, title = '') => {
    if (href.startsWith('#')) {
      const target = resolve(decodeURIComponent(href.slice(1)));
      if (target) return `${bang}[${label === '?' ? target.title : label}](${target.url}${title})`;
    }
    try {
      return `${bang}[${label}](${new URL(href, pageUrl).href}${title})`;
    } catch {
      return whole;
    }
  });
}
