import { readFileSync } from 'node:fs';
import { parseAslDefinition, type AslDefinition } from '../../../local/console/asl-definition.js';
import { layoutStateMachine, type GraphLayout, type GraphNode } from '../../../local/console/graph-layout.js';

const pipeline = parseAslDefinition(JSON.parse(readFileSync(new URL('../../../statemachine/pipeline.asl.json', import.meta.url), 'utf8')));

function node(layout: GraphLayout, name: string): GraphNode {
  const found = layout.nodes.find((n) => n.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
}

const overlaps = (a: GraphNode, b: GraphNode): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (inner: GraphNode, outer: GraphNode): boolean =>
  inner.x > outer.x && inner.y > outer.y && inner.x + inner.width < outer.x + outer.width && inner.y + inner.height < outer.y + outer.height;

describe('laying out the pipeline state machine', () => {
  const layout = layoutStateMachine(pipeline);

  it('draws every state of the definition, branch states included, once', () => {
    const names = layout.nodes.map((n) => n.name).sort();

    expect(names).toEqual(
      ['Analyse', 'CheckExtraction', 'Classify', 'Done', 'ExtractText', 'ExtractionReady', 'Failed', 'Ingest', 'IsDuplicate', 'RecordFailure', 'Redact', 'SkipDuplicate', 'Store', 'Summarise', 'WaitForText'].sort(),
    );
  });

  it('keeps the main path in one column, top to bottom', () => {
    const main = ['Ingest', 'IsDuplicate', 'ExtractText', 'ExtractionReady', 'Analyse', 'Store', 'Done'].map((name) => node(layout, name));

    const centres = main.map((n) => n.x + n.width / 2);
    expect(new Set(centres).size).toBe(1);
    for (let i = 1; i < main.length; i += 1) expect(main[i]?.y ?? 0).toBeGreaterThan((main[i - 1]?.y ?? 0) + (main[i - 1]?.height ?? 0));
  });

  it('puts the Parallel branches side by side inside the Parallel box, in branch order', () => {
    const analyse = node(layout, 'Analyse');
    const branches = ['Classify', 'Redact', 'Summarise'].map((name) => node(layout, name));

    for (const [index, branch] of branches.entries()) {
      expect(inside(branch, analyse)).toBe(true);
      expect(branch.parent).toBe('Analyse');
      expect(branch.branch).toBe(index);
    }
    expect(new Set(branches.map((b) => b.y)).size).toBe(1);
    expect(branches[0]?.x ?? 0).toBeLessThan(branches[1]?.x ?? 0);
    expect(branches[1]?.x ?? 0).toBeLessThan(branches[2]?.x ?? 0);
  });

  it('moves Choice targets to the right and gives the Catch handler a column of its own', () => {
    const extract = node(layout, 'ExtractText');
    const skip = node(layout, 'SkipDuplicate');
    const failure = node(layout, 'RecordFailure');

    expect(skip.x).toBeGreaterThan(extract.x + extract.width);
    expect(skip.y).toBe(extract.y);
    const rightmost = Math.max(...layout.nodes.filter((n) => n.name !== 'RecordFailure' && n.name !== 'Failed').map((n) => n.x + n.width));
    expect(failure.x).toBeGreaterThan(rightmost);
    expect(node(layout, 'Failed').y).toBeGreaterThan(failure.y);
  });

  it('lets no two states outside a Parallel box overlap, and fits everything in the drawing', () => {
    const top = layout.nodes.filter((n) => n.parent === undefined);

    for (const [i, a] of top.entries()) for (const b of top.slice(i + 1)) expect({ pair: [a.name, b.name], overlap: overlaps(a, b) }).toEqual({ pair: [a.name, b.name], overlap: false });
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('draws one arrow per transition, Catch rules dashed and the extraction loop going back up', () => {
    const edge = (from: string, to: string) => layout.edges.find((e) => e.from === from && e.to === to);

    expect(edge('IsDuplicate', 'SkipDuplicate')?.kind).toBe('choice');
    expect(edge('IsDuplicate', 'ExtractText')?.kind).toBe('default');
    expect(edge('Store', 'RecordFailure')?.kind).toBe('catch');
    expect(edge('CheckExtraction', 'ExtractionReady')).toMatchObject({ kind: 'next', loop: true });
    expect(edge('Ingest', 'IsDuplicate')).toMatchObject({ kind: 'next', loop: false });
    expect(layout.edges.filter((e) => e.kind === 'catch').map((e) => e.from).sort()).toEqual(['Analyse', 'CheckExtraction', 'ExtractText', 'Ingest', 'Store']);
    const loop = edge('CheckExtraction', 'ExtractionReady');
    expect(loop?.points.at(-1)?.y).toBeLessThan(loop?.points[0]?.y ?? 0);
  });

  it('starts every arrow on its source and ends it on its target', () => {
    for (const e of layout.edges) {
      const from = node(layout, e.from);
      const to = node(layout, e.to);
      const first = e.points[0];
      const last = e.points.at(-1);
      const onBorder = (p: { x: number; y: number } | undefined, n: GraphNode): boolean =>
        p !== undefined && p.x >= n.x - 0.01 && p.x <= n.x + n.width + 0.01 && p.y >= n.y - 0.01 && p.y <= n.y + n.height + 0.01;
      expect({ edge: `${e.from}->${e.to}`, starts: onBorder(first, from), ends: onBorder(last, to) }).toEqual({ edge: `${e.from}->${e.to}`, starts: true, ends: true });
    }
  });
});

describe('laying out other definitions', () => {
  it('draws a single state', () => {
    const layout = layoutStateMachine({ StartAt: 'Only', States: { Only: { Type: 'Succeed' } } });

    expect(layout.nodes).toHaveLength(1);
    expect(layout.edges).toHaveLength(0);
    expect(layout.width).toBeGreaterThan(0);
  });

  it('still draws states nothing leads to', () => {
    const definition: AslDefinition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true }, Orphan: { Type: 'Pass', End: true } } };

    const layout = layoutStateMachine(definition);

    expect(layout.nodes.map((n) => n.name).sort()).toEqual(['A', 'Orphan']);
    expect(overlaps(layout.nodes[0] as GraphNode, layout.nodes[1] as GraphNode)).toBe(false);
  });

  it('ignores transitions to states that do not exist instead of failing', () => {
    const layout = layoutStateMachine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Missing' } } });

    expect(layout.edges).toEqual([]);
  });
});

describe('reading a definition', () => {
  it('refuses a definition without StartAt, naming the problem', () => {
    expect(() => parseAslDefinition({ States: {} })).toThrow(/StartAt/);
  });

  it('keeps the fields it draws and ignores the rest', () => {
    const definition = parseAslDefinition({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn', Next: 'B', Retry: [] }, B: { Type: 'Succeed' } } });

    expect(definition.States.A).toMatchObject({ Type: 'Task', Next: 'B' });
  });
});
