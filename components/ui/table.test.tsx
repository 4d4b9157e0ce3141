import { renderWithIntl as renderToStaticMarkup } from '@/test/support/with-intl';
import { describe, expect, it } from 'vitest';

import { DataTable, type TableColumn } from './table';

interface Planet {
  name: string;
  moons: number;
}

const COLUMNS: TableColumn<Planet, 'name' | 'moons'>[] = [
  { id: 'name', header: 'Planet', sort: 'name', cell: (planet) => planet.name },
  { id: 'moons', header: 'Moons', sort: 'moons', align: 'end', width: '6rem', cell: (planet) => planet.moons },
  { id: 'actions', header: 'Actions', hideHeader: true, cell: () => 'open' },
];
const PLANETS: Planet[] = [
  { name: 'Mars', moons: 2 },
  { name: 'Venus', moons: 0 },
];

type Props = Parameters<typeof DataTable<Planet, 'name' | 'moons'>>[0];
const PROPS: Props = { label: 'Planets', columns: COLUMNS, rows: PLANETS, empty: 'No planet yet.' };
const PlanetTable = DataTable<Planet, 'name' | 'moons'>;
const render = (props: Partial<Props> = {}) =>
  new DOMParserLite(renderToStaticMarkup(<PlanetTable {...PROPS} rowKey={(planet) => planet.name} {...props} />));

interface Element {
  attributes: Record<string, string | undefined>;
  text: string;
}

/** Enough of a DOM for these assertions: the markup's elements as tag, attributes and text, in order. */
class DOMParserLite {
  constructor(readonly html: string) {}
  /** The n-th element of a tag (0 first), failing the test when there is none. */
  element(tag: string, index = 0): Element {
    const element = this.elements(tag)[index];
    if (!element) throw new Error(`no <${tag}> number ${index}`);
    return element;
  }
  elements(tag: string): Element[] {
    const found: Element[] = [];
    const pattern = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
    for (const match of this.html.matchAll(pattern)) {
      const attributes: Record<string, string | undefined> = {};
      for (const [, name = '', value = ''] of (match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g))
        attributes[name.toLowerCase()] = value;
      found.push({ attributes, text: (match[2] ?? '').replace(/<[^>]+>/g, '') });
    }
    return found;
  }
}

describe('DataTable', () => {
  it('puts the table in a labelled region that the keyboard can reach and scroll', () => {
    const region = render().element('div');
    expect(region.attributes).toMatchObject({ role: 'region', 'aria-label': 'Planets', tabindex: '0' });
    expect(region.attributes.class).toContain('overflow-x-auto');
    expect(region.attributes.class).toContain('focus-visible:outline-2');
    expect(render().element('table', 0).attributes['aria-label']).toBe('Planets');
  });

  it('announces the sorted column as ascending or descending and the other sortable ones as none', () => {
    const ascending = render({ sort: { by: 'moons', dir: 'asc', onSort: () => undefined } }).elements('th');
    expect(ascending.map((th) => th.attributes['aria-sort'])).toEqual(['none', 'ascending', undefined]);
    const descending = render({ sort: { by: 'name', dir: 'desc', onSort: () => undefined } }).elements('th');
    expect(descending.map((th) => th.attributes['aria-sort'])).toEqual(['descending', 'none', undefined]);
  });

  it('makes sortable headers buttons in a client table and links in a server one', () => {
    const buttons = render({ sort: { by: 'name', dir: 'asc', onSort: () => undefined } }).elements('button');
    expect(buttons.map((button) => button.text)).toEqual([
      'Planet▲Sort by planet, descending',
      'Moons↕Sort by moons, ascending',
    ]);
    expect(buttons.every((button) => button.attributes.type === 'button')).toBe(true);

    const links = render({ sort: { by: 'name', dir: 'asc', href: (by, dir) => `/planets?sort=${by}&dir=${dir}` } });
    expect(links.elements('button')).toEqual([]);
    // The sorted column turns round; another starts ascending.
    expect(links.elements('a').map((link) => link.attributes.href)).toEqual([
      '/planets?sort=name&amp;dir=desc',
      '/planets?sort=moons&amp;dir=asc',
    ]);
  });

  it('describes what pressing a sort control does, in a hidden text that is not part of the column’s name', () => {
    const table = render({ sort: { by: 'moons', dir: 'asc', onSort: () => undefined } });
    expect(table.elements('button').map((button) => button.attributes['aria-describedby'])).toEqual([
      'sort-Planets-name',
      'sort-Planets-moons',
    ]);
    expect(table.html).toContain('<span id="sort-Planets-name" hidden="">Sort by planet, ascending</span>');
    expect(table.html).toContain('<span id="sort-Planets-moons" hidden="">Sort by moons, descending</span>');
  });

  it('has no sort controls or aria-sort when the list is not sorted by the table', () => {
    const table = render();
    expect(table.elements('button')).toEqual([]);
    expect(table.elements('th').every((th) => th.attributes['aria-sort'] === undefined)).toBe(true);
  });

  it('shows the rows cell by cell, with the column’s alignment and width', () => {
    const table = render({ rowTestId: (planet) => `planet-${planet.name}` });
    expect(table.elements('tr').map((row) => row.attributes['data-testid'])).toEqual([
      undefined,
      'planet-Mars',
      'planet-Venus',
    ]);
    expect(table.elements('td').map((cell) => cell.text)).toEqual(['Mars', '2', 'open', 'Venus', '0', 'open']);
    expect(table.element('td', 1).attributes.class).toContain('text-right');
    expect(table.element('th', 1).attributes.style).toBe('width:6rem');
    // A hidden header is still read by screen readers.
    expect(table.element('th', 2).text).toBe('Actions');
    expect(table.html).toContain('<span class="sr-only">Actions</span>');
  });

  it('shows the caller’s message in one row across every column when there is no row', () => {
    const table = render({ rows: [] });
    const cells = table.elements('td');
    expect(cells).toHaveLength(1);
    expect(table.element('td').text).toBe('No planet yet.');
    expect(table.element('td').attributes.colspan).toBe('3');
  });

  it('says it is busy only while newer rows are coming', () => {
    expect(render({ busy: true }).element('table', 0).attributes['aria-busy']).toBe('true');
    expect(render().element('table', 0).attributes['aria-busy']).toBeUndefined();
  });
});
