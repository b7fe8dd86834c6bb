/** The fields of a pdf.js text item this module reads. */
export interface PositionedText {
  readonly str: string;
  /** Text matrix [a, b, c, d, e, f] in PDF user space (y grows upwards). */
  readonly transform: readonly number[];
  /** Advance width along the text direction. */
  readonly width: number;
  readonly hasEOL: boolean;
}

/** A gap wider than this share of the font size between two runs on one line is a word space. */
const SPACE_GAP_EM = 0.2;
/** Runs whose baselines differ by less than this share of the font size sit on one line. */
const SAME_LINE_EM = 0.5;
/** Lines further apart than this many font sizes are separate paragraphs (a blank line between). */
const PARAGRAPH_GAP_EM = 1.8;

interface Placed {
  readonly text: string;
  readonly fontSize: number;
  /** Unit vector of the text direction. */
  readonly directionX: number;
  readonly directionY: number;
  /** Position along the text direction where the run starts and ends. */
  readonly start: number;
  readonly end: number;
  /** Position across the text direction (the baseline's offset). */
  readonly baseline: number;
  readonly endsLine: boolean;
}

interface Line {
  readonly runs: Placed[];
  readonly first: Placed;
}

/**
 * Joins a page's text runs, in the order the content stream draws them, into lines: runs on one baseline form
 * a line (with a space where there is a gap), a new baseline or an end-of-line mark starts a new one, and a
 * wide vertical gap leaves a blank line between paragraphs. Works for rotated text as well, by measuring along
 * each run's own direction.
 */
export function textFromTextItems(items: readonly PositionedText[]): string {
  const lines: Line[] = [];
  let current: Line | undefined;
  let previous: Placed | undefined;
  for (const item of items) {
    const run = place(item);
    if (run.text.length > 0) {
      if (!current || !previous || previous.endsLine || !onSameLine(previous, run)) {
        current = { runs: [run], first: run };
        lines.push(current);
      } else {
        current.runs.push(run);
      }
    }
    previous = previous && run.text.length === 0 ? { ...previous, endsLine: previous.endsLine || run.endsLine } : run;
  }
  return renderLines(lines);
}

function place(item: PositionedText): Placed {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const scaleAlong = Math.hypot(a, b);
  const directionX = scaleAlong > 0 ? a / scaleAlong : 1;
  const directionY = scaleAlong > 0 ? b / scaleAlong : 0;
  const fontSize = Math.hypot(c, d) || scaleAlong || 1;
  const start = e * directionX + f * directionY;
  return {
    text: item.str,
    fontSize,
    directionX,
    directionY,
    start,
    end: start + Math.max(0, item.width),
    baseline: f * directionX - e * directionY,
    endsLine: item.hasEOL,
  };
}

function onSameLine(previous: Placed, next: Placed): boolean {
  const sameDirection = previous.directionX * next.directionX + previous.directionY * next.directionY > 0.99;
  const tolerance = SAME_LINE_EM * Math.max(previous.fontSize, next.fontSize);
  return sameDirection && Math.abs(previous.baseline - next.baseline) <= tolerance;
}

function renderLines(lines: readonly Line[]): string {
  const output: string[] = [];
  let previousLine: Line | undefined;
  for (const line of lines) {
    const text = renderLine(line.runs);
    if (text.length === 0) continue;
    if (previousLine && isParagraphBreak(previousLine.first, line.first)) output.push('');
    output.push(text);
    previousLine = line;
  }
  return output.join('\n');
}

function renderLine(runs: readonly Placed[]): string {
  let text = '';
  let previous: Placed | undefined;
  for (const run of runs) {
    if (previous && needsSpace(previous, run, text)) text += ' ';
    text += run.text;
    previous = run;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function needsSpace(previous: Placed, next: Placed, textSoFar: string): boolean {
  if (/\s$/.test(textSoFar) || /^\s/.test(next.text)) return false;
  const gap = next.start - previous.end;
  return gap > SPACE_GAP_EM * Math.max(previous.fontSize, next.fontSize) || gap < -previous.fontSize;
}

function isParagraphBreak(previous: Placed, next: Placed): boolean {
  const sameDirection = previous.directionX * next.directionX + previous.directionY * next.directionY > 0.99;
  const gap = Math.abs(previous.baseline - next.baseline);
  return sameDirection && gap > PARAGRAPH_GAP_EM * Math.max(previous.fontSize, next.fontSize);
}
