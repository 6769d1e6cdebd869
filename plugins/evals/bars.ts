import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { graded, passed, passRate, type Counts } from './counts.ts';
import type { EditionEvals } from './data.ts';

/**
 * The pass-rate bars of one edition's page bodies: under every section's heading line (its own
 * and its subsections' results) and at the end of every example card, one row per run: model,
 * bar, rate and n. Plain HTML and CSS; each row links to the run's drill-down.
 */
export function evalBars(data: EditionEvals) {
  const runs = data.runs;
  const rows = (counts: Record<string, Counts> | undefined) =>
    runs
      .filter((run) => counts?.[run.id] && graded(counts[run.id]!) + counts[run.id]!.unscored + counts[run.id]!.error > 0)
      .map((run) => ({ run, counts: counts![run.id]! }));
  return {
    key: (ids: readonly string[]) =>
      JSON.stringify([data.illustrative, runs.map((run) => [run.id, run.model]), ids.map((id) => [data.sections[id] ?? null, data.examples[id] ?? null])]),
    rehype: () => (tree: Root) => {
      visit(tree, 'element', (node: Element) => {
        const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
        const sectionId = typeof node.properties.dataSectionId === 'string' && classes.includes('ms-section-meta') ? node.properties.dataSectionId : undefined;
        const exampleId =
          node.tagName === 'article' && classes.includes('ms-example') && typeof node.properties.id === 'string' ? node.properties.id : undefined;
        const id = sectionId ?? exampleId;
        if (!id) return;
        const list = rows(sectionId ? data.sections[id] : data.examples[id]);
        if (list.length === 0) return;
        node.children.push(barBlock(id, list, data.illustrative, sectionId ? 'section' : 'example'));
      });
    },
  };
}

function barBlock(id: string, list: Array<{ run: EditionEvals['runs'][number]; counts: Counts }>, illustrative: boolean, kind: 'section' | 'example'): Element {
  const element = (tagName: string, properties: Element['properties'], children: Element['children']): Element => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  const text = (value: string) => ({ type: 'text' as const, value });
  return element('div', { className: ['ms-evals', `ms-evals--${kind}`], dataEvalsFor: id }, [
    element('p', { className: ['ms-evals__title'] }, [
      text(kind === 'section' ? 'Evals on this section' : 'Evals on this example'),
      ...(illustrative ? [element('span', { className: ['ms-evals__illustrative'] }, [text(' (illustrative data)')])] : []),
    ]),
    element(
      'ul',
      { className: ['ms-evals__list'] },
      list.map(({ run, counts }) => {
        const rate = passRate(counts);
        const n = graded(counts);
        const percent = rate === null ? null : Math.round(rate * 100);
        const label =
          rate === null
            ? `${run.model}: not graded (${counts.unscored + counts.error} unscored or errors)`
            : `${run.model}: ${percent}% pass, ${passed(counts)} of ${n} graded`;
        return element('li', { className: ['ms-evals__row'] }, [
          element('a', { className: ['ms-evals__link'], href: `../evals/${run.id}/#${kind === 'example' ? id : `section-${id}`}`, title: label }, [
            element('span', { className: ['ms-evals__model'] }, [text(run.model)]),
            element('span', { className: ['ms-evals__bar'], role: 'img', ariaLabel: label }, [
              element(
                'span',
                {
                  className: [
                    'ms-evals__fill',
                    ...(rate === null ? [] : rate >= 0.8 ? ['ms-evals__fill--high'] : rate >= 0.5 ? ['ms-evals__fill--mid'] : ['ms-evals__fill--low']),
                  ],
                  style: `width:${percent ?? 0}%`,
                },
                [],
              ),
            ]),
            element('span', { className: ['ms-evals__rate'] }, [text(percent === null ? '–' : `${percent}%`)]),
            element('span', { className: ['ms-evals__n'] }, [text(`n=${n}`)]),
          ]),
        ]);
      }),
    ),
  ]);
}
