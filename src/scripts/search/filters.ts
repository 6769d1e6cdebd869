// The filter bar: a radio group per filter (authority, kind, grade, and tag when records have
// tags), values no record has hidden once Pagefind's filter counts arrive.
import { kindLabels, kindPluralLabels, noLevelLabel, noLevelValue, type FilterName, type RecordKind } from '../../../plugins/contract/index.ts';
import { element } from './dom.ts';
import type { FilterCounts, PagefindFilters } from './pagefind.ts';
import { GRADES, type Level } from './results.ts';

export type FilterKey = FilterName | 'failing';

interface FilterGroup {
  key: FilterKey;
  label: string;
  values: { value: string; label: string; tone?: string }[];
}

const PREFIX = 'ms-search-';

export class FilterBar {
  private shown = false;
  readonly element: HTMLElement;

  constructor(element: HTMLElement, levels: Level[]) {
    this.element = element;
    const groups: FilterGroup[] = [
      {
        key: 'authority',
        label: 'Authority',
        values: [
          ...levels.map((level) => ({ value: level.name, label: level.label, tone: `ms-badge--${level.name}` })),
          { value: noLevelValue, label: noLevelLabel },
        ],
      },
      {
        key: 'kind',
        label: 'Kind',
        values: (Object.keys(kindLabels) as RecordKind[]).map((kind) => ({ value: kindLabels[kind], label: kindPluralLabels[kind] })),
      },
      { key: 'grade', label: 'Has a response', values: GRADES.map((grade) => ({ value: grade.value, label: grade.value, tone: `ms-chip--${grade.name}` })) },
    ];
    for (const group of groups) this.element.append(renderGroup(group));
  }

  selected(): PagefindFilters {
    const selected: PagefindFilters = {};
    for (const input of this.element.querySelectorAll<HTMLInputElement>('input:checked')) {
      if (input.value) selected[input.name.slice(PREFIX.length)] = input.value;
    }
    return selected;
  }

  /** Adds the tag group when some record has a tag; hides values (and groups) no record has. */
  showAvailable(counts: FilterCounts): void {
    if (this.shown) return;
    this.shown = true;
    const tags = Object.keys(counts.tag ?? {})
      .filter((tag) => counts.tag![tag]! > 0)
      .sort();
    if (tags.length) this.element.append(renderGroup({ key: 'tag', label: 'Tag', values: tags.map((tag) => ({ value: tag, label: tag })) }));
    // Eval results: sections and examples with a violating result, per model (only when the site has runs).
    const failing = Object.keys(counts.failing ?? {})
      .filter((model) => counts.failing![model]! > 0)
      .sort();
    if (failing.length)
      this.element.append(renderGroup({ key: 'failing', label: 'Failing for', values: failing.map((model) => ({ value: model, label: model })) }));
    for (const radio of this.element.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      const key = radio.name.slice(PREFIX.length);
      if (radio.value && !counts[key]?.[radio.value]) radio.closest('label')!.hidden = true;
    }
    // A group with one value left filters nothing, except tags, which only some records carry.
    for (const group of this.element.querySelectorAll<HTMLElement>('.ms-search__group:not([data-key="tag"]):not([data-key="failing"])')) {
      group.hidden = group.querySelectorAll('label:not([hidden])').length <= 2;
    }
  }
}

function renderGroup(group: FilterGroup): HTMLElement {
  const wrapper = element('div', 'ms-search__group');
  wrapper.dataset.key = group.key;
  wrapper.setAttribute('role', 'radiogroup');
  wrapper.setAttribute('aria-labelledby', `ms-search-group-${group.key}`);
  const label = element('span', 'ms-search__group-label', group.label);
  label.id = `ms-search-group-${group.key}`;
  wrapper.append(label);
  for (const value of [{ value: '', label: 'Any' }, ...group.values]) {
    const chip = element('label', `ms-chip${'tone' in value && value.tone ? ` ${value.tone}` : ''}`);
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = `${PREFIX}${group.key}`;
    radio.value = value.value;
    radio.checked = value.value === '';
    chip.append(radio, element('span', 'ms-chip__text', value.label));
    wrapper.append(chip);
  }
  return wrapper;
}
