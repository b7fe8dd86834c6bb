import { transitionsOf, type AslDefinition, type AslState, type TransitionKind } from './asl-definition.js';

/** Sizes in SVG user units. */
export const LAYOUT = {
  nodeWidth: 168,
  nodeHeight: 40,
  columnGap: 48,
  rowGap: 36,
  margin: 24,
  /** Inside a Parallel box: padding, title band, gap between branch columns. */
  parallelPadding: 14,
  parallelHeader: 30,
  branchGap: 18,
} as const;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface GraphNode {
  readonly name: string;
  readonly type: string;
  readonly comment: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The Parallel state this one runs in, when inside a branch. */
  readonly parent?: string;
  /** Index of that Parallel state's branch. */
  readonly branch?: number;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: TransitionKind;
  /** True for a transition back to an earlier state (a loop). */
  readonly loop: boolean;
  readonly points: readonly Point[];
}

/** Positions of every state and arrow; Parallel boxes come before the states inside them (drawing order). */
export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

interface Placed {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly width: number;
  readonly height: number;
}

/**
 * Lays out a state machine top to bottom from the definition itself: each state's row is its longest distance from
 * StartAt (loops ignored), the main path (Next/Default) stays in one column, Choice targets move right, Catch
 * handlers get a column of their own at the right, and a Parallel state is a box holding its branches side by side.
 */
export function layoutStateMachine(definition: AslDefinition): GraphLayout {
  const block = layoutBlock(definition, undefined);
  const m = LAYOUT.margin;
  return {
    width: block.width + 2 * m,
    height: block.height + 2 * m,
    nodes: block.nodes.map((node) => ({ ...node, x: node.x + m, y: node.y + m })),
    edges: block.edges.map((edge) => ({ ...edge, points: edge.points.map((p) => ({ x: p.x + m, y: p.y + m })) })),
  };
}

interface Visit {
  readonly order: string[];
  readonly parent: Map<string, { name: string; kind: TransitionKind }>;
  readonly loops: Set<string>;
}

const edgeKey = (from: string, to: string): string => `${from}\u0000${to}`;

/** Depth-first walk from StartAt (then any state not reached), main path first; marks transitions that loop back. */
function walk(definition: AslDefinition): Visit {
  const order: string[] = [];
  const parent = new Map<string, { name: string; kind: TransitionKind }>();
  const loops = new Set<string>();
  const seen = new Set<string>();
  const onPath = new Set<string>();
  const visit = (name: string): void => {
    const state = definition.States[name];
    if (!state || seen.has(name)) return;
    seen.add(name);
    onPath.add(name);
    order.push(name);
    for (const transition of transitionsOf(state)) {
      if (!(transition.to in definition.States)) continue;
      if (onPath.has(transition.to)) loops.add(edgeKey(name, transition.to));
      else if (!seen.has(transition.to)) {
        parent.set(transition.to, { name, kind: transition.kind });
        visit(transition.to);
      }
    }
    onPath.delete(name);
  };
  visit(definition.StartAt);
  for (const name of Object.keys(definition.States)) visit(name);
  return { order, parent, loops };
}

/** Longest distance from the start over transitions that do not loop back. */
function rowsOf(definition: AslDefinition, visit: Visit): Map<string, number> {
  const row = new Map<string, number>(visit.order.map((name) => [name, 0]));
  // Relax until stable: the graph without loop-back transitions is acyclic, so this ends within |states| passes.
  for (let pass = 0; pass < visit.order.length; pass += 1) {
    let changed = false;
    for (const name of visit.order) {
      const state = definition.States[name];
      if (!state) continue;
      for (const transition of transitionsOf(state)) {
        if (visit.loops.has(edgeKey(name, transition.to)) || !row.has(transition.to)) continue;
        const wanted = (row.get(name) ?? 0) + 1;
        if ((row.get(transition.to) ?? 0) < wanted) {
          row.set(transition.to, wanted);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return row;
}

function columnsOf(visit: Visit, rows: Map<string, number>): Map<string, number> {
  const column = new Map<string, number>();
  const taken = new Set<string>();
  const place = (name: string, wanted: number): void => {
    let col = wanted;
    while (taken.has(`${rows.get(name) ?? 0}:${col}`)) col += 1;
    column.set(name, col);
    taken.add(`${rows.get(name) ?? 0}:${col}`);
  };
  const underCatch = new Map<string, boolean>();
  for (const name of visit.order) {
    const from = visit.parent.get(name);
    underCatch.set(name, from !== undefined && (from.kind === 'catch' || underCatch.get(from.name) === true));
  }
  const wantedColumn = (name: string, catchColumn: number): number => {
    const from = visit.parent.get(name);
    if (!from) return 0;
    if (from.kind === 'catch') return catchColumn;
    const base = column.get(from.name) ?? 0;
    return from.kind === 'choice' ? base + 1 : base;
  };
  for (const name of visit.order.filter((n) => underCatch.get(n) !== true)) place(name, wantedColumn(name, 0));
  const catchColumn = Math.max(-1, ...column.values()) + 1;
  for (const name of visit.order.filter((n) => underCatch.get(n) === true)) place(name, wantedColumn(name, catchColumn));
  return column;
}

function layoutBlock(definition: AslDefinition, parallel: { name: string; branch: number } | undefined): Placed {
  const visit = walk(definition);
  const rows = rowsOf(definition, visit);
  const columns = columnsOf(visit, rows);

  // Sizes first: a Parallel state is as large as its branches laid out side by side.
  const inner = new Map<string, Placed[]>();
  const size = new Map<string, { width: number; height: number }>();
  for (const name of visit.order) {
    const state = definition.States[name] as AslState;
    if (state.Type === 'Parallel' && state.Branches && state.Branches.length > 0) {
      const branches = state.Branches.map((branch, index) => layoutBlock(branch, { name, branch: index }));
      inner.set(name, branches);
      const p = LAYOUT.parallelPadding;
      const width = branches.reduce((sum, b) => sum + b.width, 0) + LAYOUT.branchGap * (branches.length - 1) + 2 * p;
      const height = LAYOUT.parallelHeader + Math.max(...branches.map((b) => b.height)) + p;
      size.set(name, { width: Math.max(width, LAYOUT.nodeWidth), height });
    } else {
      size.set(name, { width: LAYOUT.nodeWidth, height: LAYOUT.nodeHeight });
    }
  }

  const rowCount = Math.max(...visit.order.map((n) => rows.get(n) ?? 0)) + 1;
  const columnCount = Math.max(...visit.order.map((n) => columns.get(n) ?? 0)) + 1;
  const rowHeight = Array.from({ length: rowCount }, () => 0);
  const columnWidth = Array.from({ length: columnCount }, () => 0);
  for (const name of visit.order) {
    const { width, height } = size.get(name) ?? { width: 0, height: 0 };
    const r = rows.get(name) ?? 0;
    const c = columns.get(name) ?? 0;
    rowHeight[r] = Math.max(rowHeight[r] ?? 0, height);
    columnWidth[c] = Math.max(columnWidth[c] ?? 0, width);
  }
  const offsets = (sizes: number[], gap: number): number[] =>
    sizes.reduce<number[]>((acc, _s, i) => [...acc, i === 0 ? 0 : (acc[i - 1] ?? 0) + (sizes[i - 1] ?? 0) + gap], []);
  const rowY = offsets(rowHeight, LAYOUT.rowGap);
  const columnX = offsets(columnWidth, LAYOUT.columnGap);

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const boxes = new Map<string, GraphNode>();
  for (const name of visit.order) {
    const state = definition.States[name] as AslState;
    const { width, height } = size.get(name) ?? { width: 0, height: 0 };
    const r = rows.get(name) ?? 0;
    const c = columns.get(name) ?? 0;
    const node: GraphNode = {
      name,
      type: state.Type,
      comment: state.Comment ?? '',
      x: (columnX[c] ?? 0) + ((columnWidth[c] ?? 0) - width) / 2,
      y: (rowY[r] ?? 0) + ((rowHeight[r] ?? 0) - height) / 2,
      width,
      height,
      ...(parallel ? { parent: parallel.name, branch: parallel.branch } : {}),
    };
    boxes.set(name, node);
    nodes.push(node);
    let x = node.x + LAYOUT.parallelPadding;
    for (const branch of inner.get(name) ?? []) {
      const dx = x;
      const dy = node.y + LAYOUT.parallelHeader;
      nodes.push(...branch.nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + dy })));
      edges.push(...branch.edges.map((e) => ({ ...e, points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) })));
      x += branch.width + LAYOUT.branchGap;
    }
  }

  for (const name of visit.order) {
    const state = definition.States[name] as AslState;
    const from = boxes.get(name);
    for (const transition of transitionsOf(state)) {
      const to = boxes.get(transition.to);
      if (!from || !to) continue;
      const loop = visit.loops.has(edgeKey(name, transition.to));
      edges.push({ from: name, to: transition.to, kind: transition.kind, loop, points: route(from, to, transition.kind, loop) });
    }
  }

  const width = columnX.length === 0 ? 0 : (columnX[columnCount - 1] ?? 0) + (columnWidth[columnCount - 1] ?? 0);
  const height = rowY.length === 0 ? 0 : (rowY[rowCount - 1] ?? 0) + (rowHeight[rowCount - 1] ?? 0);
  return { nodes, edges, width, height };
}

/** Orthogonal arrow: down from the bottom to the top for forward moves, out the right side for loops and Catch rules. */
function route(from: GraphNode, to: GraphNode, kind: TransitionKind, loop: boolean): Point[] {
  const fromCentre = from.x + from.width / 2;
  const toCentre = to.x + to.width / 2;
  const fromBottom = from.y + from.height;
  if (loop) {
    const side = Math.max(from.x + from.width, to.x + to.width) + LAYOUT.columnGap / 3;
    const fromMid = from.y + from.height / 2;
    const toMid = to.y + to.height / 2;
    return [
      { x: from.x + from.width, y: fromMid },
      { x: side, y: fromMid },
      { x: side, y: toMid },
      { x: to.x + to.width, y: toMid },
    ];
  }
  if (kind === 'catch') {
    // Out the right side, along the gap below the source's row (where no state sits), then into the handler.
    const fromMid = from.y + from.height / 2;
    const stub = from.x + from.width + LAYOUT.columnGap / 4;
    const below = to.y >= fromBottom;
    const gapY = below ? fromBottom + LAYOUT.rowGap / 2 : from.y - LAYOUT.rowGap / 2;
    return [
      { x: from.x + from.width, y: fromMid },
      { x: stub, y: fromMid },
      { x: stub, y: gapY },
      { x: toCentre, y: gapY },
      { x: toCentre, y: below ? to.y : to.y + to.height },
    ];
  }
  if (Math.abs(fromCentre - toCentre) < 0.5) return [{ x: fromCentre, y: fromBottom }, { x: toCentre, y: to.y }];
  const bend = fromBottom + LAYOUT.rowGap / 2;
  return [
    { x: fromCentre, y: fromBottom },
    { x: fromCentre, y: bend },
    { x: toCentre, y: bend },
    { x: toCentre, y: to.y },
  ];
}
